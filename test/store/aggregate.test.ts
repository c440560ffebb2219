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

it('$sort followed by $limit over many documents returns the exact top documents', async () => {
  const c = t.db.collection<AnyDoc>('scores');
  const docs = Array.from({ length: 500 }, (_, i) => ({ _id: i, score: (i * 7919) % 89, unit: `u${i % 4}` }));
  await c.insertMany(docs);
  const expected = [...docs].sort((a, b) => b.score - a.score || a._id - b._id).slice(0, 6).map((d) => d._id);
  const top = await c.aggregate([{ $match: { score: { $gte: 0 } } }, { $sort: { score: -1, _id: 1 } }, { $limit: 6 }, { $project: { _id: 1 } }]).toArray();
  expect(top.map((d) => d._id)).toEqual(expected);
});

it('$dateTrunc to the day in a region time zone uses the local calendar day', async () => {
  const c = t.db.collection<AnyDoc>('checkins');
  await c.insertMany([
    { _id: 'lateUtc', at: new Date('2026-03-01T17:30:00Z') }, // 01:30 on 2 March in Shanghai
    { _id: 'sameDay', at: new Date('2026-03-01T10:30:00Z') }, // 18:30 on 1 March in Shanghai
  ]);
  const rows = await c
    .aggregate([
      { $project: { day: { $dateTrunc: { date: '$at', unit: 'day', timezone: 'Asia/Shanghai' } }, month: { $dateTrunc: { date: '$at', unit: 'month', timezone: 'Asia/Shanghai' } } } },
      { $sort: { _id: 1 } },
    ])
    .toArray();
  expect(rows.map((r) => [r._id, r.day.toISOString(), r.month.toISOString()])).toEqual([
    ['lateUtc', '2026-03-01T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['sameDay', '2026-02-28T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
  ]);
});
