// Conformance: find projections — inclusion, exclusion, nested paths through arrays, _id
// handling, operator projections, and the error for mixing inclusion with exclusion.
import { MongoServerError } from 'mongodb';
import { openTestDatabase, type AnyDoc, type TestDatabase } from '../support/mongo';

let t: TestDatabase;
const doc = { _id: 1, name: '孙丽', contact: { phone: '138', email: 's@x.cn' }, shifts: [{ site: 'A', h: 8 }, { site: 'B', h: 4 }, 'odd'], tags: ['a', 'b', 'c'] };
beforeAll(async () => {
  t = await openTestDatabase('projection');
  await t.db.collection<AnyDoc>('p').insertOne(doc);
});
afterAll(() => t.cleanup());

const one = (projection: AnyDoc) => t.db.collection<AnyDoc>('p').findOne({ _id: 1 }, { projection });

it('includes fields in document order, with _id unless excluded, through sub-documents and arrays', async () => {
  expect(await one({ tags: 1, name: 1 })).toEqual({ _id: 1, name: '孙丽', tags: ['a', 'b', 'c'] });
  expect(Object.keys((await one({ tags: 1, name: 1 }))!)).toEqual(['_id', 'name', 'tags']);
  expect(await one({ 'contact.phone': 1, _id: 0 })).toEqual({ contact: { phone: '138' } });
  expect(await one({ 'shifts.site': 1, _id: 0 })).toEqual({ shifts: [{ site: 'A' }, { site: 'B' }] });
  expect(await one({ _id: 0, missing: 1 })).toEqual({});
  expect(await one({ _id: 1 })).toEqual({ _id: 1 });
  expect(Object.keys((await one({ _id: 0 }))!)).toEqual(['name', 'contact', 'shifts', 'tags']);
});

it('excludes fields, nested ones too', async () => {
  expect(await one({ contact: 0, shifts: 0, tags: 0 })).toEqual({ _id: 1, name: '孙丽' });
  expect(await one({ 'contact.email': 0, shifts: 0, tags: 0, _id: 0 })).toEqual({ name: '孙丽', contact: { phone: '138' } });
  expect(await one({ 'shifts.h': 0, contact: 0, tags: 0, name: 0 })).toEqual({ _id: 1, shifts: [{ site: 'A' }, { site: 'B' }, 'odd'] });
});

it('supports operator projections ($slice, $elemMatch)', async () => {
  expect(await one({ tags: { $slice: 2 }, name: 1, _id: 0 })).toEqual({ name: '孙丽', tags: ['a', 'b'] });
  expect(await one({ shifts: { $elemMatch: { site: 'B' } } })).toEqual({ _id: 1, shifts: [{ site: 'B', h: 4 }] });
});

it('refuses mixing inclusion and exclusion', async () => {
  const err = await one({ name: 1, tags: 0 }).catch((e) => e);
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.message).toMatch(/exclusion|inclusion/);
});
