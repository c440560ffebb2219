// Teams and deployments through the API: CRUD, pagination, the kind/target rules, date ranges,
// overlaps, cancellation, and the status refresh the deployment-status job runs.
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, errorOf, ok, uniq, uniqueMobile, type World } from './world';
import { refreshDeploymentStatuses } from '../../src/services/deployments';

let srv: TestServer;
let w: World;
let admin: string;
beforeAll(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv);
  admin = w.tokens.admin;
});
afterAll(() => srv?.stop());

async function newPerson(over: Record<string, unknown> = {}): Promise<string> {
  return ok(await srv.gql('mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }', {
    i: { name: '新人', mobile: uniqueMobile(), homeUnitId: w.office, ...over },
  }, { token: admin })).createPerson.id;
}

describe('teams', () => {
  const TEAM = 'id code name kind version leader { id } members { id } memberCount region { code } unit { code }';
  it('creates with the leader always a member, updates members, lists and archives', async () => {
    const a = await newPerson({ homeRegionId: w.c1 });
    const b = await newPerson({ homeRegionId: w.c1 });
    const code = `TM-${uniq()}`;
    const t = ok(await srv.gql(`mutation($i: CreateTeamInput!) { createTeam(input: $i) { ${TEAM} } }`, {
      i: { code, name: '百步亭党员突击队', kind: 'PARTY_SHOCK_TEAM', regionId: w.c1, leaderId: a, memberIds: [b, b] },
    }, { token: admin })).createTeam;
    expect(t).toMatchObject({ kind: 'PARTY_SHOCK_TEAM', version: 1, leader: { id: a }, memberCount: 2, region: { code: 'C1' }, unit: null });
    expect(t.members.map((m: { id: string }) => m.id).sort()).toEqual([a, b].sort());
    const upd = ok(await srv.gql(`mutation($id: ID!, $i: UpdateTeamInput!) { updateTeam(id: $id, input: $i) { ${TEAM} } }`, {
      id: t.id, i: { version: 1, leaderId: b, memberIds: [w.p1] },
    }, { token: admin })).updateTeam;
    expect(upd).toMatchObject({ version: 2, leader: { id: b }, memberCount: 2 });
    const byMember = ok(await srv.gql('query($f: TeamFilter) { teams(first: 10, filter: $f) { totalCount edges { node { code } } } }', { f: { memberId: w.p1 } }, { token: admin })).teams;
    expect(byMember.edges.map((e: { node: { code: string } }) => e.node.code).sort()).toEqual([code, 'TM-C1'].sort());
    ok(await srv.gql('mutation($id: ID!) { archiveTeam(id: $id) { id } }', { id: t.id }, { token: admin }));
    const after = ok(await srv.gql('query($f: TeamFilter) { teams(filter: $f) { totalCount } }', { f: { memberId: w.p1 } }, { token: admin })).teams;
    expect(after.totalCount).toBe(1);
  });

  it('refuses unknown and archived members', async () => {
    const gone = await newPerson();
    ok(await srv.gql('mutation($id: ID!) { archivePerson(id: $id) { id } }', { id: gone }, { token: admin }));
    const base = { code: `TM-${uniq()}`, name: '摸排小组', kind: 'SCREENING_TEAM', regionId: w.c1 };
    const archived = await srv.gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { ...base, memberIds: [gone] } }, { token: admin });
    expect(errorOf(archived)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'reference.archived', field: 'input.memberIds' });
    const unknown = await srv.gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { ...base, leaderId: '0123456789abcdef01234567' } }, { token: admin });
    expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'input.leaderId' });
  });

  it('paginates', async () => {
    const first = ok(await srv.gql('{ teams(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }', undefined, { token: admin })).teams;
    expect(first.edges).toHaveLength(1);
    if (first.totalCount > 1) {
      const next = ok(await srv.gql('query($a: String) { teams(first: 1, after: $a) { edges { node { id } } } }', { a: first.pageInfo.endCursor }, { token: admin })).teams;
      expect(next.edges[0].node.id).not.toBe(first.edges[0].node.id);
    }
  });
});

describe('deployments', () => {
  const CREATE = 'mutation($i: CreateDeploymentInput!) { createDeployment(input: $i) { id kind status version startsAt endsAt person { id } fromUnit { code } toRegion { code } toUnit { code } } }';

  it('sends a cadre down from their home unit to a community', async () => {
    const cadre = await newPerson();
    const d = ok(await srv.gql(CREATE, {
      i: { personId: cadre, kind: 'SENT_DOWN', toRegionId: w.c2, startsAt: '2099-03-01T00:00:00+08:00', endsAt: '2099-06-30T00:00:00+08:00', note: '第二批下沉' },
    }, { token: admin })).createDeployment;
    expect(d).toMatchObject({
      kind: 'SENT_DOWN', status: 'PLANNED', version: 1, startsAt: '2099-02-28T16:00:00.000Z', person: { id: cadre },
      fromUnit: { code: 'U-FGW' }, toRegion: { code: 'C2' }, toUnit: null,
    });
    const listed = ok(await srv.gql('query($id: ID!) { person(id: $id) { deployments { totalCount edges { node { id } } } } }', { id: cadre }, { token: admin })).person.deployments;
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([d.id]);
  });

  it('sends a first secretary into an enterprise; status follows the dates', async () => {
    const sec = await newPerson({ partyMember: true });
    const d = ok(await srv.gql(CREATE, {
      i: { personId: sec, kind: 'FIRST_SECRETARY', toUnitId: w.enterprise, startsAt: '2020-01-01T00:00:00+08:00' },
    }, { token: admin })).createDeployment;
    expect(d).toMatchObject({ kind: 'FIRST_SECRETARY', status: 'ACTIVE', toUnit: { code: 'U-E1' }, endsAt: null });
  });

  it.each([
    ['SENT_DOWN to an enterprise', { kind: 'SENT_DOWN', toUnitId: 'enterprise' }, 'input.toRegionId', 'deployment.target'],
    ['FIRST_SECRETARY to a community', { kind: 'FIRST_SECRETARY', toRegionId: 'c1' }, 'input.toUnitId', 'deployment.target'],
    ['SENT_DOWN to a town', { kind: 'SENT_DOWN', toRegionId: 'town1' }, 'input.toRegionId', 'reference.wrongKind'],
    ['FIRST_SECRETARY to an office', { kind: 'FIRST_SECRETARY', toUnitId: 'office' }, 'input.toUnitId', 'reference.wrongKind'],
    ['end before start', { kind: 'SENT_DOWN', toRegionId: 'c1', endsAt: '2099-01-01T00:00:00+08:00' }, 'input.endsAt', 'dateRange.endBeforeStart'],
    ['end equal to start', { kind: 'SENT_DOWN', toRegionId: 'c1', endsAt: '2099-02-01T00:00:00+08:00' }, 'input.endsAt', 'dateRange.endBeforeStart'],
    ['note too long', { kind: 'SENT_DOWN', toRegionId: 'c1', note: '注'.repeat(501) }, 'input.note', 'text.length'],
  ])('refuses %s', async (_label, over, field, rule) => {
    const person = await newPerson();
    const i: Record<string, unknown> = { personId: person, startsAt: '2099-02-01T00:00:00+08:00', ...over };
    for (const k of ['toUnitId', 'toRegionId']) if (typeof i[k] === 'string') i[k] = (w as unknown as Record<string, string>)[i[k] as string];
    const res = await srv.gql(CREATE, { i }, { token: admin, lang: 'zh-CN' });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(errorOf(res).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a date-time without a zone (DateTime scalar)', async () => {
    const res = await srv.gql(CREATE, { i: { personId: w.p2, kind: 'SENT_DOWN', toRegionId: w.c2, startsAt: '2099-02-01 08:00' } }, { token: admin });
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
  });

  it('refuses an overlapping open deployment of the same person (CONFLICT), allows one after it', async () => {
    const person = await newPerson();
    const mk = (startsAt: string, endsAt: string | null) =>
      srv.gql(CREATE, { i: { personId: person, kind: 'SENT_DOWN', toRegionId: w.c1, startsAt, endsAt } }, { token: admin });
    ok(await mk('2099-03-01T00:00:00+08:00', '2099-04-01T00:00:00+08:00'));
    expect(errorOf(await mk('2099-03-15T00:00:00+08:00', '2099-05-01T00:00:00+08:00'))).toMatchObject({ code: 'CONFLICT', rule: 'deployment.overlap' });
    expect(errorOf(await mk('2099-02-01T00:00:00+08:00', null))).toMatchObject({ code: 'CONFLICT', rule: 'deployment.overlap' });
    ok(await mk('2099-04-01T00:00:00+08:00', '2099-05-01T00:00:00+08:00'));
  });

  it('updates dates with the version, cancels (kept on record), and refuses to change a cancelled one', async () => {
    const person = await newPerson();
    const d = ok(await srv.gql(CREATE, { i: { personId: person, kind: 'SENT_DOWN', toRegionId: w.c1, startsAt: '2099-03-01T00:00:00+08:00' } }, { token: admin })).createDeployment;
    const upd = ok(await srv.gql('mutation($id: ID!, $i: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $i) { endsAt version status } }', {
      id: d.id, i: { version: 1, endsAt: '2099-04-01T00:00:00+08:00' },
    }, { token: admin })).updateDeployment;
    expect(upd).toEqual({ endsAt: '2099-03-31T16:00:00.000Z', version: 2, status: 'PLANNED' });
    const c = ok(await srv.gql('mutation($id: ID!) { cancelDeployment(id: $id) { status } }', { id: d.id }, { token: admin })).cancelDeployment;
    expect(c.status).toBe('CANCELLED');
    const again = await srv.gql('mutation($id: ID!, $i: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $i) { id } }', { id: d.id, i: { version: 3, note: 'x' } }, { token: admin });
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', rule: 'deployment.closed' });
    const listed = ok(await srv.gql('query($f: DeploymentFilter) { deployments(filter: $f) { totalCount } }', { f: { personId: person, status: ['CANCELLED'] } }, { token: admin }));
    expect(listed.deployments.totalCount).toBe(1);
  });

  it('lists with filters and pagination', async () => {
    const all = ok(await srv.gql('query($f: DeploymentFilter) { deployments(first: 100, filter: $f) { totalCount edges { node { toRegion { code } } } } }', { f: { toRegionId: w.c1 } }, { token: admin })).deployments;
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    expect(all.edges.every((e: { node: { toRegion: { code: string } } }) => e.node.toRegion.code === 'C1')).toBe(true);
    const page = ok(await srv.gql('query($f: DeploymentFilter) { deployments(first: 1, filter: $f) { edges { node { id } } pageInfo { hasNextPage } } }', { f: { toRegionId: w.c1 } }, { token: admin })).deployments;
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const running = ok(await srv.gql('query($f: DeploymentFilter) { deployments(first: 100, filter: $f) { edges { node { id } } } }', {
      f: { activeFrom: '2026-02-01T00:00:00+08:00', activeTo: '2026-02-02T00:00:00+08:00' },
    }, { token: admin })).deployments;
    expect(running.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(w.deployment1);
  });

  it('refreshDeploymentStatuses moves PLANNED → ACTIVE → ENDED with the clock, idempotently', async () => {
    const person = await newPerson();
    const d = ok(await srv.gql(CREATE, {
      i: { personId: person, kind: 'SENT_DOWN', toRegionId: w.c1, startsAt: '2098-03-01T00:00:00+08:00', endsAt: '2098-04-01T00:00:00+08:00' },
    }, { token: admin })).createDeployment;
    const status = async () => ok(await srv.gql('query($id: ID!) { deployment(id: $id) { status } }', { id: d.id }, { token: admin })).deployment.status;
    expect(await status()).toBe('PLANNED');
    const r1 = await refreshDeploymentStatuses(new Date('2098-03-10T00:00:00Z'));
    expect(r1.activated).toBeGreaterThanOrEqual(1);
    expect(await status()).toBe('ACTIVE');
    expect(await refreshDeploymentStatuses(new Date('2098-03-10T00:00:00Z'))).toMatchObject({ activated: 0 });
    await refreshDeploymentStatuses(new Date('2098-05-01T00:00:00Z'));
    expect(await status()).toBe('ENDED');
  });
});
