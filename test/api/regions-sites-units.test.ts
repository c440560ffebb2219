// CRUD, pagination and validation of the organisational tree: regions, sites and units.
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, errorOf, ok, uniq, type World } from './world';

let srv: TestServer;
let w: World;
let admin: string;
beforeAll(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv);
  admin = w.tokens.admin;
});
afterAll(() => srv?.stop());

const REGION_FIELDS = 'id code name level timeZone version archivedAt parent { id } ancestors { code } createdBy { role } updatedBy { role } createdAt updatedAt';

describe('regions', () => {
  it('creates a child one level below its parent, storing the ancestors and inheriting the time zone', async () => {
    const d = ok(
      await srv.gql(`mutation($i: CreateRegionInput!) { createRegion(input: $i) { ${REGION_FIELDS} } }`, {
        i: { code: `G-${uniq()}`, name: '百步亭社区第2网格', level: 'GRID', parentId: w.c1 },
      }, { token: admin }),
    );
    expect(d.createRegion).toMatchObject({
      name: '百步亭社区第2网格', level: 'GRID', timeZone: 'Asia/Shanghai', version: 1, archivedAt: null,
      parent: { id: w.c1 }, ancestors: [{ code: 'D' }, { code: 'T1' }, { code: 'C1' }], createdBy: { role: 'ORG_ADMIN' },
    });
  });

  it('reads by id and lists a subtree with filters', async () => {
    const one = ok(await srv.gql('query($id: ID!) { region(id: $id) { name children { totalCount edges { node { code } } } } }', { id: w.town1 }, { token: admin }));
    expect(one.region.name).toBe('丹水池街道');
    expect(one.region.children.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['C1']);
    const list = ok(await srv.gql('query($f: RegionFilter) { regions(first: 50, filter: $f) { totalCount edges { node { code level } } } }', {
      f: { withinRegionId: w.town1, level: 'COMMUNITY' },
    }, { token: admin }));
    expect(list.regions.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['C1']);
    const byCode = ok(await srv.gql('{ regions(filter: { code: "C1-G1" }) { edges { node { id } } } }', undefined, { token: admin }));
    expect(byCode.regions.edges).toEqual([{ node: { id: w.grid1 } }]);
  });

  it('paginates with cursors: every region exactly once, in a stable order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const d: any = ok(await srv.gql('query($a: String) { regions(first: 2, after: $a) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }', { a: after }, { token: admin }));
      total = d.regions.totalCount;
      seen.push(...d.regions.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(d.regions.edges.length).toBeLessThanOrEqual(2);
      if (!d.regions.pageInfo.hasNextPage) break;
      after = d.regions.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [{ level: 'TOWN', parentId: 'c1' }, 'input.level', 'region.levelMismatch'],
    [{ level: 'TOWN', parentId: null }, 'input.level', 'region.rootLevel'],
    [{ level: 'GRID', parentId: 'grid1' }, 'input.parentId', 'region.gridHasNoChildren'],
    [{ level: 'GRID', parentId: 'c1', code: '网格一' }, 'input.code', 'code.format'],
    [{ level: 'GRID', parentId: 'c1', name: '' }, 'input.name', 'text.length'],
    [{ level: 'GRID', parentId: 'c1', timeZone: 'Beijing' }, 'input.timeZone', 'timeZone.invalid'],
  ])('refuses %j: %s breaks %s', async (over, field, rule) => {
    const parentId = over.parentId ? (w as unknown as Record<string, string>)[over.parentId] : null;
    const i = { code: `X-${uniq()}`, name: '测试', ...over, parentId };
    const res = await srv.gql('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', { i }, { token: admin });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });

  it('updates with the version read and refuses a stale version with CONFLICT', async () => {
    const id = ok(await srv.gql('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', {
      i: { code: `G-${uniq()}`, name: '待改名网格', level: 'GRID', parentId: w.c1 },
    }, { token: admin })).createRegion.id;
    const upd = (version: number, name: string) =>
      srv.gql('mutation($id: ID!, $i: UpdateRegionInput!) { updateRegion(id: $id, input: $i) { name version updatedBy { role } } }', { id, i: { version, name } }, { token: admin });
    expect(ok(await upd(1, '新网格')).updateRegion).toMatchObject({ name: '新网格', version: 2 });
    expect(errorOf(await upd(1, '旧网格'))).toMatchObject({ code: 'CONFLICT', rule: 'version.stale' });
    const zh = await srv.gql('mutation($id: ID!, $i: UpdateRegionInput!) { updateRegion(id: $id, input: $i) { name } }', { id, i: { version: 1, name: 'x' } }, { token: admin, lang: 'zh-CN' });
    expect(errorOf(zh).message).toContain('已被他人修改');
  });

  it('archives (hidden from lists unless asked) and refuses while active children remain', async () => {
    expect(errorOf(await srv.gql('mutation($id: ID!) { archiveRegion(id: $id) { id } }', { id: w.town1 }, { token: admin }))).toMatchObject({
      code: 'CONFLICT', rule: 'region.hasActiveChildren',
    });
    const id = ok(await srv.gql('mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }', {
      i: { code: `G-${uniq()}`, name: '将归档网格', level: 'GRID', parentId: w.c1 },
    }, { token: admin })).createRegion.id;
    const archived = ok(await srv.gql('mutation($id: ID!) { archiveRegion(id: $id) { archivedAt } }', { id }, { token: admin }));
    expect(archived.archiveRegion.archivedAt).toEqual(expect.any(String));
    const list = (includeArchived: boolean) =>
      srv.gql('query($f: RegionFilter) { regions(first: 100, filter: $f) { edges { node { id } } } }', { f: { includeArchived } }, { token: admin });
    const ids = (d: { regions: { edges: { node: { id: string } }[] } }) => d.regions.edges.map((e) => e.node.id);
    expect(ids(ok(await list(false)))).not.toContain(id);
    expect(ids(ok(await list(true)))).toContain(id);
    // still readable by id: history refers to it
    expect(ok(await srv.gql('query($id: ID!) { region(id: $id) { id } }', { id }, { token: admin })).region.id).toBe(id);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect(errorOf(await srv.gql('{ region(id: "0123456789abcdef01234567") { id } }', undefined, { token: admin }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await srv.gql('{ region(id: "nope") { id } }', undefined, { token: admin }))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'id.invalid', field: 'id' });
  });
});

describe('sites', () => {
  it('creates, reads, updates, lists by kind and subtree, archives', async () => {
    const code = `S-${uniq()}`;
    const created = ok(await srv.gql('mutation($i: CreateSiteInput!) { createSite(input: $i) { id name kind version region { code } address } }', {
      i: { code, name: '百步亭超市', kind: 'KEY_PLACE', regionId: w.c1, address: '百步亭路1号' },
    }, { token: admin })).createSite;
    expect(created).toMatchObject({ name: '百步亭超市', kind: 'KEY_PLACE', version: 1, region: { code: 'C1' }, address: '百步亭路1号' });
    const updated = ok(await srv.gql('mutation($id: ID!, $i: UpdateSiteInput!) { updateSite(id: $id, input: $i) { name version } }', {
      id: created.id, i: { version: 1, name: '百步亭中百超市' },
    }, { token: admin })).updateSite;
    expect(updated).toEqual({ name: '百步亭中百超市', version: 2 });
    const list = ok(await srv.gql('query($f: SiteFilter) { sites(first: 10, filter: $f) { totalCount edges { node { code } } } }', {
      f: { kind: 'KEY_PLACE', withinRegionId: w.town1 },
    }, { token: admin })).sites;
    expect(list.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual([code]);
    ok(await srv.gql('mutation($id: ID!) { archiveSite(id: $id) { id } }', { id: created.id }, { token: admin }));
    const after = ok(await srv.gql('query($f: SiteFilter) { sites(first: 10, filter: $f) { totalCount } }', { f: { kind: 'KEY_PLACE' } }, { token: admin }));
    expect(after.sites.totalCount).toBe(0);
  });

  it('needs an existing region and a unique code', async () => {
    const missing = await srv.gql('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', {
      i: { code: `S-${uniq()}`, name: '无处卡点', kind: 'CHECKPOINT', regionId: '0123456789abcdef01234567' },
    }, { token: admin });
    expect(errorOf(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'input.regionId' });
    const dup = await srv.gql('mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }', {
      i: { code: 'S-C1-1', name: '重复卡点', kind: 'CHECKPOINT', regionId: w.c1 },
    }, { token: admin });
    expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('units', () => {
  it('creates, reads, updates, lists and archives', async () => {
    const code = `U-${uniq()}`;
    const created = ok(await srv.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id kind region { code } version } }', {
      i: { code, name: '育才实验小学', kind: 'SCHOOL', regionId: w.town1 },
    }, { token: admin })).createUnit;
    expect(created).toMatchObject({ kind: 'SCHOOL', region: { code: 'T1' }, version: 1 });
    const upd = ok(await srv.gql('mutation($id: ID!, $i: UpdateUnitInput!) { updateUnit(id: $id, input: $i) { name version } }', {
      id: created.id, i: { version: 1, name: '育才实验小学（本部）' },
    }, { token: admin })).updateUnit;
    expect(upd).toEqual({ name: '育才实验小学（本部）', version: 2 });
    const got = ok(await srv.gql('query($id: ID!) { unit(id: $id) { name } }', { id: created.id }, { token: admin })).unit;
    expect(got.name).toBe('育才实验小学（本部）');
    const list = ok(await srv.gql('query($f: UnitFilter) { units(first: 10, filter: $f) { edges { node { code } } } }', { f: { kind: 'SCHOOL' } }, { token: admin })).units;
    expect(list.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual([code]);
    ok(await srv.gql('mutation($id: ID!) { archiveUnit(id: $id) { id } }', { id: created.id }, { token: admin }));
    const listed = ok(await srv.gql('query($f: UnitFilter) { units(first: 10, filter: $f) { totalCount } }', { f: { kind: 'SCHOOL' } }, { token: admin }));
    expect(listed.units.totalCount).toBe(0);
  });

  it('a community committee must sit in a COMMUNITY region', async () => {
    const res = await srv.gql('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { code: `U-${uniq()}`, name: '错位居委会', kind: 'COMMUNITY_COMMITTEE', regionId: w.town1 },
    }, { token: admin, lang: 'zh-CN' });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.regionId', rule: 'reference.wrongKind' });
    expect(errorOf(res).message).toContain('区域');
  });
});
