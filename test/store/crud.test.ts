// Conformance: insert/find/update/delete/findAndModify/count/distinct/bulkWrite through the
// official driver, with the reply and error shapes a real mongod gives.
import { MongoBulkWriteError, MongoServerError, ObjectId, type Collection, type Document } from 'mongodb';
import { openTestDatabase, type TestDatabase, type AnyDoc } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('crud');
});
afterAll(() => t.cleanup());

let n = 0;
function fresh(): Collection<AnyDoc> {
  return t.db.collection<AnyDoc>(`c${n++}`);
}

describe('insert', () => {
  it('assigns an ObjectId _id and returns the inserted ids', async () => {
    const c = fresh();
    const r = await c.insertOne({ name: '王芳' });
    expect(r.insertedId).toBeInstanceOf(ObjectId);
    expect(await c.findOne({ _id: r.insertedId })).toEqual({ _id: r.insertedId, name: '王芳' });
  });

  it('ordered batch stops at the first error and reports it with its index', async () => {
    const c = fresh();
    const err = await c.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }] as Document[]).catch((e) => e);
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    expect(err.insertedCount).toBe(1);
    expect(err.writeErrors).toHaveLength(1);
    expect(err.writeErrors[0].index).toBe(1);
    expect(err.writeErrors[0].code).toBe(11000);
    expect(await c.countDocuments()).toBe(1);
  });

  it('unordered batch continues after errors and reports each one', async () => {
    const c = fresh();
    const err = await c.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }] as Document[], { ordered: false }).catch((e) => e);
    expect(err.insertedCount).toBe(3);
    expect(err.writeErrors.map((e: { index: number }) => e.index)).toEqual([1, 3]);
    expect(await c.countDocuments()).toBe(3);
  });
});

describe('find', () => {
  let c: Collection<AnyDoc>;
  beforeAll(async () => {
    c = fresh();
    await c.insertMany(
      Array.from({ length: 20 }, (_, i) => ({ _id: i, n: i % 5, name: `社区${i}`, tags: i % 2 ? ['卡点', '网格'] : ['重点场所'], nested: { v: i } })),
    );
  });

  it('filters with operators, sorts, skips, limits and projects', async () => {
    const docs = await c.find({ n: { $in: [1, 2] }, 'nested.v': { $gte: 5 } }, { sort: { n: -1, _id: 1 }, skip: 1, limit: 3, projection: { name: 1 } }).toArray();
    expect(docs).toEqual([
      { _id: 12, name: '社区12' },
      { _id: 17, name: '社区17' },
      { _id: 6, name: '社区6' },
    ]);
  });

  it('matches array elements, $elemMatch, $exists, $regex, $or', async () => {
    expect(await c.countDocuments({ tags: '卡点' })).toBe(10);
    expect(await c.countDocuments({ tags: { $all: ['卡点', '网格'] } })).toBe(10);
    expect(await c.countDocuments({ nested: { $exists: true }, name: { $regex: '^社区1' } })).toBe(11);
    expect(await c.countDocuments({ $or: [{ _id: 0 }, { n: 4 }] })).toBe(5);
    expect(await c.countDocuments({ missing: null })).toBe(20);
  });

  it('sorts like mongod: missing/null first, numbers before strings, arrays by their min (asc) or max (desc)', async () => {
    const s = fresh();
    await s.insertMany([
      { _id: 'str', v: 'a' },
      { _id: 'num', v: 5 },
      { _id: 'missing' },
      { _id: 'arr', v: [7, 1] },
      { _id: 'date', v: new Date(0) },
      { _id: 'neg', v: -2.5 },
    ]);
    expect((await s.find().sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id)).toEqual(['missing', 'neg', 'arr', 'num', 'str', 'date']);
    expect((await s.find().sort({ v: -1, _id: 1 }).toArray()).map((d) => d._id)).toEqual(['date', 'str', 'arr', 'num', 'neg', 'missing']);
  });

  it('sort with skip/limit over many documents returns exactly the right window, ties in natural order', async () => {
    const s = fresh();
    const docs = Array.from({ length: 600 }, (_, i) => ({ _id: i, score: (i * 7919) % 97, day: i % 7 }));
    await s.insertMany(docs);
    const expected = [...docs].sort((a, b) => b.score - a.score || a.day - b.day || a._id - b._id).slice(5, 17).map((d) => d._id);
    const got = await s.find({}, { sort: { score: -1, day: 1, _id: 1 }, skip: 5, limit: 12 }).toArray();
    expect(got.map((d) => d._id)).toEqual(expected);
  });

  it('sorts by $natural forwards and backwards', async () => {
    const s = fresh();
    await s.insertMany([{ _id: 'b' }, { _id: 'c' }, { _id: 'a' }]);
    expect((await s.find().sort({ $natural: -1 }).toArray()).map((d) => d._id)).toEqual(['a', 'c', 'b']);
    expect((await s.find().sort({ $natural: 1 }).limit(2).toArray()).map((d) => d._id)).toEqual(['b', 'c']);
  });

  it('findOne on a missing collection returns null', async () => {
    expect(await t.db.collection('nope').findOne({})).toBeNull();
  });
});

describe('update', () => {
  it('applies operators and reports matched/modified counts', async () => {
    const c = fresh();
    await c.insertMany([{ _id: 1, n: 1, arr: [1, 2, 3] }, { _id: 2, n: 2, arr: [] }]);
    const r = await c.updateOne({ _id: 1 }, { $inc: { n: 2 }, $push: { arr: 4 }, $set: { 'a.b': '值' }, $unset: { missing: '' } } as Document);
    expect(r).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, n: 3, arr: [1, 2, 3, 4], a: { b: '值' } });
    const same = await c.updateOne({ _id: 1 }, { $set: { n: 3 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    // doc 1 already holds 1 and n=3 > 2: matched but not modified
    const many = await c.updateMany({}, { $addToSet: { arr: 1 }, $max: { n: 2 } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 1 });
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, n: 2, arr: [1] });
    await c.updateOne({ _id: 1 }, { $pull: { arr: { $gte: 3 } }, $rename: { a: 'renamed' }, $mul: { n: 2 } } as Document);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, n: 6, arr: [1, 2], renamed: { b: '值' } });
  });

  it('creates and removes nested paths with $set/$inc/$unset and leaves other documents untouched', async () => {
    const c = fresh();
    await c.insertMany([{ _id: 1, a: { keep: 1 } }, { _id: 2, a: { keep: 2 } }]);
    await c.updateOne({ _id: 1 }, { $set: { 'a.b.c': '深' }, $inc: { 'stats.n': 2 } });
    await c.updateOne({ _id: 1 }, { $inc: { 'stats.n': 3 }, $unset: { 'a.keep': '', 'no.such': '' } });
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, a: { b: { c: '深' } }, stats: { n: 5 } },
      { _id: 2, a: { keep: 2 } },
    ]);
    const err = await c.updateOne({ _id: 2 }, { $inc: { 'a.keep': 'x' } } as Document).catch((e) => e);
    expect(err.name).toBe('MongoServerError');
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, a: { keep: 2 } });
  });

  it('conditional single-document update guards a counter (filled < headcount)', async () => {
    const c = fresh();
    await c.insertOne({ _id: 'shift', filled: 0, headcount: 3 });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => c.updateOne({ _id: 'shift', $expr: { $lt: ['$filled', '$headcount'] } }, { $inc: { filled: 1 } })),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(3);
    expect((await c.findOne({ _id: 'shift' }))!.filled).toBe(3);
  });

  it('upsert seeds the new document from the query and applies $setOnInsert only on insert', async () => {
    const c = fresh();
    const r1 = await c.updateOne(
      { personId: 'p1', day: '2026-03-01', status: { $in: ['A'] } },
      { $set: { hours: 8 }, $setOnInsert: { createdBy: '管理员' } },
      { upsert: true },
    );
    expect(r1.upsertedCount).toBe(1);
    expect(r1.upsertedId).toBeInstanceOf(ObjectId);
    expect(await c.findOne({ personId: 'p1' }, { projection: { _id: 0 } })).toEqual({ personId: 'p1', day: '2026-03-01', status: 'A', hours: 8, createdBy: '管理员' });
    const r2 = await c.updateOne({ personId: 'p1', day: '2026-03-01' }, { $set: { hours: 4 }, $setOnInsert: { createdBy: 'other' } }, { upsert: true });
    expect(r2).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await c.findOne({ personId: 'p1' }, { projection: { _id: 0, hours: 1, createdBy: 1 } })).toEqual({ hours: 4, createdBy: '管理员' });
    const r3 = await c.replaceOne({ _id: 'fixed' }, { v: 1 }, { upsert: true });
    expect(r3.upsertedId).toBe('fixed');
  });

  it('updates array elements selected by arrayFilters and the positional $', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1, shifts: [{ site: 'A', n: 1 }, { site: 'B', n: 2 }, { site: 'A', n: 3 }] });
    await c.updateOne({ _id: 1 }, { $inc: { 'shifts.$[s].n': 10 } }, { arrayFilters: [{ 's.site': 'A' }] });
    expect((await c.findOne({ _id: 1 }))!.shifts).toEqual([{ site: 'A', n: 11 }, { site: 'B', n: 2 }, { site: 'A', n: 13 }]);
    await c.updateOne({ _id: 1, 'shifts.site': 'B' }, { $set: { 'shifts.$.n': 0 } });
    expect((await c.findOne({ _id: 1 }))!.shifts[1]).toEqual({ site: 'B', n: 0 });
    await c.updateOne({ _id: 1 }, { $set: { 'shifts.$[].seen': true } });
    expect((await c.findOne({ _id: 1 }))!.shifts.every((s: Document) => s.seen === true)).toBe(true);
  });

  it('runs pipeline-style updates', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1, a: 2, b: 3 });
    await c.updateOne({ _id: 1 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'b' }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2, sum: 5 });
  });

  it('refuses to change _id with code 66 and leaves the document unchanged', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1, v: 1 });
    const e1 = await c.updateOne({ _id: 1 }, { $set: { _id: 2, v: 9 } }).catch((e) => e);
    expect(e1).toBeInstanceOf(MongoServerError);
    expect(e1.code).toBe(66);
    const e2 = await c.replaceOne({ _id: 1 }, { _id: 3, v: 9 }).catch((e) => e);
    expect(e2.code).toBe(66);
    expect(await c.findOne({})).toEqual({ _id: 1, v: 1 });
  });

  it('rejects unknown update operators naming them (code 9)', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1 });
    const err = await c.updateOne({ _id: 1 }, { $frobnicate: { a: 1 } } as Document).catch((e) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(9);
    expect(err.message).toContain('$frobnicate');
  });
});

describe('delete', () => {
  it('deletes one or many and reports the count', async () => {
    const c = fresh();
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await c.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({ k: { $gte: 1 } })).deletedCount).toBe(2);
    expect((await c.deleteMany({})).deletedCount).toBe(0);
  });
});

describe('findAndModify', () => {
  let c: Collection<AnyDoc>;
  beforeEach(async () => {
    c = fresh();
    await c.insertMany([{ _id: 1, q: 'x', n: 5 }, { _id: 2, q: 'x', n: 1 }, { _id: 3, q: 'y', n: 9 }]);
  });

  it('returns the document before or after an update, honouring sort and projection', async () => {
    const before = await c.findOneAndUpdate({ q: 'x' }, { $inc: { n: 100 } }, { sort: { n: 1 }, returnDocument: 'before', projection: { n: 1 } });
    expect(before).toEqual({ _id: 2, n: 1 });
    const after = await c.findOneAndUpdate({ q: 'x' }, { $inc: { n: 1 } }, { sort: { n: -1 }, returnDocument: 'after' });
    expect(after).toEqual({ _id: 2, q: 'x', n: 102 });
  });

  it('replaces, deletes, and upserts', async () => {
    expect(await c.findOneAndReplace({ _id: 3 }, { q: 'z' }, { returnDocument: 'after' })).toEqual({ _id: 3, q: 'z' });
    expect(await c.findOneAndDelete({ q: 'x' }, { sort: { n: -1 } })).toEqual({ _id: 1, q: 'x', n: 5 });
    expect(await c.findOneAndDelete({ q: 'nothing' })).toBeNull();
    const up = await c.findOneAndUpdate({ _id: 10 }, { $set: { n: 1 } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
    expect(up.value).toEqual({ _id: 10, n: 1 });
    expect(up.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false, upserted: 10 });
    const none = await c.findOneAndUpdate({ _id: 11 }, { $set: { n: 1 } }, { upsert: true, returnDocument: 'before' });
    expect(none).toBeNull();
  });
});

describe('count and distinct', () => {
  it('counts with query/skip/limit and lists distinct values (array elements unwound)', async () => {
    const c = fresh();
    await c.insertMany([{ t: ['a', 'b'], k: 1 }, { t: 'a', k: 2 }, { t: 'c', k: 2 }, { k: 3 }]);
    expect(await c.countDocuments({ k: 2 })).toBe(2);
    expect(await c.estimatedDocumentCount()).toBe(4);
    expect(await c.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect((await c.distinct('t')).sort()).toEqual(['a', 'b', 'c']);
    expect(await c.distinct('k', { t: 'a' })).toEqual([1, 2]);
  });
});

describe('bulkWrite', () => {
  it('mixes inserts, updates, replaces and deletes in order', async () => {
    const c = fresh();
    const r = await c.bulkWrite([
      { insertOne: { document: { _id: 1, v: 1 } } },
      { insertOne: { document: { _id: 2, v: 2 } } },
      { updateOne: { filter: { _id: 1 }, update: { $inc: { v: 10 } } } },
      { updateMany: { filter: {}, update: { $set: { seen: true } } } },
      { replaceOne: { filter: { _id: 2 }, replacement: { v: 20 } } },
      { updateOne: { filter: { _id: 3 }, update: { $set: { v: 3 } }, upsert: true } },
      { deleteOne: { filter: { _id: 1 } } },
    ]);
    expect(r).toMatchObject({ insertedCount: 2, matchedCount: 4, modifiedCount: 4, upsertedCount: 1, deletedCount: 1 });
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 2, v: 20 }, { _id: 3, v: 3 }]);
  });

  it('unordered bulkWrite reports per-item errors and applies the rest', async () => {
    const c = fresh();
    await c.insertOne({ _id: 1 });
    const err = await c
      .bulkWrite([{ insertOne: { document: { _id: 1 } } }, { insertOne: { document: { _id: 2 } } }, { updateOne: { filter: { _id: 2 }, update: { $set: { _id: 5 } } } }], { ordered: false })
      .catch((e) => e);
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    expect(err.writeErrors.map((e: { index: number; code: number }) => [e.index, e.code])).toEqual([
      [0, 11000],
      [2, 66],
    ]);
    expect(await c.countDocuments()).toBe(2);
  });
});
