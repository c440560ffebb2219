// Conformance: create, drop, dropDatabase, listCollections, listDatabases.
import { MongoServerError } from 'mongodb';
import { openTestDatabase, uniqueDbName, usingEmbedded, type AnyDoc, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('namespaces');
});
afterAll(() => t.cleanup());

it('creates collections explicitly and implicitly, refuses an existing name with NamespaceExists', async () => {
  await t.db.createCollection('explicit');
  await t.db.collection<AnyDoc>('implicit').insertOne({ a: 1 });
  const err = await t.db.createCollection('explicit').catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.code).toBe(48);
  const names = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  expect(names).toEqual(['explicit', 'implicit']);
  const filtered = await t.db.listCollections({ name: 'implicit' }).toArray();
  expect(filtered).toHaveLength(1);
  expect(filtered[0]).toMatchObject({ name: 'implicit', type: 'collection' });
});

it('drops a collection with its documents and indexes', async () => {
  const c = t.db.collection<AnyDoc>('todrop');
  await c.insertOne({ k: 1 });
  await c.createIndex({ k: 1 }, { unique: true });
  expect(await c.drop()).toBe(true);
  expect(await c.countDocuments()).toBe(0);
  await c.insertOne({ k: 1 });
  await c.insertOne({ k: 1 }); // the unique index went with the collection
  expect(await c.countDocuments()).toBe(2);
});

it('lists databases and drops a whole database', async () => {
  const other = t.client.db(uniqueDbName('nsother'));
  await other.collection<AnyDoc>('x').insertOne({ a: 1 });
  const { databases } = await t.client.db('admin').admin().listDatabases();
  expect(databases.map((d) => d.name)).toContain(other.databaseName);
  expect(await other.dropDatabase()).toBe(true);
  const after = await t.client.db('admin').admin().listDatabases({ nameOnly: true });
  expect(after.databases.map((d) => d.name)).not.toContain(other.databaseName);
  expect(await other.collection<AnyDoc>('x').countDocuments()).toBe(0);
});

(usingEmbedded() ? it : it.skip)('refuses collection options it would not enforce (capped, validator)', async () => {
  const capped = await t.db.createCollection('capped', { capped: true, size: 4096 }).catch((e) => e);
  expect(capped).toBeInstanceOf(MongoServerError);
  expect(capped.message).toContain('capped');
  const validated = await t.db.createCollection('validated', { validator: { n: { $gt: 0 } } }).catch((e) => e);
  expect(validated.message).toContain('validator');
  expect((await t.db.listCollections({ name: { $in: ['capped', 'validated'] } }).toArray()).length).toBe(0);
});
