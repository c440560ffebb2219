// Sites (卡点, 重点场所 …) under a region. Writes: ORG_ADMIN in scope, and a UNIT_MANAGER of a
// community committee inside that community. Reads: every role except VOLUNTEER, in scope.
import { SiteModel, type SiteDoc } from '../store/models/Site';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import { SITE_KINDS } from '../store/models/enums';
import type { Access } from './access';
import { and, ensureAllowed, requireRoles, scopeFilter, type Footprint } from './policy';
import { paginate, type PageArgs } from './pagination';
import { archive, archivedFilter, mustFind, mustReference, searchFilter, updateVersioned } from './records';
import { parseId } from './ids';
import { valid } from './validate';
import { regionPathOf, subtreeFilter } from './regions';

const READERS = ['ORG_ADMIN', 'UNIT_MANAGER', 'EVALUATOR'] as const;
const WRITERS = ['ORG_ADMIN', 'UNIT_MANAGER'] as const;
const ENTITY = 'Site';

const footprint = (s: SiteDoc): Footprint => ({ regionPath: s.regionPath });

export interface CreateSiteInput {
  code: string;
  name: string;
  kind: string;
  regionId: string;
  address?: string | null;
}

export async function createSite(access: Access, input: CreateSiteInput): Promise<SiteDoc> {
  requireRoles(access, WRITERS);
  const code = valid.code('input.code', input.code);
  const name = valid.name('input.name', input.name);
  const kind = valid.enumValue('input.kind', input.kind, SITE_KINDS);
  const address = input.address != null ? valid.text('input.address', input.address, 0, 200) || null : null;
  const regionId = parseId('input.regionId', input.regionId);
  const region = await mustReference<RegionDoc>(RegionModel, 'Region', 'input.regionId', regionId);
  const regionPath = regionPathOf(region);
  ensureAllowed(access, WRITERS, { regionPath }, ENTITY);
  const created = await SiteModel.create({
    code,
    name,
    kind,
    regionId,
    regionPath,
    address,
    createdBy: access.actor,
    updatedBy: access.actor,
  });
  return created.toObject() as SiteDoc;
}

export interface UpdateSiteInput {
  version: number;
  code?: string | null;
  name?: string | null;
  kind?: string | null;
  address?: string | null;
}

/** The region of a site is fixed; a site that moves is a new site. */
export async function updateSite(access: Access, id: string, input: UpdateSiteInput): Promise<SiteDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const set: Record<string, unknown> = {};
  if (input.code != null) set.code = valid.code('input.code', input.code);
  if (input.name != null) set.name = valid.name('input.name', input.name);
  if (input.kind != null) set.kind = valid.enumValue('input.kind', input.kind, SITE_KINDS);
  if (input.address !== undefined) set.address = input.address == null ? null : valid.text('input.address', input.address, 0, 200) || null;
  const current = await mustFind<SiteDoc>(SiteModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, footprint(current), ENTITY);
  return updateVersioned<SiteDoc>(SiteModel, ENTITY, oid, input.version, set, access.actor);
}

export async function archiveSite(access: Access, id: string): Promise<SiteDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<SiteDoc>(SiteModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, footprint(current), ENTITY);
  return archive<SiteDoc>(SiteModel, ENTITY, oid, access.actor);
}

export async function getSite(access: Access, id: string): Promise<SiteDoc> {
  requireRoles(access, READERS);
  const doc = await mustFind<SiteDoc>(SiteModel, ENTITY, parseId('id', id));
  ensureAllowed(access, READERS, footprint(doc), ENTITY);
  return doc;
}

export interface SiteFilter {
  code?: string | null;
  kind?: string | null;
  withinRegionId?: string | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

export async function listSites(access: Access, filter: SiteFilter = {}, page: PageArgs = {}) {
  requireRoles(access, READERS);
  const parts: Record<string, unknown>[] = [archivedFilter(filter.includeArchived)];
  if (filter.kind) parts.push({ kind: valid.enumValue('filter.kind', filter.kind, SITE_KINDS) });
  if (filter.withinRegionId) parts.push({ regionPath: parseId('filter.withinRegionId', filter.withinRegionId) });
  if (filter.code != null) parts.push({ code: filter.code.trim() });
  parts.push(searchFilter(filter.search, ['name', 'code']));
  return paginate<SiteDoc>(SiteModel, and(...parts, scopeFilter(access, { regionPath: 'regionPath' })), page);
}

export { subtreeFilter };
