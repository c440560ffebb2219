// Regions: the 区 → 镇街 → 社区 → 网格 tree. Writes: ORG_ADMIN within their subtree (only an
// installation-wide ORG_ADMIN creates a district). Reads: every role except VOLUNTEER, in scope.
import type { Types } from 'mongoose';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import { SiteModel } from '../store/models/Site';
import { REGION_LEVELS, type RegionLevel } from '../store/models/enums';
import { badInput, conflict } from '../errors/AppError';
import type { Access } from './access';
import { and, ensureAllowed, requireRoles, scopeFilter, type Footprint } from './policy';
import { paginate, type PageArgs } from './pagination';
import { archive, archivedFilter, mustFind, mustReference, searchFilter, updateVersioned } from './records';
import { parseId, parseOptionalId } from './ids';
import { valid } from './validate';

const READERS = ['ORG_ADMIN', 'UNIT_MANAGER', 'EVALUATOR'] as const;
const WRITERS = ['ORG_ADMIN'] as const;
const ENTITY = 'Region';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The region itself and its ancestors: what scope checks compare against. */
export function regionPathOf(region: Pick<RegionDoc, '_id' | 'ancestors'>): Types.ObjectId[] {
  return [...region.ancestors, region._id];
}

const footprint = (r: RegionDoc): Footprint => ({ regionPath: regionPathOf(r) });

export function childLevel(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return i >= 0 && i < REGION_LEVELS.length - 1 ? REGION_LEVELS[i + 1] : null;
}

export interface CreateRegionInput {
  code: string;
  name: string;
  level: string;
  parentId?: string | null;
  timeZone?: string | null;
}

export async function createRegion(access: Access, input: CreateRegionInput): Promise<RegionDoc> {
  requireRoles(access, WRITERS);
  const code = valid.code('input.code', input.code);
  const name = valid.name('input.name', input.name);
  const level = valid.enumValue('input.level', input.level, REGION_LEVELS);
  const parentId = parseOptionalId('input.parentId', input.parentId);
  let ancestors: Types.ObjectId[] = [];
  let inheritedZone = DEFAULT_TIME_ZONE;
  if (!parentId) {
    if (level !== 'DISTRICT') throw badInput('input.level', 'region.rootLevel', { field: 'input.level' });
    ensureAllowed(access, WRITERS, { regionPath: [] }, ENTITY);
  } else {
    const parent = await mustReference<RegionDoc>(RegionModel, ENTITY, 'input.parentId', parentId);
    ensureAllowed(access, WRITERS, footprint(parent), ENTITY);
    const expected = childLevel(parent.level as RegionLevel);
    if (!expected) throw badInput('input.parentId', 'region.gridHasNoChildren', { field: 'input.parentId' });
    if (level !== expected) {
      throw badInput('input.level', 'region.levelMismatch', {
        field: 'input.level',
        parentLevel: parent.level,
        expected,
        value: level,
      });
    }
    ancestors = regionPathOf(parent);
    inheritedZone = parent.timeZone;
  }
  const timeZone = input.timeZone != null ? valid.timeZone('input.timeZone', input.timeZone) : inheritedZone;
  const created = await RegionModel.create({
    code,
    name,
    level,
    parentId,
    ancestors,
    timeZone,
    createdBy: access.actor,
    updatedBy: access.actor,
  });
  return created.toObject() as RegionDoc;
}

export interface UpdateRegionInput {
  version: number;
  code?: string | null;
  name?: string | null;
  timeZone?: string | null;
}

export async function updateRegion(access: Access, id: string, input: UpdateRegionInput): Promise<RegionDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const set: Record<string, unknown> = {};
  if (input.code != null) set.code = valid.code('input.code', input.code);
  if (input.name != null) set.name = valid.name('input.name', input.name);
  if (input.timeZone != null) set.timeZone = valid.timeZone('input.timeZone', input.timeZone);
  const current = await mustFind<RegionDoc>(RegionModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, footprint(current), ENTITY);
  return updateVersioned<RegionDoc>(RegionModel, ENTITY, oid, input.version, set, access.actor);
}

/** Archiving keeps the record (history refers to it); refused while active children or sites remain. */
export async function archiveRegion(access: Access, id: string): Promise<RegionDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<RegionDoc>(RegionModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, footprint(current), ENTITY);
  const [children, sites] = await Promise.all([
    RegionModel.countDocuments({ parentId: oid, archivedAt: null }),
    SiteModel.countDocuments({ regionId: oid, archivedAt: null }),
  ]);
  if (children + sites > 0) throw conflict(undefined, 'region.hasActiveChildren', { id, count: children + sites });
  return archive<RegionDoc>(RegionModel, ENTITY, oid, access.actor);
}

export async function getRegion(access: Access, id: string): Promise<RegionDoc> {
  requireRoles(access, READERS);
  const doc = await mustFind<RegionDoc>(RegionModel, ENTITY, parseId('id', id));
  ensureAllowed(access, READERS, footprint(doc), ENTITY);
  return doc;
}

export interface RegionFilter {
  code?: string | null;
  level?: string | null;
  parentId?: string | null;
  /** the subtree of this region (itself included) */
  withinRegionId?: string | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

/** Filter for "this region and everything under it" — one indexed lookup on `ancestors`. */
export function subtreeFilter(rootId: Types.ObjectId): Record<string, unknown> {
  return { $or: [{ _id: rootId }, { ancestors: rootId }] };
}

export async function listRegions(access: Access, filter: RegionFilter = {}, page: PageArgs = {}) {
  requireRoles(access, READERS);
  const parts: Record<string, unknown>[] = [archivedFilter(filter.includeArchived)];
  if (filter.level) parts.push({ level: valid.enumValue('filter.level', filter.level, REGION_LEVELS) });
  if (filter.parentId) parts.push({ parentId: parseId('filter.parentId', filter.parentId) });
  if (filter.withinRegionId) parts.push(subtreeFilter(parseId('filter.withinRegionId', filter.withinRegionId)));
  if (filter.code != null) parts.push({ code: filter.code.trim() });
  parts.push(searchFilter(filter.search, ['name', 'code']));
  const scope = access.all
    ? null
    : access.regionIds.length
      ? { $or: [{ _id: { $in: access.regionIds } }, { ancestors: { $in: access.regionIds } }] }
      : scopeFilter(access, {});
  return paginate<RegionDoc>(RegionModel, and(...parts, scope), page);
}
