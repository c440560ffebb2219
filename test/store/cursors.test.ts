// Conformance: cursors — batches and getMore, killCursors, the 16 MiB reply limit, and idle
// cursor expiry (the expiry case needs a short timeout, so it runs on an embedded server only).
import { MongoClient, MongoServerError, type CommandSucceededEvent } from 'mongodb';
import { startEmbeddedServer } from '../../src/store/embedded';
import { openTestDatabase, usingEmbedded, type AnyDoc, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('cursors');
  await t.db.collection<AnyDoc>('many').insertMany(Array.from({ length: 250 }, (_, i) => ({ _id: i, v: `值${i}` })));
});
afterAll(() => t.cleanup());

it('walks a result across getMore batches without losing or repeating documents', async () => {
  const seen: number[] = [];
  for await (const d of t.db.collection<AnyDoc>('many').find({}, { batchSize: 40, sort: { _id: 1 } })) seen.push(d._id);
  expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i));
});

it('returns cursor ids and batches with the shape of mongod (firstBatch/nextBatch, id 0 when exhausted)', async () => {
  const first = await t.db.command({ find: 'many', filter: { _id: { $lt: 5 } }, batchSize: 2 });
  expect(first.cursor.firstBatch).toHaveLength(2);
  expect(first.cursor.ns).toBe(`${t.db.databaseName}.many`);
  const id = first.cursor.id;
  expect(id.toString()).not.toBe('0');
  const more = await t.db.command({ getMore: id, collection: 'many', batchSize: 10 });
  expect(more.cursor.nextBatch.map((d: AnyDoc) => d._id)).toEqual([2, 3, 4]);
  expect(more.cursor.id.toString()).toBe('0');
  const gone = await t.db.command({ getMore: id, collection: 'many' }).catch((e) => e);
  expect(gone).toBeInstanceOf(MongoServerError);
  expect(gone.code).toBe(43);
});

it('opens a cursor without documents for batchSize 0, then serves them on getMore', async () => {
  const first = await t.db.command({ find: 'many', filter: { _id: { $lt: 3 } }, batchSize: 0 });
  expect(first.cursor.firstBatch).toEqual([]);
  const more = await t.db.command({ getMore: first.cursor.id, collection: 'many' });
  expect(more.cursor.nextBatch.map((d: AnyDoc) => d._id)).toEqual([0, 1, 2]);
  expect(more.cursor.id.toString()).toBe('0');
});

it('honours limit across batches and aggregate cursors', async () => {
  const docs = await t.db.collection<AnyDoc>('many').find({}, { batchSize: 7, limit: 30 }).toArray();
  expect(docs).toHaveLength(30);
  const agg = await t.db.collection<AnyDoc>('many').aggregate([{ $match: { _id: { $gte: 100 } } }], { batchSize: 10 }).toArray();
  expect(agg).toHaveLength(150);
});

it('kills cursors on request', async () => {
  const first = await t.db.command({ find: 'many', batchSize: 1 });
  const id = first.cursor.id;
  const killed = await t.db.command({ killCursors: 'many', cursors: [id] });
  expect(killed.cursorsKilled.map(String)).toEqual([id.toString()]);
  expect((await t.db.command({ getMore: id, collection: 'many' }).catch((e) => e)).code).toBe(43);
});

it('keeps every reply under 16 MiB by cutting batches short', async () => {
  const big = t.db.collection<AnyDoc>('big');
  const mb = 'x'.repeat(1024 * 1024);
  // 17 documents of 1 MiB: more than one 16 MiB reply can carry
  await big.insertMany(Array.from({ length: 17 }, (_, i) => ({ _id: i, blob: mb })));
  const first = await t.db.command({ find: 'big', batchSize: 1000 });
  expect(first.cursor.firstBatch.length).toBeGreaterThan(0);
  expect(first.cursor.firstBatch.length).toBeLessThan(17);
  let total = first.cursor.firstBatch.length;
  let id = first.cursor.id;
  while (id.toString() !== '0') {
    const more = await t.db.command({ getMore: id, collection: 'big', batchSize: 1000 });
    expect(more.cursor.nextBatch.length).toBeLessThan(17);
    total += more.cursor.nextBatch.length;
    id = more.cursor.id;
  }
  expect(total).toBe(17);
  await big.drop();
});

(usingEmbedded() ? it : it.skip)('expires idle cursors after the configured timeout', async () => {
  const server = await startEmbeddedServer({ cursorTimeoutMs: 200 });
  const client = await MongoClient.connect(server.uri, { monitorCommands: true });
  try {
    const coll = client.db('expiry').collection<AnyDoc>('c');
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i })));
    const cursor = coll.find({}, { batchSize: 2 });
    expect((await cursor.next())?._id).toBe(0);
    const replies: CommandSucceededEvent[] = [];
    client.on('commandSucceeded', (e) => replies.push(e));
    await new Promise((r) => setTimeout(r, 600));
    await cursor.next(); // second doc is still in the client's batch
    const err = await cursor.next().catch((e) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(43);
    await cursor.close();
  } finally {
    await client.close();
    await server.close();
  }
});
