// The demo seed: the sizes the issue asks for, idempotent (a second load changes nothing) and
// readable through the API afterwards.
import { startTestServer, type TestServer } from '../support/server';
import { ok } from './world';
import { demoScenario } from '../../scripts/seed/demoScenario';
import { loadScenario } from '../../scripts/seed/loadScenario';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv?.stop());

it('describes one district, 3 towns, 12 communities, grids, 24 checkpoints, 20 units, 300 people (a third party members)', () => {
  const s = demoScenario();
  const level = (l: string) => s.regions.filter((r) => r.level === l).length;
  expect([level('DISTRICT'), level('TOWN'), level('COMMUNITY')]).toEqual([1, 3, 12]);
  expect(level('GRID')).toBeGreaterThan(12);
  expect(s.sites.filter((x) => x.kind === 'CHECKPOINT')).toHaveLength(24);
  expect(s.sites.some((x) => x.kind === 'KEY_PLACE')).toBe(true);
  expect(s.units).toHaveLength(20);
  expect(s.people).toHaveLength(300);
  expect(s.people.filter((p) => p.partyMember)).toHaveLength(100);
  expect(new Set(s.people.map((p) => p.mobile)).size).toBe(300);
  expect(s.teams.length).toBeGreaterThan(0);
  expect(s.deployments.length).toBeGreaterThan(0);
  expect(JSON.stringify(demoScenario())).toBe(JSON.stringify(s)); // deterministic
});

it('loads into the store, and loading again changes nothing', async () => {
  const first = await loadScenario(demoScenario());
  expect(first.people).toEqual({ upserted: 300, modified: 0, matched: 0 });
  expect(first.regions.upserted).toBe(demoScenario().regions.length);
  const second = await loadScenario(demoScenario());
  for (const [coll, r] of Object.entries(second)) {
    expect([coll, r.upserted, r.modified]).toEqual([coll, 0, 0]);
  }
  const admin = srv.tokenFor({ role: 'ORG_ADMIN' });
  const d = ok(await srv.gql('{ people(filter: { partyMember: true }) { totalCount } regions(filter: { level: COMMUNITY }) { totalCount } sites(filter: { kind: CHECKPOINT }) { totalCount } units { totalCount } teams { totalCount } deployments { totalCount } }', undefined, { token: admin }));
  expect(d).toEqual({
    people: { totalCount: 100 }, regions: { totalCount: 12 }, sites: { totalCount: 24 }, units: { totalCount: 20 },
    teams: { totalCount: demoScenario().teams.length }, deployments: { totalCount: demoScenario().deployments.length },
  });
  // a community secretary sees their community's people, and the seeded ID numbers are masked for them
  const community = ok(await srv.gql('{ units(filter: { kind: COMMUNITY_COMMITTEE }, first: 1) { edges { node { id region { id } } } } }', undefined, { token: admin })).units.edges[0].node;
  const mgr = srv.tokenFor({ role: 'UNIT_MANAGER', unitId: community.id });
  const seen = ok(await srv.gql('{ people(first: 100) { totalCount edges { node { residentId } } } }', undefined, { token: mgr })).people;
  expect(seen.totalCount).toBeGreaterThan(0);
  expect(seen.totalCount).toBeLessThan(300);
  for (const e of seen.edges) if (e.node.residentId) expect(e.node.residentId).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
});
