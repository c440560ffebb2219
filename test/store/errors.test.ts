// Conformance: what a standalone refuses, and that unsupported things fail with a MongoDB error
// reply naming them — never a hang, a dropped connection or a silently wrong answer.
import { MongoClient, MongoServerError } from 'mongodb';
import { openTestDatabase, type AnyDoc, type TestDatabase } from '../support/mongo';

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
