// Conformance: many concurrent connections, handshake details, and a broken client not
// affecting the others.
import net from 'node:net';
import { MongoClient } from 'mongodb';
import { openTestDatabase, type AnyDoc, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('connections');
});
afterAll(() => t.cleanup());

it('serves many clients writing and reading concurrently without losing a write', async () => {
  const clients = await Promise.all(Array.from({ length: 8 }, () => MongoClient.connect(t.uri, { maxPoolSize: 4 })));
  try {
    await Promise.all(
      clients.map((client, ci) =>
        Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            const c = client.db(t.db.databaseName).collection<AnyDoc>('concurrent');
            await c.insertOne({ _id: `${ci}-${i}`, ci });
            await c.updateOne({ _id: 'counter' }, { $inc: { n: 1 } }, { upsert: true }).catch(async (e) => {
              // two upserts racing on the same _id: one wins, the loser retries as an update (as with mongod)
              if (e.code !== 11000) throw e;
              await c.updateOne({ _id: 'counter' }, { $inc: { n: 1 } });
            });
            expect(await c.findOne({ _id: `${ci}-${i}` })).toEqual({ _id: `${ci}-${i}`, ci });
          }),
        ),
      ),
    );
    const c = t.db.collection<AnyDoc>('concurrent');
    expect(await c.countDocuments({ ci: { $exists: true } })).toBe(160);
    expect((await c.findOne({ _id: 'counter' }))!.n).toBe(160);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
});

it('answers hello as a writable standalone', async () => {
  const hello = await t.db.admin().command({ hello: 1 });
  expect(hello).toMatchObject({ isWritablePrimary: true, ok: 1 });
  expect(hello.setName).toBeUndefined();
  expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
  expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
  expect(await t.db.admin().ping()).toMatchObject({ ok: 1 });
  expect((await t.db.admin().buildInfo()).version).toMatch(/^\d+\.\d+/);
  const fcv = await t.db.admin().command({ getParameter: 1, featureCompatibilityVersion: 1 });
  expect(fcv.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
});

it('drops a connection that sends garbage and keeps serving everyone else', async () => {
  const { hostname, port } = new URL(t.uri.replace(/^mongodb:/, 'http:'));
  const closed = await new Promise<boolean>((resolve) => {
    const s = net.connect(Number(port || 27017), hostname, () => {
      const junk = Buffer.alloc(16);
      junk.writeInt32LE(3, 0); // impossible message length
      s.write(junk);
    });
    s.on('close', () => resolve(true));
    s.on('error', () => undefined);
    setTimeout(() => {
      s.destroy();
      resolve(false);
    }, 3000);
  });
  expect(closed).toBe(true);
  expect(await t.db.collection<AnyDoc>('concurrent').estimatedDocumentCount()).toBeGreaterThanOrEqual(0);
});
