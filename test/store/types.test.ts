// Conformance: BSON types round-trip as the driver can see them (promoteValues:false shows the
// wire types), Decimal128 compares numerically, and updates keep numeric types like mongod.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp, type Document } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('types');
});
afterAll(() => t.cleanup());

function typeNames(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc)) {
    out[k] = v === null ? 'null' : v instanceof Date ? 'Date' : typeof v === 'object' ? (v._bsontype ?? v.constructor.name) : typeof v;
  }
  return out;
}

it('round-trips Int32, Double (even integral), Int64, Decimal128, Date, ObjectId, Binary, null, nested docs', async () => {
  const c = t.db.collection('roundtrip');
  const oid = new ObjectId();
  const when = new Date('2026-02-03T04:05:06.789Z');
  await c.insertOne({
    _id: oid,
    i: new Int32(7),
    d: new Double(5),
    f: 2.25,
    l: Long.fromString('9007199254740993'),
    m: Decimal128.fromString('12.340'),
    at: when,
    bin: new Binary(Buffer.from([1, 2, 3])),
    ts: new Timestamp({ t: 100, i: 1 }),
    nil: null,
    s: '网格员',
    nested: { arr: [new Double(1), new Int32(1)] },
  });
  const raw = (await c.findOne({ _id: oid }, { promoteValues: false }))!;
  expect(typeNames(raw)).toEqual({
    _id: 'ObjectId', i: 'Int32', d: 'Double', f: 'Double', l: 'Long', m: 'Decimal128', at: 'Date',
    bin: 'Binary', ts: 'Timestamp', nil: 'null', s: 'string', nested: 'Object',
  });
  expect(raw.l.toString()).toBe('9007199254740993');
  expect(raw.m.toString()).toBe('12.340');
  expect((raw.at as Date).toISOString()).toBe(when.toISOString());
  expect(raw.nested.arr.map((v: { _bsontype: string }) => v._bsontype)).toEqual(['Double', 'Int32']);
  const promoted = (await c.findOne({ _id: oid }))!;
  expect(promoted.d).toBe(5);
  expect(promoted.i).toBe(7);
});

it('keeps numeric types through $inc like mongod (Int32 stays Int32, Double stays Double, Int64 stays Int64)', async () => {
  const c = t.db.collection('inc');
  await c.insertOne({ _id: 1 as never, i: new Int32(1), d: new Double(1), l: Long.fromNumber(1) });
  await c.updateOne({ _id: 1 as never }, { $inc: { i: 1, d: 1, l: 1 } });
  const raw = (await c.findOne({ _id: 1 as never }, { promoteValues: false }))!;
  expect(typeNames(raw)).toMatchObject({ i: 'Int32', d: 'Double', l: 'Long' });
  expect([raw.i.valueOf(), raw.d.valueOf(), Number(raw.l.toString())]).toEqual([2, 2, 2]);
});

it('compares Decimal128 numerically in queries and sorts', async () => {
  const c = t.db.collection('dec');
  await c.insertMany(['9', '10', '1.5', '100.25'].map((s, i) => ({ _id: i, v: Decimal128.fromString(s) })) as Document[]);
  expect(await c.countDocuments({ v: { $gt: 9.5 } })).toBe(2);
  expect(await c.countDocuments({ v: { $lt: Decimal128.fromString('9.5') } })).toBe(2);
  expect(await c.countDocuments({ v: 10 })).toBe(1);
  const sorted = await c.find({}, { sort: { v: 1 } }).toArray();
  expect(sorted.map((d) => d.v.toString())).toEqual(['1.5', '9', '10', '100.25']);
});

it('matches Int32, Double and Int64 holding the same number as equal', async () => {
  const c = t.db.collection('numeq');
  await c.insertMany([{ v: new Int32(3) }, { v: new Double(3) }, { v: Long.fromNumber(3) }, { v: 4 }]);
  expect(await c.countDocuments({ v: 3 })).toBe(3);
  expect(await c.countDocuments({ v: { $type: 'double' } })).toBeGreaterThanOrEqual(1);
});

it('promotes an Int32 that $inc overflows to Int64, like mongod', async () => {
  const c = t.db.collection('overflow');
  await c.insertOne({ _id: 1 as never, n: new Int32(2147483647) });
  await c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } });
  const raw = (await c.findOne({ _id: 1 as never }, { promoteValues: false }))!;
  expect(typeNames(raw).n).toBe('Long');
  expect(raw.n.toString()).toBe('2147483648');
  // the same through the general update path ($push forces it)
  await c.insertOne({ _id: 2 as never, n: new Int32(2147483647), log: [] });
  await c.updateOne({ _id: 2 as never }, { $inc: { n: 1 }, $push: { log: 'x' } } as Document);
  expect(typeNames((await c.findOne({ _id: 2 as never }, { promoteValues: false }))!).n).toBe('Long');
});
