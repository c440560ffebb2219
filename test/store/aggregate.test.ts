// Conformance: the aggregation stages the service uses.
import { openTestDatabase, usingEmbedded, type AnyDoc, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('aggregate');
  await t.db.collection<AnyDoc>('people').insertMany([
    { _id: 'p1', name: '张伟', unit: 'u1', party: true, skills: ['医疗', '驾驶'], hours: 10 },
    { _id: 'p2', name: '李娜', unit: 'u1', party: false, skills: ['驾驶'], hours: 6 },
    { _id: 'p3', name: '王芳', unit: 'u2', party: true, skills: [], hours: 8 },
    { _id: 'p4', name: '刘洋', unit: 'u2', party: true, skills: ['医疗'], hours: 2 },
  ]);
  await t.db.collection<AnyDoc>('units').insertMany([
    { _id: 'u1', name: '区卫健委' },
    { _id: 'u2', name: '街道办' },
  ]);
});
afterAll(() => t.cleanup());

const people = () => t.db.collection<AnyDoc>('people');

it('$match $group $sort', async () => {
  const r = await people()
    .aggregate([{ $match: { party: true } }, { $group: { _id: '$unit', hours: { $sum: '$hours' }, n: { $sum: 1 } } }, { $sort: { hours: -1 } }])
    .toArray();
  expect(r).toEqual([
    { _id: 'u1', hours: 10, n: 1 },
    { _id: 'u2', hours: 10, n: 2 },
  ].sort((a, b) => b.hours - a.hours || 0));
  expect(r.map((x) => x.n).sort()).toEqual([1, 2]);
});

it('$unwind $group $project $addFields $limit $skip $count', async () => {
  const bySkill = await people()
    .aggregate([{ $unwind: '$skills' }, { $group: { _id: '$skills', people: { $push: '$name' } } }, { $sort: { _id: 1 } }, { $project: { _id: 0, skill: '$_id', count: { $size: '$people' } } }])
    .toArray();
  expect(bySkill).toEqual([
    { skill: '医疗', count: 2 },
    { skill: '驾驶', count: 2 },
  ]);
  const page = await people().aggregate([{ $sort: { hours: -1 } }, { $skip: 1 }, { $limit: 2 }, { $addFields: { overtime: { $gt: ['$hours', 7] } } }, { $project: { name: 1, overtime: 1 } }]).toArray();
  expect(page).toEqual([
    { _id: 'p3', name: '王芳', overtime: true },
    { _id: 'p2', name: '李娜', overtime: false },
  ]);
  expect(await people().aggregate([{ $match: { hours: { $gte: 6 } } }, { $count: 'n' }]).toArray()).toEqual([{ n: 3 }]);
});

it('$lookup joins another collection of the same database', async () => {
  const r = await people()
    .aggregate([{ $match: { _id: 'p3' } }, { $lookup: { from: 'units', localField: 'unit', foreignField: '_id', as: 'u' } }, { $project: { unitName: { $first: '$u.name' } } }])
    .toArray();
  expect(r).toEqual([{ _id: 'p3', unitName: '街道办' }]);
});

it('$facet runs sub-pipelines over the same input', async () => {
  const [r] = await people()
    .aggregate([{ $facet: { total: [{ $count: 'n' }], party: [{ $match: { party: true } }, { $count: 'n' }] } }])
    .toArray();
  expect(r).toEqual({ total: [{ n: 4 }], party: [{ n: 3 }] });
});

(usingEmbedded() ? it : it.skip)('refuses $out (the embedded server does not write from pipelines)', async () => {
  const out = await people().aggregate([{ $out: 'copy' }]).toArray().catch((e) => e);
  expect(out.name).toBe('MongoServerError');
  expect(out.message).toContain('$out');
});

it('refuses unknown stages and expressions with an error naming them', async () => {
  const expr = await people().aggregate([{ $project: { x: { $bogusExpr: 1 } } }]).toArray().catch((e) => e);
  expect(expr.name).toBe('MongoServerError');
  expect(typeof expr.code).toBe('number');
  expect(expr.message).toContain('$bogusExpr');
  const unknown = await people().aggregate([{ $bogusStage: {} }]).toArray().catch((e) => e);
  expect(unknown.name).toBe('MongoServerError');
  expect(unknown.code).toBe(40324);
  expect(unknown.message).toContain('$bogusStage');
});
