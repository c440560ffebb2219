// Conformance: what a standalone refuses, and that unsupported things fail with a MongoDB error
// reply naming them — never a hang, a dropped connection or a silently wrong answer.
import net from 'node:net';
import { BSON, MongoClient, MongoServerError } from 'mongodb';
import { openTestDatabase, usingEmbedded, type AnyDoc, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('errors');
  await t.db.collection<AnyDoc>('c').insertOne({ _id: 1, a: 1 });
});
afterAll(() => t.cleanup());

it('answers an unknown command with CommandNotFound naming it, and the connection keeps working', async () => {
  const err = await t.db.command({ frobnicateEverything: 1 }).catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.code).toBe(59);
  expect(err.codeName).toBe('CommandNotFound');
  expect(err.message).toContain('frobnicateEverything');
  expect(await t.db.collection<AnyDoc>('c').countDocuments()).toBe(1);
});

it('answers an unknown query operator with BadValue naming it', async () => {
  const err = await t.db.collection<AnyDoc>('c').find({ a: { $frob: 1 } }).toArray().catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.code).toBe(2);
  expect(err.message).toContain('$frob');
});

it('refuses transactions like a standalone mongod (code 20)', async () => {
  const session = t.client.startSession();
  try {
    const err = await session
      .withTransaction(async () => {
        await t.db.collection<AnyDoc>('c').insertOne({ _id: 2 }, { session });
      })
      .catch((e) => e);
    // the driver wraps the server's code-20 reply in its "does not support retryable writes" advice
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.originalError.code).toBe(20);
    expect(err.originalError.message).toContain('Transaction numbers are only allowed on a replica set member or mongos');
  } finally {
    await session.endSession();
  }
  expect(await t.db.collection<AnyDoc>('c').findOne({ _id: 2 })).toBeNull();
});

it('refuses an explicit txnNumber (retryable write) with code 20', async () => {
  const err = await t.db.command({ insert: 'c', documents: [{ _id: 3 }], txnNumber: 1 }).catch((e) => e);
  expect(err.code ?? err.originalError?.code).toBe(20);
  expect(await t.db.collection<AnyDoc>('c').findOne({ _id: 3 })).toBeNull();
});

it('works with the default retryWrites=true client options (the driver skips retryable writes on a standalone)', async () => {
  const client = await MongoClient.connect(t.uri, { retryWrites: true, retryReads: true });
  try {
    const c = client.db(t.db.databaseName).collection<AnyDoc>('retry');
    await c.insertOne({ _id: 1 });
    await c.updateOne({ _id: 1 }, { $set: { v: 1 } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, v: 1 });
  } finally {
    await client.close();
  }
});

it('reports wrong argument types naming the field', async () => {
  const err = await t.db.command({ find: 'c', filter: 'not a document' }).catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.message).toContain('filter');
});

(usingEmbedded() ? it : it.skip)('refuses collations instead of silently comparing binary', async () => {
  const err = await t.db.collection<AnyDoc>('c').find({ a: 1 }, { collation: { locale: 'zh', strength: 1 } }).toArray().catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.message).toContain('collation');
  const ok = await t.db.collection<AnyDoc>('c').find({ a: 1 }, { collation: { locale: 'simple' } }).toArray();
  expect(ok).toHaveLength(1);
});

(usingEmbedded() ? it : it.skip)('answers a request whose BSON is corrupt with an error instead of dropping the connection', async () => {
  const { hostname, port } = new URL(t.uri.replace(/^mongodb:/, 'http:'));
  const reply = await new Promise<Buffer>((resolve, reject) => {
    const s = net.connect(Number(port || 27017), hostname, () => {
      // OP_MSG with a body section whose document claims 64 bytes but holds garbage
      const body = Buffer.alloc(64, 0x7f);
      body.writeInt32LE(64, 0);
      const header = Buffer.alloc(21);
      header.writeInt32LE(21 + body.length, 0);
      header.writeInt32LE(7, 4);
      header.writeInt32LE(0, 8);
      header.writeInt32LE(2013, 12);
      header.writeUInt32LE(0, 16);
      header[20] = 0;
      s.write(Buffer.concat([header, body]));
    });
    s.once('data', (d) => {
      resolve(d);
      s.destroy();
    });
    s.on('error', reject);
    setTimeout(() => reject(new Error('no reply')), 3000);
  });
  expect(reply.readInt32LE(8)).toBe(7); // responseTo our requestID
  const doc = BSON.deserialize(reply.subarray(21));
  expect(doc.ok).toBe(0);
  expect(typeof doc.errmsg).toBe('string');
});

(usingEmbedded() ? it : it.skip)('refuses text and geo index types by name', async () => {
  const text = await t.db.collection<AnyDoc>('c').createIndex({ name: 'text' }).catch((e) => e);
  expect(text).toBeInstanceOf(MongoServerError);
  expect(text.message).toContain("'text'");
  const geo = await t.db.collection<AnyDoc>('c').createIndex({ loc: '2dsphere' }).catch((e) => e);
  expect(geo.message).toContain("'2dsphere'");
  expect((await t.db.collection<AnyDoc>('c').indexes()).map((i) => i.name)).toEqual(['_id_']);
});

it('answers an aggregation whose single result document exceeds 16 MiB with an error, not a dropped connection', async () => {
  const c = t.db.collection<AnyDoc>('huge');
  const blob = 'x'.repeat(1024 * 1024);
  await c.insertMany(Array.from({ length: 17 }, (_, i) => ({ _id: i, blob })));
  const err = await c.aggregate([{ $group: { _id: null, all: { $push: '$blob' } } }]).toArray().catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(await c.countDocuments()).toBe(17); // the connection is still usable
  await c.drop();
});

it('answers malformed commands with an error reply and stays up', async () => {
  const bad: AnyDoc[] = [
    { insert: 5, documents: [] },
    { insert: 'c', documents: 'x' },
    { insert: 'c', documents: [5] },
    { update: 'c', updates: 'x' },
    { update: 'c', updates: [{ q: {}, u: 5 }] },
    { delete: 'c', deletes: [{ q: {}, limit: 7 }] },
    { find: 'c', sort: 'x' },
    { find: 'c', sort: { a: 2 } },
    { find: 'c', projection: 5 },
    { aggregate: 'c', pipeline: 'x', cursor: {} },
    { aggregate: 'c', pipeline: [{ $match: {}, $sort: { a: 1 } }], cursor: {} },
    { createIndexes: 'c', indexes: [{}] },
    { createIndexes: 'c', indexes: [{ key: { a: 1 } }] },
    { getMore: 'abc', collection: 'c' },
    { killCursors: 'c', cursors: 'x' },
    { findAndModify: 'c', query: {}, update: 5 },
    { findAndModify: 'c', query: {} },
    { distinct: 'c', key: 5 },
    { count: 5 },
    { listIndexes: 5 },
    { dropIndexes: 'c', index: 5 },
  ];
  for (const cmd of bad) {
    const err = await t.db.command(cmd).catch((e) => e);
    expect({ cmd, name: err?.name, code: typeof err?.code }).toEqual({ cmd, name: 'MongoServerError', code: 'number' });
  }
  expect(await t.db.collection<AnyDoc>('c').countDocuments({ _id: 1 })).toBe(1);
});
