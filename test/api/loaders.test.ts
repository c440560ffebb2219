// DataLoader batching: listing people with their unit and region must cost a constant number of
// store round trips, whatever the page size. Every collection operation mongoose sends is
// counted through mongoose's debug hook (the server runs in this process, on the same mongoose).
import mongoose from 'mongoose';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, ok, type World } from './world';

let srv: TestServer;
let w: World;
beforeAll(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv);
  // 120 people over 10 units and 12 regions (C1, its grid, and ten more grids)
  const admin = w.tokens.admin;
  const units: string[] = [];
  for (let u = 0; u < 10; u++) {
    ok(await srv.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { code: `LU${u}`, name: `批量单位${u}`, kind: 'ENTERPRISE', regionId: w.town1 } }, { token: admin }));
    units.push(`LU${u}`);
  }
  for (let g = 2; g < 12; g++) {
    ok(await srv.gql('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', { i: { code: `LG${g}`, name: `网格${g}`, level: 'GRID', parentId: w.c1 } }, { token: admin }));
  }
  const rows = ['姓名,手机号,单位,社区'];
  for (let i = 0; i < 120; i++) rows.push(`批量${i},1365555${String(i).padStart(4, '0')},${units[i % 10]},LG${2 + (i % 10)}`);
  const r = ok(await srv.gql('mutation($csv: String!) { importPeople(csv: $csv) { created errors { line rule } } }', { csv: rows.join('\n') }, { token: admin })).importPeople;
  expect(r).toEqual({ created: 120, errors: [] });
});
afterAll(async () => {
  mongoose.set('debug', false);
  await srv?.stop();
});

const Q = 'query($n: Int) { people(first: $n, filter: { search: "批量" }) { totalCount edges { node { name homeUnit { name region { name } } homeRegion { name parent { name } } } } } }';

async function countOps(token: string, n: number): Promise<{ ops: string[]; rows: number }> {
  const ops: string[] = [];
  mongoose.set('debug', (collection: string, method: string) => {
    ops.push(`${collection}.${method}`);
  });
  try {
    const d = ok(await srv.gql(Q, { n }, { token }));
    return { ops, rows: d.people.edges.length };
  } finally {
    mongoose.set('debug', false);
  }
}

it('100 people with units and regions (and their regions and parents) take a constant number of round trips', async () => {
  const small = await countOps(w.tokens.admin, 10);
  const large = await countOps(w.tokens.admin, 100);
  expect(small.rows).toBe(10);
  expect(large.rows).toBe(100);
  // people page + count, then one batched $in per collection per level of nesting
  console.log(`round trips for 10 people: ${small.ops.length} (${small.ops.join(', ')}); for 100 people: ${large.ops.length}`);
  expect(large.ops.length).toBe(small.ops.length);
  expect(large.ops.length).toBeLessThanOrEqual(6);
});

it('a scoped caller adds only the scope lookups, still constant', async () => {
  const small = await countOps(w.tokens.adminT1, 10);
  const large = await countOps(w.tokens.adminT1, 100);
  expect(large.rows).toBe(100);
  expect(large.ops.length).toBe(small.ops.length);
  expect(large.ops.length).toBeLessThanOrEqual(8);
});
