// CSV import through the API: good files, bad rows (every one reported with line, field and
// reason; nothing written), re-running the same file (no duplicates), Chinese and English
// headers, BOM, dry runs, and the deployments import.
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, ok, type World } from './world';

let srv: TestServer;
let w: World;
let admin: string;
beforeAll(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv);
  admin = w.tokens.admin;
});
afterAll(() => srv?.stop());

const IMPORT = 'mutation($csv: String!, $dry: Boolean) { importPeople(csv: $csv, dryRun: $dry) { dryRun rows created updated unchanged errors { line field rule message } } }';
const importPeople = async (csv: string, opts: { dry?: boolean; lang?: string; token?: string } = {}) =>
  ok(await srv.gql(IMPORT, { csv, dry: opts.dry ?? false }, { token: opts.token ?? admin, lang: opts.lang })).importPeople;
const countByMobile = async (mobiles: string[]) => {
  let n = 0;
  for (const m of mobiles) n += ok(await srv.gql('query($f: PersonFilter) { people(filter: $f) { totalCount } }', { f: { search: m, includeArchived: true } }, { token: admin })).people.totalCount;
  return n;
};

const GOOD = [
  '\uFEFF姓名,手机号,身份证号,党员,技能,单位,社区',
  '赵敏,13911110001,110101199003074477,是,医疗;驾驶,江岸区发展和改革局,',
  '钱进,+86 139 1111 0002,,否,测温、心理疏导,,百步亭社区',
  '"孙,小梅",13911110003,,true,,U-E1,C1-G1',
].join('\r\n');

describe('importPeople', () => {
  it('imports a good file with Chinese headers, a BOM, quoted commas and units/regions by name or code', async () => {
    const r = await importPeople(GOOD);
    expect(r).toEqual({ dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    const d = ok(await srv.gql('query($f: PersonFilter) { people(first: 10, filter: $f) { edges { node { name mobile partyMember skills homeUnit { code } homeRegion { code } residentId createdBy { role } } } } }', { f: { search: '1391111' } }, { token: admin }));
    expect(d.people.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { name: '赵敏', mobile: '13911110001', partyMember: true, skills: ['MEDICAL', 'DRIVER'], homeUnit: { code: 'U-FGW' }, homeRegion: null, residentId: '110101199003074477', createdBy: { role: 'ORG_ADMIN' } },
      { name: '钱进', mobile: '13911110002', partyMember: false, skills: ['TEMPERATURE_CHECK', 'PSYCHOLOGICAL_SUPPORT'], homeUnit: null, homeRegion: { code: 'C1' }, residentId: null, createdBy: { role: 'ORG_ADMIN' } },
      { name: '孙,小梅', mobile: '13911110003', partyMember: true, skills: [], homeUnit: { code: 'U-E1' }, homeRegion: { code: 'C1-G1' }, residentId: null, createdBy: { role: 'ORG_ADMIN' } },
    ]);
  });

  it('re-running the same file creates no duplicates and changes nothing', async () => {
    const r = await importPeople(GOOD);
    expect(r).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await countByMobile(['13911110001', '13911110002', '13911110003'])).toBe(3);
  });

  it('a changed row updates the person found by mobile, bumping the version', async () => {
    const before = ok(await srv.gql('query($f: PersonFilter) { people(filter: $f) { edges { node { id version } } } }', { f: { search: '13911110002' } }, { token: admin })).people.edges[0].node;
    const r = await importPeople('name,mobile,partyMember,skills\n钱进,13911110002,yes,LOGISTICS\n');
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const after = ok(await srv.gql('query($id: ID!) { person(id: $id) { version partyMember skills homeRegion { code } } }', { id: before.id }, { token: admin })).person;
    expect(after).toEqual({ version: before.version + 1, partyMember: true, skills: ['LOGISTICS'], homeRegion: { code: 'C1' } });
  });

  it('an empty unit or region cell keeps what the person had; a given one replaces it', async () => {
    // 钱进 lives in C1 (region) with no unit; give a unit only
    expect(await importPeople('姓名,手机号,单位\n钱进,13911110002,U-FGW\n')).toMatchObject({ updated: 1, errors: [] });
    const q = 'query($f: PersonFilter) { people(filter: $f) { edges { node { homeUnit { code } homeRegion { code } } } } }';
    const inC1 = ok(await srv.gql(q, { f: { mobile: '13911110002', withinRegionId: w.c1 } }, { token: admin })).people.edges;
    expect(inC1).toEqual([{ node: { homeUnit: { code: 'U-FGW' }, homeRegion: { code: 'C1' } } }]);
    // a town admin of T2 may not take over a person who lives in T1
    const r = await importPeople('姓名,手机号,社区\n钱进,13911110002,东方社区\n', { token: w.tokens.adminT2 });
    expect(r.errors.map((e: { rule: string }) => e.rule)).toEqual(['access.outOfScope']);
  });

  it('reports every bad row with line, field and reason, and imports nothing — not even the good rows', async () => {
    const csv = [
      '姓名,手机号,身份证号,党员,技能,单位,社区',
      '好人,13922220001,,是,,,', // line 2: fine
      ',13922220002,,,,,', // line 3: name missing
      '错号,1234,,,,,', // line 4: bad mobile
      '错证,13922220004,110101199003074478,,,,', // line 5: checksum
      '错党,13922220005,,也许,,,', // line 6: boolean
      '错技,13922220006,,,飞行,,', // line 7: skill
      '错单位,13922220007,,,,不存在的单位,', // line 8: unknown unit
      '重复,13922220001,,,,,', // line 9: duplicate mobile in the file
      '冒名,13922220009,110101199003074477,,,,', // line 10: ID number held by another person
    ].join('\n');
    const r = await importPeople(csv, { lang: 'zh-CN' });
    expect(r.created + r.updated).toBe(0);
    expect(r.errors.map((e: { line: number; field: string; rule: string }) => [e.line, e.field, e.rule])).toEqual([
      [3, 'name', 'value.required'],
      [4, 'mobile', 'mobile.invalid'],
      [5, 'residentId', 'residentId.checksum'],
      [6, 'partyMember', 'boolean.invalid'],
      [7, 'skills', 'enum.invalid'],
      [8, 'unit', 'reference.unknown'],
      [9, 'mobile', 'csv.duplicateInFile'],
      [10, 'residentId', 'residentId.duplicate'],
    ]);
    expect(r.errors[1].message).toContain('手机号码');
    expect(r.errors[6].message).toContain('第 2 行');
    expect(await countByMobile(['13922220001', '13922220004'])).toBe(0);
  });

  it('names unknown and missing columns', async () => {
    const r = await importPeople('姓名,年龄\n张三,30\n');
    expect(r.errors.map((e: { rule: string; field: string }) => [e.rule, e.field])).toEqual([
      ['csv.unknownColumn', '年龄'],
      ['csv.missingColumn', 'mobile'],
    ]);
  });

  it('a dry run validates and counts without writing', async () => {
    const r = await importPeople('name,mobile\n试运行,13933330001\n', { dry: true });
    expect(r).toMatchObject({ dryRun: true, rows: 1, created: 1, errors: [] });
    expect(await countByMobile(['13933330001'])).toBe(0);
  });

  it('rows outside the importer’s scope are rejected, in English by default', async () => {
    const r = await importPeople('姓名,手机号,社区\n越界,13944440001,东方社区\n', { token: w.tokens.adminT1 });
    expect(r.errors).toEqual([{ line: 2, field: 'region', rule: 'access.outOfScope', message: expect.stringMatching(/outside your scope/) }]);
    expect(await countByMobile(['13944440001'])).toBe(0);
  });
});

describe('importDeployments', () => {
  const IMPORT_D = 'mutation($csv: String!) { importDeployments(csv: $csv) { rows created updated unchanged errors { line field rule } } }';
  const run = async (csv: string) => ok(await srv.gql(IMPORT_D, { csv }, { token: admin })).importDeployments;

  it('imports, re-runs without duplicates, and reports bad rows', async () => {
    const csv = [
      '手机号,类型,派出单位,下沉社区,派驻企业,开始日期,结束日期,备注',
      '13911110001,下沉,江岸区发展和改革局,百步亭社区,,2027-03-01,2027-06-30,第二批',
      '13911110003,第一书记,,,U-E1,2027-07-01,,驻企',
    ].join('\n');
    expect(await run(csv)).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    expect(await run(csv)).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [] });
    const list = ok(await srv.gql('query($f: DeploymentFilter) { deployments(first: 10, filter: $f) { edges { node { kind status startsAt endsAt fromUnit { code } toRegion { code } toUnit { code } person { name } } } } }', {
      f: { activeFrom: '2027-01-01T00:00:00+08:00', status: ['PLANNED'] },
    }, { token: admin })).deployments.edges.map((e: { node: unknown }) => e.node);
    expect(list).toEqual([
      { kind: 'SENT_DOWN', status: 'PLANNED', startsAt: '2027-02-28T16:00:00.000Z', endsAt: '2027-06-29T16:00:00.000Z', fromUnit: { code: 'U-FGW' }, toRegion: { code: 'C1' }, toUnit: null, person: { name: '赵敏' } },
      { kind: 'FIRST_SECRETARY', status: 'PLANNED', startsAt: '2027-06-30T16:00:00.000Z', endsAt: null, fromUnit: { code: 'U-E1' }, toRegion: null, toUnit: { code: 'U-E1' }, person: { name: '孙,小梅' } },
    ]);

    const bad = [
      'mobile,kind,toRegion,toUnit,startsAt,endsAt',
      '13900000000,SENT_DOWN,C1,,2027-03-01,', // unknown person
      '13911110002,出差,C1,,2027-03-01,', // bad kind
      '13911110002,SENT_DOWN,T1,,2027-03-01,', // a town, not a community
      '13911110002,SENT_DOWN,C1,,2027-03-01,2027-02-01', // end before start
      '13911110002,FIRST_SECRETARY,C1,,2027-03-01,', // wrong target for the kind
      '13911110001,SENT_DOWN,C2,,2027-05-01,2027-08-01', // overlaps the imported one
      '13911110002,SENT_DOWN,C1,,2027-02-30,', // impossible date
    ].join('\n');
    const r = await run(bad);
    expect(r.created + r.updated).toBe(0);
    expect(r.errors.map((e: { line: number; field: string; rule: string }) => [e.line, e.field, e.rule])).toEqual([
      [2, 'mobile', 'reference.unknown'],
      [3, 'kind', 'enum.invalid'],
      [4, 'toRegion', 'reference.wrongKind'],
      [5, 'endsAt', 'dateRange.endBeforeStart'],
      [6, 'toUnit', 'deployment.target'],
      [7, 'startsAt', 'deployment.overlap'],
      [8, 'startsAt', 'date.invalid'],
    ]);
  });

  it('without a sending-unit column the person’s home unit sends them, and its area sees the deployment', async () => {
    // 孙,小梅 works for U-E1 (in street T2) and is sent down to 百步亭社区 (street T1)
    const r = await run('手机号,类型,下沉社区,开始日期,结束日期\n13911110003,下沉,百步亭社区,2026-12-01,2027-01-01\n');
    expect(r).toMatchObject({ created: 1, errors: [] });
    const q = 'query($f: DeploymentFilter) { deployments(filter: $f) { edges { node { fromUnit { code } toRegion { code } } } } }';
    const f = { kind: 'SENT_DOWN', activeFrom: '2026-12-15T00:00:00+08:00', activeTo: '2026-12-16T00:00:00+08:00' };
    expect(ok(await srv.gql(q, { f }, { token: w.tokens.evaluatorT2 })).deployments.edges).toEqual([{ node: { fromUnit: { code: 'U-E1' }, toRegion: { code: 'C1' } } }]);
  });
});
