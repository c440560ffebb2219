// The authorization matrix: every role (and no token) × every operation, in and out of scope.
// Each row names the operation and what each caller must get:
//   ok — data, no error;  F — FORBIDDEN;  U — UNAUTHENTICATED;  R — an import rejected row by row
//   (out-of-scope rows are reported, nothing written).
// Scopes in the world (see world.ts): adminT1/evaluatorT1 = town 1 (community C1 and its grid);
// adminT2/evaluatorT2 = town 2 (C2); managerC1 = the C1 community committee (so C1's subtree);
// managerOffice = the district's development office (a unit, no region); volunteerP1 = person P1
// (lives in C1's grid). The cadre belongs to the office and is deployed to C1.
import { startTestServer, type TestServer, type GqlResponse } from '../support/server';
import { buildWorld, ok, uniq, uniqueMobile, type World } from './world';

let srv: TestServer;
let w: World;
beforeAll(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv);
});
afterAll(() => srv?.stop());

type Who = 'anon' | keyof World['tokens'];
type Outcome = 'ok' | 'F' | 'U' | 'R';
const WHO: Who[] = ['anon', 'admin', 'adminT1', 'adminT2', 'managerC1', 'managerOffice', 'volunteerP1', 'evaluatorT1', 'evaluatorT2'];

interface Op {
  name: string;
  /** runs the operation as `token`; may prepare fresh records as the installation admin first */
  run: (token: string | undefined) => Promise<GqlResponse>;
  expect: Outcome[]; // in WHO order
  /** callers run one after another (the operation edits one shared record by its version) */
  serial?: boolean;
}

const asAdmin = async (query: string, variables: Record<string, unknown>) => ok(await srv.gql(query, variables, { token: w.tokens.admin }));
const call = (query: string, variables: Record<string, unknown> = {}) => (token: string | undefined) => srv.gql(query, variables, { token });
const versionOf = async (type: string, id: string) => (await asAdmin(`query($id: ID!) { ${type}(id: $id) { version } }`, { id }))[type].version as number;
const freshPerson = async (home: Record<string, string>) =>
  (await asAdmin('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }', { i: { name: '临时', mobile: uniqueMobile(), ...home } })).createPerson.id as string;

//                                anon admin  T1    T2    mgrC1 mgrOff vol   evT1  evT2
const ops = (): Op[] => [
  { name: 'me', run: call('{ me { role } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  { name: 'region(C1)', run: call('query($id: ID!) { region(id: $id) { id } }', { id: w.c1 }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'ok', 'F'] },
  { name: 'region(district)', run: call('query($id: ID!) { region(id: $id) { id } }', { id: w.district }), expect: ['U', 'ok', 'F', 'F', 'F', 'F', 'F', 'F', 'F'] },
  { name: 'regions list', run: call('{ regions { totalCount } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'F', 'ok', 'ok'] },
  {
    name: 'createRegion(grid in C1)',
    run: (t) => srv.gql('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', { i: { code: `AZ-${uniq()}`, name: '新网格', level: 'GRID', parentId: w.c1 } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'createRegion(district)',
    run: (t) => srv.gql('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', { i: { code: `AZD-${uniq()}`, name: '新区', level: 'DISTRICT' } }, { token: t }),
    expect: ['U', 'ok', 'F', 'F', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'updateRegion(C1)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdateRegionInput!) { updateRegion(id: $id, input: $i) { id } }', { id: w.c1, i: { version: await versionOf('region', w.c1), name: '百步亭社区' } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'F', 'F', 'F', 'F', 'F'],
    serial: true,
  },
  {
    name: 'archiveRegion(fresh grid in C1)',
    run: async (t) => {
      const id = (await asAdmin('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', { i: { code: `AZA-${uniq()}`, name: '临时网格', level: 'GRID', parentId: w.c1 } })).createRegion.id;
      return srv.gql('mutation($id: ID!) { archiveRegion(id: $id) { id } }', { id }, { token: t });
    },
    expect: ['U', 'ok', 'ok', 'F', 'F', 'F', 'F', 'F', 'F'],
  },
  { name: 'site(S1 in C1)', run: call('query($id: ID!) { site(id: $id) { id } }', { id: w.site1 }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'ok', 'F'] },
  {
    name: 'createSite(in C1)',
    run: (t) => srv.gql('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', { i: { code: `AZS-${uniq()}`, name: '新卡点', kind: 'CHECKPOINT', regionId: w.c1 } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'updateSite(S1)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdateSiteInput!) { updateSite(id: $id, input: $i) { id } }', { id: w.site1, i: { version: await versionOf('site', w.site1), address: '百步亭路1号' } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
    serial: true,
  },
  {
    name: 'archiveSite(fresh in C2)',
    run: async (t) => {
      const id = (await asAdmin('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', { i: { code: `AZS2-${uniq()}`, name: '临时卡点', kind: 'CHECKPOINT', regionId: w.c2 } })).createSite.id;
      return srv.gql('mutation($id: ID!) { archiveSite(id: $id) { id } }', { id }, { token: t });
    },
    expect: ['U', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F', 'F'],
  },
  { name: 'sites list', run: call('{ sites { totalCount } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'F', 'ok', 'ok'] },
  { name: 'unit(committee C1)', run: call('query($id: ID!) { unit(id: $id) { id } }', { id: w.committee1 }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'ok', 'F'] },
  { name: 'unit(district office)', run: call('query($id: ID!) { unit(id: $id) { id } }', { id: w.office }), expect: ['U', 'ok', 'F', 'F', 'F', 'ok', 'F', 'F', 'F'] },
  {
    name: 'createUnit(school in T1)',
    run: (t) => srv.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { code: `AZU-${uniq()}`, name: '学校', kind: 'SCHOOL', regionId: w.town1 } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'updateUnit(enterprise in T2)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdateUnitInput!) { updateUnit(id: $id, input: $i) { id } }', { id: w.enterprise, i: { version: await versionOf('unit', w.enterprise), name: '武汉长江服装有限公司' } }, { token: t }),
    expect: ['U', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F', 'F'],
    serial: true,
  },
  { name: 'units list', run: call('{ units { totalCount } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'F', 'ok', 'ok'] },
  { name: 'person(P1, lives in C1)', run: call('query($id: ID!) { person(id: $id) { id } }', { id: w.p1 }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'ok', 'ok', 'F'] },
  { name: 'person(P2, lives in C2)', run: call('query($id: ID!) { person(id: $id) { id } }', { id: w.p2 }), expect: ['U', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F', 'ok'] },
  { name: 'person(cadre: office, deployed to C1)', run: call('query($id: ID!) { person(id: $id) { id } }', { id: w.cadre }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'ok', 'F', 'ok', 'F'] },
  { name: 'people list', run: call('{ people { totalCount } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  {
    name: 'createPerson(home C1)',
    run: (t) => srv.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }', { i: { name: '新人', mobile: uniqueMobile(), homeRegionId: w.c1 } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'createPerson(home unit office)',
    run: (t) => srv.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }', { i: { name: '新人', mobile: uniqueMobile(), homeUnitId: w.office } }, { token: t }),
    expect: ['U', 'ok', 'F', 'F', 'F', 'ok', 'F', 'F', 'F'],
  },
  {
    name: 'updatePerson(P1)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdatePersonInput!) { updatePerson(id: $id, input: $i) { id } }', { id: w.p1, i: { version: await versionOf('person', w.p1), name: '张伟' } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
    serial: true,
  },
  {
    name: 'updatePerson(cadre: only the home may edit)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdatePersonInput!) { updatePerson(id: $id, input: $i) { id } }', { id: w.cadre, i: { version: await versionOf('person', w.cadre), name: '王强' } }, { token: t }),
    expect: ['U', 'ok', 'F', 'F', 'F', 'ok', 'F', 'F', 'F'],
    serial: true,
  },
  {
    name: 'updatePerson(P1 moved to C2: needs both homes)',
    run: async (t) => {
      const id = await freshPerson({ homeRegionId: w.c1 });
      return srv.gql('mutation($id: ID!, $i: UpdatePersonInput!) { updatePerson(id: $id, input: $i) { id } }', { id, i: { version: 1, homeRegionId: w.c2 } }, { token: t });
    },
    expect: ['U', 'ok', 'F', 'F', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'archivePerson(fresh in C2)',
    run: async (t) => srv.gql('mutation($id: ID!) { archivePerson(id: $id) { id } }', { id: await freshPerson({ homeRegionId: w.c2 }) }, { token: t }),
    expect: ['U', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F', 'F'],
  },
  { name: 'team(C1, P1 a member)', run: call('query($id: ID!) { team(id: $id) { id } }', { id: w.team1 }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'ok', 'ok', 'F'] },
  { name: 'teams list', run: call('{ teams { totalCount } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  {
    name: 'createTeam(C1 with P1)',
    run: (t) => srv.gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { code: `AZT-${uniq()}`, name: '新队', kind: 'VOLUNTEER_TEAM', regionId: w.c1, memberIds: [w.p1] } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'createTeam(C1 with P2 from C2: members must be visible)',
    run: (t) => srv.gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { code: `AZT2-${uniq()}`, name: '新队', kind: 'VOLUNTEER_TEAM', regionId: w.c1, memberIds: [w.p2] } }, { token: t }),
    expect: ['U', 'ok', 'F', 'F', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'updateTeam(team1)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdateTeamInput!) { updateTeam(id: $id, input: $i) { id } }', { id: w.team1, i: { version: await versionOf('team', w.team1), name: '百步亭志愿服务队' } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
    serial: true,
  },
  {
    name: 'archiveTeam(fresh in C1)',
    run: async (t) => {
      const id = (await asAdmin('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { code: `AZT3-${uniq()}`, name: '临时队', kind: 'SCREENING_TEAM', regionId: w.c1 } })).createTeam.id;
      return srv.gql('mutation($id: ID!) { archiveTeam(id: $id) { id } }', { id }, { token: t });
    },
    expect: ['U', 'ok', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F'],
  },
  { name: 'deployment(cadre → C1)', run: call('query($id: ID!) { deployment(id: $id) { id } }', { id: w.deployment1 }), expect: ['U', 'ok', 'ok', 'F', 'ok', 'ok', 'F', 'ok', 'F'] },
  { name: 'deployments list', run: call('{ deployments { totalCount } }'), expect: ['U', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  {
    name: 'createDeployment(P2 → C2)',
    run: (t) => {
      const year = 2100 + uniq();
      return srv.gql('mutation($i: CreateDeploymentInput!) { createDeployment(input: $i) { id } }', {
        i: { personId: w.p2, kind: 'SENT_DOWN', toRegionId: w.c2, startsAt: `${year}-01-01T00:00:00+08:00`, endsAt: `${year}-02-01T00:00:00+08:00` },
      }, { token: t });
    },
    expect: ['U', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'updateDeployment(cadre → C1)',
    run: async (t) => srv.gql('mutation($id: ID!, $i: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $i) { id } }', { id: w.deployment1, i: { version: await versionOf('deployment', w.deployment1), note: '第一批' } }, { token: t }),
    expect: ['U', 'ok', 'ok', 'F', 'F', 'F', 'F', 'F', 'F'],
    serial: true,
  },
  {
    name: 'cancelDeployment(fresh P2 → C2)',
    run: async (t) => {
      const year = 2300 + uniq();
      const id = (await asAdmin('mutation($i: CreateDeploymentInput!) { createDeployment(input: $i) { id } }', {
        i: { personId: w.p2, kind: 'SENT_DOWN', toRegionId: w.c2, startsAt: `${year}-01-01T00:00:00+08:00`, endsAt: `${year}-02-01T00:00:00+08:00` },
      })).createDeployment.id;
      return srv.gql('mutation($id: ID!) { cancelDeployment(id: $id) { id } }', { id }, { token: t });
    },
    expect: ['U', 'ok', 'F', 'ok', 'F', 'F', 'F', 'F', 'F'],
  },
  {
    name: 'importPeople(one row, home C1)',
    run: (t) => srv.gql('mutation($csv: String!) { importPeople(csv: $csv) { created errors { rule } } }', { csv: `姓名,手机号,社区\n导入,${uniqueMobile()},C1\n` }, { token: t }),
    expect: ['U', 'ok', 'ok', 'R', 'ok', 'R', 'F', 'F', 'F'],
  },
  {
    name: 'importDeployments(one row, P2 → C2)',
    run: (t) => {
      const year = 2500 + uniq();
      return srv.gql('mutation($csv: String!) { importDeployments(csv: $csv) { created errors { rule } } }', { csv: `手机号,类型,下沉社区,开始日期,结束日期\n${p2Mobile},下沉,C2,${year}-01-01,${year}-02-01\n` }, { token: t });
    },
    expect: ['U', 'ok', 'R', 'ok', 'F', 'F', 'F', 'F', 'F'],
  },
];

let p2Mobile = '';
beforeAll(async () => {
  p2Mobile = (await asAdmin('query($id: ID!) { person(id: $id) { mobile } }', { id: w.p2 })).person.mobile;
});

function outcomeOf(res: GqlResponse, opName: string): Outcome {
  if (res.errors?.length) {
    const code = res.errors[0].extensions?.code;
    if (code === 'FORBIDDEN') return 'F';
    if (code === 'UNAUTHENTICATED') return 'U';
    throw new Error(`${opName}: unexpected error ${JSON.stringify(res.errors)}`);
  }
  const data = res.data as Record<string, { errors?: { rule: string }[] }>;
  const payload = Object.values(data)[0];
  if (payload && Array.isArray(payload.errors)) {
    if (payload.errors.length === 0) return 'ok';
    if (payload.errors.every((e) => e.rule === 'access.outOfScope')) return 'R';
    throw new Error(`${opName}: unexpected import errors ${JSON.stringify(payload.errors)}`);
  }
  return 'ok';
}

describe('authorization matrix', () => {
  it('every role × every operation gets exactly the expected outcome', async () => {
    const failures: string[] = [];
    let checked = 0;
    const tokenOf = (who: Who) => (who === 'anon' ? undefined : w.tokens[who]);
    for (const op of ops()) {
      expect(op.expect).toHaveLength(WHO.length);
      let results: GqlResponse[];
      if (op.serial) {
        results = [];
        for (const who of WHO) results.push(await op.run(tokenOf(who)));
      } else {
        results = await Promise.all(WHO.map((who) => op.run(tokenOf(who))));
      }
      results.forEach((res, i) => {
        const got = outcomeOf(res, op.name);
        checked++;
        if (got !== op.expect[i]) failures.push(`${op.name} as ${WHO[i]}: expected ${op.expect[i]}, got ${got}`);
      });
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});

describe('lists are filtered to the scope, never leaking records', () => {
  const names = async (who: keyof World['tokens']) => {
    const d = ok(await srv.gql('query($f: PersonFilter) { people(first: 100, filter: $f) { edges { node { id } } } }', { f: { includeArchived: true } }, { token: w.tokens[who] }));
    return new Set<string>(d.people.edges.map((e: { node: { id: string } }) => e.node.id));
  };
  it.each([
    ['adminT1', ['p1', 'cadre'], ['p2']],
    ['adminT2', ['p2'], ['p1', 'cadre']],
    ['managerC1', ['p1', 'cadre'], ['p2']],
    ['managerOffice', ['cadre'], ['p1', 'p2']],
    ['volunteerP1', ['p1'], ['p2', 'cadre']],
    ['evaluatorT2', ['p2'], ['p1', 'cadre']],
  ] as const)('%s sees %j and not %j', async (who, seen, hidden) => {
    const ids = await names(who);
    for (const k of seen) expect(ids.has(w[k])).toBe(true);
    for (const k of hidden) expect(ids.has(w[k])).toBe(false);
    if (who === 'volunteerP1') expect(ids.size).toBe(1);
  });

  it('a volunteer lists only their own deployments and teams', async () => {
    const d = ok(await srv.gql('{ deployments(first: 100) { totalCount } teams(first: 100) { edges { node { id } } } }', undefined, { token: w.tokens.volunteerP1 }));
    expect(d.deployments.totalCount).toBe(0);
    expect(d.teams.edges.every((e: { node: { id: string } }) => typeof e.node.id === 'string')).toBe(true);
    expect(d.teams.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(w.team1);
  });

  it('a role without any scope in its token sees nothing', async () => {
    const token = srv.tokenFor({ role: 'EVALUATOR' });
    const d = ok(await srv.gql('{ people { totalCount } regions { totalCount } deployments { totalCount } }', undefined, { token }));
    expect(d).toEqual({ people: { totalCount: 0 }, regions: { totalCount: 0 }, deployments: { totalCount: 0 } });
  });
});
