// Conformance: createIndexes/listIndexes/dropIndexes, unique and compound unique enforcement on
// every write path with mongod's exact duplicate key error, sparse/partial unique, and index use.
import mongoose from 'mongoose';
import { MongoServerError, type Collection, type Document } from 'mongodb';
import { openTestDatabase, withDatabase, type TestDatabase, type AnyDoc } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('indexes');
});
afterAll(() => t.cleanup());

let n = 0;
const fresh = (): Collection<AnyDoc> => t.db.collection<AnyDoc>(`ix${n++}`);

function dupMessage(coll: Collection<AnyDoc>, index: string, key: string): string {
  return `E11000 duplicate key error collection: ${coll.dbName}.${coll.collectionName} index: ${index} dup key: ${key}`;
}

describe('unique indexes', () => {
  it('enforces a unique index on insert, update, upsert and findAndModify with the server error shape', async () => {
    const c = fresh();
    expect(await c.createIndex({ email: 1 }, { unique: true })).toBe('email_1');
    await c.insertMany([{ _id: 1, email: 'a@x.cn' }, { _id: 2, email: 'b@x.cn' }]);

    const ins = await c.insertOne({ _id: 3, email: 'a@x.cn' }).catch((e) => e);
    expect(ins).toBeInstanceOf(MongoServerError);
    expect(ins).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'a@x.cn' } });
    expect(ins.message).toBe(dupMessage(c, 'email_1', '{ email: "a@x.cn" }'));

    const upd = await c.updateOne({ _id: 2 }, { $set: { email: 'a@x.cn' } }).catch((e) => e);
    expect(upd).toMatchObject({ code: 11000, keyValue: { email: 'a@x.cn' } });
    const ups = await c.updateOne({ _id: 9 }, { $set: { email: 'b@x.cn' } }, { upsert: true }).catch((e) => e);
    expect(ups).toMatchObject({ code: 11000, keyValue: { email: 'b@x.cn' } });
    const fam = await c.findOneAndUpdate({ _id: 1 }, { $set: { email: 'b@x.cn' } }).catch((e) => e);
    expect(fam).toBeInstanceOf(MongoServerError);
    expect(fam).toMatchObject({ code: 11000, codeName: 'DuplicateKey', keyPattern: { email: 1 }, keyValue: { email: 'b@x.cn' } });

    // nothing half-written
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, email: 'a@x.cn' }, { _id: 2, email: 'b@x.cn' }]);
    // changing one's own key to a free value works, and frees the old one
    await c.updateOne({ _id: 1 }, { $set: { email: 'c@x.cn' } });
    await c.insertOne({ _id: 4, email: 'a@x.cn' });
  });

  it('duplicate _id gives the _id_ index error', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'p1' } as Document);
    const err = await c.insertOne({ _id: 'p1' } as Document).catch((e) => e);
    expect(err).toMatchObject({ code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: 'p1' } });
    expect(err.message).toBe(dupMessage(c, '_id_', '{ _id: "p1" }'));
  });

  it('enforces compound unique indexes on the combination only', async () => {
    const c = fresh();
    await c.createIndex({ personId: 1, shiftId: 1 }, { unique: true, name: 'person_shift' });
    await c.insertMany([{ personId: 'p1', shiftId: 's1' }, { personId: 'p1', shiftId: 's2' }, { personId: 'p2', shiftId: 's1' }]);
    const err = await c.insertOne({ personId: 'p1', shiftId: 's2' }).catch((e) => e);
    expect(err).toMatchObject({ code: 11000, keyPattern: { personId: 1, shiftId: 1 }, keyValue: { personId: 'p1', shiftId: 's2' } });
    expect(err.message).toBe(dupMessage(c, 'person_shift', '{ personId: "p1", shiftId: "s2" }'));
  });

  it('treats missing fields as null unless the index is sparse; partial indexes only cover matching documents', async () => {
    const plain = fresh();
    await plain.createIndex({ code: 1 }, { unique: true });
    await plain.insertOne({ a: 1 });
    expect(await plain.insertOne({ a: 2 }).catch((e) => e.code)).toBe(11000);

    const sparse = fresh();
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ a: 1 }, { a: 2 }, { code: 'x' }]);
    expect(await sparse.insertOne({ code: 'x' }).catch((e) => e.code)).toBe(11000);

    const partial = fresh();
    await partial.createIndex({ personId: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await partial.insertMany([{ personId: 'p', active: false }, { personId: 'p', active: false }, { personId: 'p', active: true }]);
    expect(await partial.insertOne({ personId: 'p', active: true }).catch((e) => e.code)).toBe(11000);
    expect(await partial.countDocuments({ personId: 'p' })).toBe(3);
  });

  it('refuses a document with two array fields in one compound index (parallel arrays)', async () => {
    const c = fresh();
    await c.createIndex({ tags: 1, sites: 1 });
    await c.insertOne({ tags: ['a', 'b'], sites: 's1' });
    const err = await c.insertOne({ tags: ['a'], sites: ['s1', 's2'] }).catch((e) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(171);
    expect(await c.countDocuments()).toBe(1);
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    const c = fresh();
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    const err = await c.createIndex({ k: 1 }, { unique: true }).catch((e) => e);
    expect(err).toMatchObject({ code: 11000 });
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('mongoose surfaces the duplicate key error unchanged', async () => {
    const conn = await mongoose.createConnection(withDatabase(t.uri, t.db.databaseName)).asPromise();
    try {
      const Person = conn.model('Person', new mongoose.Schema({ idCard: { type: String, unique: true }, name: String }));
      await Person.init();
      await Person.create({ idCard: '110101199001011234', name: '赵磊' });
      const err = await Person.create({ idCard: '110101199001011234', name: '钱敏' }).catch((e) => e);
      expect(err.name).toBe('MongoServerError');
      expect(err).toMatchObject({ code: 11000, keyValue: { idCard: '110101199001011234' } });
      expect(err.message).toContain('index: idCard_1 dup key: { idCard: "110101199001011234" }');
    } finally {
      await conn.close();
    }
  });
});

describe('index management', () => {
  it('lists, recreates idempotently, and drops by name, by key and all', async () => {
    const c = fresh();
    await c.createIndexes([{ key: { a: 1 } }, { key: { b: -1, c: 1 }, name: 'bc', unique: true }]);
    expect(await c.createIndex({ a: 1 })).toBe('a_1'); // same spec again: no-op
    const list = await c.listIndexes().toArray();
    expect(list.map((i) => [i.name, i.key, !!i.unique])).toEqual([
      ['_id_', { _id: 1 }, false],
      ['a_1', { a: 1 }, false],
      ['bc', { b: -1, c: 1 }, true],
    ]);
    const conflict = await c.createIndex({ z: 1 }, { name: 'a_1' }).catch((e) => e);
    expect(conflict).toMatchObject({ code: 86, codeName: 'IndexKeySpecsConflict' });

    await c.dropIndex('a_1');
    await c.dropIndex({ b: -1, c: 1 } as unknown as string);
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_']);
    await c.createIndex({ x: 1 });
    await c.createIndex({ y: 1 });
    await c.dropIndexes();
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_']);

    expect(await c.dropIndex('nope').catch((e) => e.code)).toBe(27);
    expect(await c.dropIndex('_id_').catch((e) => e.code)).toBe(72);
    expect(await t.db.collection('never_created').listIndexes().toArray().catch((e) => e.code)).toBe(26);
  });

  it('answers equality on _id and on an index prefix from the index, not a collection scan', async () => {
    const c = fresh();
    await c.createIndex({ siteId: 1, day: 1 });
    await c.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, siteId: `s${i % 5}`, day: i, other: i })));
    const plan = async (filter: Document) => JSON.stringify((await c.find(filter).explain()).queryPlanner.winningPlan);
    expect(await plan({ _id: 3 })).toMatch(/IDHACK|IXSCAN|EXPRESS/);
    expect(await plan({ siteId: 's1' })).toContain('IXSCAN');
    expect(await plan({ siteId: { $in: ['s1', 's2'] }, other: { $gt: 3 } })).toContain('IXSCAN');
    expect(await plan({ other: 3 })).toContain('COLLSCAN');
    const aggPlan = JSON.stringify(await c.aggregate([{ $match: { siteId: 's2' } }, { $group: { _id: null, n: { $sum: 1 } } }]).explain());
    expect(aggPlan).toContain('IXSCAN');
    expect(await plan({ $or: [{ siteId: 's1' }, { _id: 7 }] })).not.toContain('COLLSCAN');
    expect(await plan({ $or: [{ siteId: 's1' }, { other: 7 }] })).toContain('COLLSCAN');
    expect(await c.countDocuments({ $or: [{ siteId: 's1', day: { $lt: 10 } }, { _id: 7 }, { _id: 8 }] })).toBe(4);
    expect(await c.countDocuments({ siteId: 's1', day: { $gte: 20 } })).toBe(6);
  });
});
