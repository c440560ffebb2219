// A small, fixed world built through the API as the installation-wide ORG_ADMIN, shared by the
// API suites: one district with two towns, a community in each, a grid, units, sites, people,
// a team and a deployment — enough to put every role in and out of scope.
import type { TestServer, GqlResponse } from '../support/server';
import type { Caller } from '../../src/auth/caller';

let counter = 0;
/** Unique per call within a test file (codes and mobile numbers must not collide). */
export function uniq(): number {
  counter += 1;
  return counter;
}
export function uniqueMobile(): string {
  return `137${String(process.pid % 10000).padStart(4, '0')}${String(uniq()).padStart(4, '0')}`;
}

/** Fails the test with the GraphQL errors when there are any; returns data otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ok<T = any>(res: GqlResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
  return res.data as T;
}

export function errorOf(res: GqlResponse): { code?: string; field?: string; rule?: string; message: string } {
  const e = res.errors?.[0];
  if (!e) throw new Error(`expected an error, got data ${JSON.stringify(res.data)}`);
  return { code: e.extensions?.code, field: e.extensions?.field, rule: e.extensions?.rule, message: e.message };
}

export interface World {
  district: string; town1: string; town2: string; c1: string; c2: string; grid1: string;
  committee1: string; committee2: string; office: string; enterprise: string;
  site1: string; site2: string;
  p1: string; p2: string; cadre: string; team1: string; deployment1: string;
  tokens: Record<'admin' | 'adminT1' | 'adminT2' | 'managerC1' | 'managerOffice' | 'volunteerP1' | 'evaluatorT1' | 'evaluatorT2', string>;
  callers: Record<string, Caller>;
}

export const RESIDENT_ID = '11010519491231002X';

export async function buildWorld(srv: TestServer): Promise<World> {
  const admin = srv.tokenFor({ role: 'ORG_ADMIN' });
  const q = async (query: string, variables: Record<string, unknown>) => {
    const data = ok(await srv.gql(query, variables, { token: admin }));
    return Object.values(data as Record<string, { id: string }>)[0].id;
  };
  const region = (code: string, name: string, level: string, parentId: string | null) =>
    q('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', { i: { code, name, level, parentId } });
  const unit = (code: string, name: string, kind: string, regionId: string | null) =>
    q('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { code, name, kind, regionId } });
  const site = (code: string, name: string, regionId: string) =>
    q('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', { i: { code, name, kind: 'CHECKPOINT', regionId } });
  const person = (i: Record<string, unknown>) => q('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }', { i });

  const district = await region('D', '江岸区', 'DISTRICT', null);
  const town1 = await region('T1', '丹水池街道', 'TOWN', district);
  const town2 = await region('T2', '谌家矶街道', 'TOWN', district);
  const c1 = await region('C1', '百步亭社区', 'COMMUNITY', town1);
  const c2 = await region('C2', '东方社区', 'COMMUNITY', town2);
  const grid1 = await region('C1-G1', '百步亭社区第1网格', 'GRID', c1);
  const committee1 = await unit('U-C1', '百步亭社区居委会', 'COMMUNITY_COMMITTEE', c1);
  const committee2 = await unit('U-C2', '东方社区居委会', 'COMMUNITY_COMMITTEE', c2);
  const office = await unit('U-FGW', '江岸区发展和改革局', 'GOVERNMENT_OFFICE', district);
  const enterprise = await unit('U-E1', '武汉长江服装有限公司', 'ENTERPRISE', town2);
  const site1 = await site('S-C1-1', '百步亭东门卡点', c1);
  const site2 = await site('S-C2-1', '东方社区南门卡点', c2);
  const p1 = await person({ name: '张伟', mobile: uniqueMobile(), homeRegionId: grid1, partyMember: true, skills: ['DRIVER'], residentId: RESIDENT_ID });
  const p2 = await person({ name: '李娜', mobile: uniqueMobile(), homeRegionId: c2 });
  const cadre = await person({ name: '王强', mobile: uniqueMobile(), homeUnitId: office, partyMember: true });
  const team1 = await q('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', {
    i: { code: 'TM-C1', name: '百步亭志愿服务队', kind: 'VOLUNTEER_TEAM', regionId: c1, unitId: committee1, leaderId: p1, memberIds: [p1] },
  });
  const deployment1 = await q('mutation($i: CreateDeploymentInput!) { createDeployment(input: $i) { id } }', {
    i: { personId: cadre, kind: 'SENT_DOWN', toRegionId: c1, startsAt: '2026-01-25T00:00:00+08:00' }, // open-ended, so ACTIVE
  });

  const callers: Record<string, Caller> = {
    admin: { role: 'ORG_ADMIN' },
    adminT1: { role: 'ORG_ADMIN', regionId: town1 },
    adminT2: { role: 'ORG_ADMIN', regionId: town2 },
    managerC1: { role: 'UNIT_MANAGER', unitId: committee1 },
    managerOffice: { role: 'UNIT_MANAGER', unitId: office },
    volunteerP1: { role: 'VOLUNTEER', personId: p1 },
    evaluatorT1: { role: 'EVALUATOR', regionId: town1 },
    evaluatorT2: { role: 'EVALUATOR', regionId: town2 },
  };
  const tokens = Object.fromEntries(Object.entries(callers).map(([k, c]) => [k, srv.tokenFor(c)])) as World['tokens'];
  return {
    district, town1, town2, c1, c2, grid1, committee1, committee2, office, enterprise, site1, site2,
    p1, p2, cadre, team1, deployment1, tokens, callers,
  };
}
