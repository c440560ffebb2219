// People through the API: CRUD, pagination and filters, each validation rule (en and zh-CN),
// uniqueness, optimistic versioning, archive, and the masked resident ID number.
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, errorOf, ok, uniqueMobile, RESIDENT_ID, type World } from './world';

let srv: TestServer;
let w: World;
let admin: string;
beforeAll(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv);
  admin = w.tokens.admin;
});
afterAll(() => srv?.stop());

const CREATE = 'mutation($i: CreatePersonInput!) { createPerson(input: $i) { id name mobile skills partyMember residentId version homeRegion { code } createdBy { role } } }';

describe('create, read, update, archive', () => {
  it('normalises the mobile number and records who created the person', async () => {
    const mobile = uniqueMobile();
    const p = ok(await srv.gql(CREATE, { i: { name: '陈静', mobile: `+86 ${mobile.slice(0, 3)} ${mobile.slice(3)}`, skills: ['MEDICAL', 'MEDICAL', 'DRIVER'], homeRegionId: w.c1 } }, { token: admin })).createPerson;
    expect(p).toMatchObject({ name: '陈静', mobile, skills: ['MEDICAL', 'DRIVER'], partyMember: false, version: 1, homeRegion: { code: 'C1' }, createdBy: { role: 'ORG_ADMIN' }, residentId: null });
    const got = ok(await srv.gql('query($id: ID!) { person(id: $id) { name mobile } }', { id: p.id }, { token: admin })).person;
    expect(got).toEqual({ name: '陈静', mobile });
  });

  it('updates with the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const p = ok(await srv.gql(CREATE, { i: { name: '刘洋', mobile: uniqueMobile() } }, { token: admin })).createPerson;
    const upd = (version: number, name: string) =>
      srv.gql('mutation($id: ID!, $i: UpdatePersonInput!) { updatePerson(id: $id, input: $i) { name version partyMember homeUnit { name } } }', {
        id: p.id, i: { version, name, partyMember: true, homeUnitId: w.office },
      }, { token: admin });
    expect(ok(await upd(1, '刘洋洋')).updatePerson).toEqual({ name: '刘洋洋', version: 2, partyMember: true, homeUnit: { name: '江岸区发展和改革局' } });
    expect(errorOf(await upd(1, '刘小洋'))).toMatchObject({ code: 'CONFLICT', rule: 'version.stale', field: 'input.version' });
    const now = ok(await srv.gql('query($id: ID!) { person(id: $id) { name version } }', { id: p.id }, { token: admin })).person;
    expect(now).toEqual({ name: '刘洋洋', version: 2 });
  });

  it('archives without deleting: hidden from lists, still readable, listed with includeArchived', async () => {
    const p = ok(await srv.gql(CREATE, { i: { name: '将归档', mobile: uniqueMobile(), homeRegionId: w.c2 } }, { token: admin })).createPerson;
    const a = ok(await srv.gql('mutation($id: ID!) { archivePerson(id: $id) { archivedAt version } }', { id: p.id }, { token: admin })).archivePerson;
    expect(a.archivedAt).toEqual(expect.any(String));
    const ids = async (includeArchived: boolean) =>
      ok(await srv.gql('query($f: PersonFilter) { people(first: 100, filter: $f) { edges { node { id } } } }', { f: { includeArchived, withinRegionId: w.c2 } }, { token: admin }))
        .people.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids(false)).not.toContain(p.id);
    expect(await ids(true)).toContain(p.id);
    expect(ok(await srv.gql('query($id: ID!) { person(id: $id) { archivedAt } }', { id: p.id }, { token: admin })).person.archivedAt).not.toBeNull();
  });
});

describe('lists', () => {
  it('pages through 25 people with cursors and a stable totalCount', async () => {
    const unitId = ok(await srv.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { code: 'PAGE-U', name: '分页单位', kind: 'ENTERPRISE' } }, { token: admin })).createUnit.id;
    const created: string[] = [];
    for (let i = 0; i < 25; i++) {
      created.push(ok(await srv.gql(CREATE, { i: { name: `分页${i}`, mobile: uniqueMobile(), homeUnitId: unitId } }, { token: admin })).createPerson.id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    const pages: number[] = [];
    for (;;) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const d: any = ok(await srv.gql('query($a: String, $f: PersonFilter) { people(first: 10, after: $a, filter: $f) { totalCount edges { node { id } cursor } pageInfo { hasNextPage endCursor hasPreviousPage } } }', {
        a: after, f: { homeUnitId: unitId },
      }, { token: admin })).people;
      expect(d.totalCount).toBe(25);
      expect(d.pageInfo.hasPreviousPage).toBe(after !== null);
      pages.push(d.edges.length);
      seen.push(...d.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!d.pageInfo.hasNextPage) break;
      after = d.pageInfo.endCursor;
    }
    expect(pages).toEqual([10, 10, 5]);
    expect(seen).toEqual(created);
  });

  it('filters by party membership, skills, region subtree and search text', async () => {
    const q = async (f: Record<string, unknown>) =>
      ok(await srv.gql('query($f: PersonFilter) { people(first: 100, filter: $f) { edges { node { id } } } }', { f }, { token: admin })).people.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await q({ partyMember: true, withinRegionId: w.town1 })).toEqual([w.p1]);
    expect(await q({ skills: ['DRIVER'], partyMember: true, withinRegionId: w.c1 })).toEqual([w.p1]);
    expect(await q({ skills: ['DRIVER', 'MEDICAL'], withinRegionId: w.c1 })).not.toContain(w.p1);
    expect(await q({ search: '李娜' })).toEqual([w.p2]);
    const p2Mobile = ok(await srv.gql('query($id: ID!) { person(id: $id) { mobile } }', { id: w.p2 }, { token: admin })).person.mobile;
    expect(await q({ mobile: `+86 ${p2Mobile}` })).toEqual([w.p2]);
    expect(await q({ residentId: RESIDENT_ID.toLowerCase() })).toEqual([w.p1]);
  });

  it('refuses a page size outside 1..100 and a forged cursor', async () => {
    expect(errorOf(await srv.gql('{ people(first: 101) { totalCount } }', undefined, { token: admin }))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'pagination.first', field: 'first' });
    expect(errorOf(await srv.gql('{ people(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }', undefined, { token: admin }))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'cursor.invalid' });
  });
});

describe('validation: each rule names the field, in English or Chinese', () => {
  const cases: [string, Record<string, unknown>, string, string, string][] = [
    ['mobile format', { mobile: '12345' }, 'input.mobile', 'mobile.invalid', '手机号码'],
    ['mobile prefix', { mobile: '12800138000' }, 'input.mobile', 'mobile.invalid', '手机号码'],
    ['resident ID checksum', { residentId: '110105194912310021' }, 'input.residentId', 'residentId.checksum', '校验码'],
    ['resident ID format', { residentId: '11010519491231' }, 'input.residentId', 'residentId.format', '18位'],
    ['resident ID birth date', { residentId: '110105194913310023' }, 'input.residentId', 'residentId.birthDate', '出生日期'],
    ['name too long', { name: '名'.repeat(51) }, 'input.name', 'text.length', '长度'],
    ['name empty', { name: '  ' }, 'input.name', 'text.length', '长度'],
    ['home unit unknown', { homeUnitId: '0123456789abcdef01234567' }, 'input.homeUnitId', 'entity.notFound', '未找到单位'],
  ];
  it.each(cases)('%s', async (_label, over, field, rule, zh) => {
    const i = { name: '测试', mobile: uniqueMobile(), ...over };
    const en = await srv.gql(CREATE, { i }, { token: admin });
    expect(errorOf(en)).toMatchObject({ field, rule });
    expect(errorOf(en).code).toBe(rule === 'entity.notFound' ? 'NOT_FOUND' : 'BAD_USER_INPUT');
    expect(errorOf(en).message).toMatch(/[A-Za-z]/);
    const cn = await srv.gql(CREATE, { i: { ...i, mobile: i.mobile } }, { token: admin, lang: 'zh-CN' });
    expect(errorOf(cn).message).toContain(zh);
  });

  it('an enum outside the schema is refused by GraphQL before reaching the service', async () => {
    const res = await srv.gql(CREATE, { i: { name: '测试', mobile: uniqueMobile(), skills: ['JUGGLING'] } }, { token: admin });
    expect(res.errors?.[0].message).toMatch(/JUGGLING/);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a failed mutation writes nothing', async () => {
    const mobile = uniqueMobile();
    await srv.gql(CREATE, { i: { name: '半条', mobile, residentId: '110105194912310021' } }, { token: admin });
    const d = ok(await srv.gql('query($f: PersonFilter) { people(filter: $f) { totalCount } }', { f: { search: mobile } }, { token: admin }));
    expect(d.people.totalCount).toBe(0);
  });

  it('mobile numbers and resident IDs are unique (CONFLICT naming the field)', async () => {
    const mobile = uniqueMobile();
    ok(await srv.gql(CREATE, { i: { name: '甲', mobile } }, { token: admin }));
    expect(errorOf(await srv.gql(CREATE, { i: { name: '乙', mobile: `+86${mobile}` } }, { token: admin }))).toMatchObject({ code: 'CONFLICT', field: 'input.mobile' });
    expect(errorOf(await srv.gql(CREATE, { i: { name: '丙', mobile: uniqueMobile(), residentId: RESIDENT_ID } }, { token: admin }))).toMatchObject({
      code: 'CONFLICT', field: 'input.residentId', rule: 'residentId.duplicate',
    });
  });
});

describe('resident ID number is personal data', () => {
  const Q = 'query($id: ID!) { person(id: $id) { residentId } }';
  it('is shown in full to ORG_ADMIN (also a region-scoped one)', async () => {
    expect(ok(await srv.gql(Q, { id: w.p1 }, { token: admin })).person.residentId).toBe(RESIDENT_ID);
    expect(ok(await srv.gql(Q, { id: w.p1 }, { token: w.tokens.adminT1 })).person.residentId).toBe(RESIDENT_ID);
  });
  it.each(['managerC1', 'volunteerP1', 'evaluatorT1'] as const)('is masked for %s', async (who) => {
    expect(ok(await srv.gql(Q, { id: w.p1 }, { token: w.tokens[who] })).person.residentId).toBe('1101**********002X');
  });
  it('only ORG_ADMIN may search by it', async () => {
    const res = await srv.gql('query($f: PersonFilter) { people(filter: $f) { totalCount } }', { f: { residentId: RESIDENT_ID } }, { token: w.tokens.evaluatorT1 });
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});
