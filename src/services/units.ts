// Units (单位): government offices, enterprises, hospitals, police stations, schools, community
// committees. Writes: ORG_ADMIN for units located in their subtree (a unit with no region only
// by an installation-wide ORG_ADMIN). Reads: ORG_ADMIN/EVALUATOR in scope, UNIT_MANAGER their own
// unit and the units in their community.
import type { Types } from 'mongoose';
import { UnitModel, type UnitDoc } from '../store/models/Unit';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import { UNIT_KINDS } from '../store/models/enums';
import { badInput } from '../errors/AppError';
import type { Access } from './access';
import { and, ensureAllowed, requireRoles, scopeFilter, type Footprint } from './policy';
import { paginate, type PageArgs } from './pagination';
import { archive, archivedFilter, mustFind, mustReference, searchFilter, updateVersioned } from './records';
import { parseId, parseOptionalId } from './ids';
import { valid } from './validate';
import { regionPathOf } from './regions';

const READERS = ['ORG_ADMIN', 'UNIT_MANAGER', 'EVALUATOR'] as const;
const WRITERS = ['ORG_ADMIN'] as const;
const ENTITY = 'Unit';

const footprint = (u: UnitDoc): Footprint => ({ regionPath: u.regionPath, unitIds: [u._id] });

export interface CreateUnitInput {
  code: string;
  name: string;
  kind: string;
  regionId?: string | null;
}

export async function createUnit(access: Access, input: CreateUnitInput): Promise<UnitDoc> {
  requireRoles(access, WRITERS);
  const code = valid.code('input.code', input.code);
  const name = valid.name('input.name', input.name);
  const kind = valid.enumValue('input.kind', input.kind, UNIT_KINDS);
  const regionId = parseOptionalId('input.regionId', input.regionId);
  let regionPath: Types.ObjectId[] = [];
  if (regionId) {
    const region = await mustReference<RegionDoc>(RegionModel, 'Region', 'input.regionId', regionId);
    if (kind === 'COMMUNITY_COMMITTEE' && region.level !== 'COMMUNITY') {
      throw badInput('input.regionId', 'reference.wrongKind', {
        field: 'input.regionId',
        entity: 'Region',
        id: regionId.toHexString(),
        expected: 'COMMUNITY',
        actual: region.level,
      });
    }
    regionPath = regionPathOf(region);
  } else if (kind === 'COMMUNITY_COMMITTEE') {
    throw badInput('input.regionId', 'value.required', { field: 'input.regionId' });
  }
  ensureAllowed(access, WRITERS, { regionPath }, ENTITY);
  const created = await UnitModel.create({
    code,
    name,
    kind,
    regionId,
    regionPath,
    createdBy: access.actor,
    updatedBy: access.actor,
  });
  return created.toObject() as UnitDoc;
}

export interface UpdateUnitInput {
  version: number;
  code?: string | null;
  name?: string | null;
}

/** Kind and region are fixed after creation: people and deployments copy the unit's region path. */
export async function updateUnit(access: Access, id: string, input: UpdateUnitInput): Promise<UnitDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const set: Record<string, unknown> = {};
  if (input.code != null) set.code = valid.code('input.code', input.code);
  if (input.name != null) set.name = valid.name('input.name', input.name);
  const current = await mustFind<UnitDoc>(UnitModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, { regionPath: current.regionPath }, ENTITY);
  return updateVersioned<UnitDoc>(UnitModel, ENTITY, oid, input.version, set, access.actor);
}

export async function archiveUnit(access: Access, id: string): Promise<UnitDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<UnitDoc>(UnitModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, { regionPath: current.regionPath }, ENTITY);
  return archive<UnitDoc>(UnitModel, ENTITY, oid, access.actor);
}

export async function getUnit(access: Access, id: string): Promise<UnitDoc> {
  requireRoles(access, READERS);
  const doc = await mustFind<UnitDoc>(UnitModel, ENTITY, parseId('id', id));
  ensureAllowed(access, READERS, footprint(doc), ENTITY);
  return doc;
}

export interface UnitFilter {
  code?: string | null;
  kind?: string | null;
  withinRegionId?: string | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

export async function listUnits(access: Access, filter: UnitFilter = {}, page: PageArgs = {}) {
  requireRoles(access, READERS);
  const parts: Record<string, unknown>[] = [archivedFilter(filter.includeArchived)];
  if (filter.kind) parts.push({ kind: valid.enumValue('filter.kind', filter.kind, UNIT_KINDS) });
  if (filter.withinRegionId) parts.push({ regionPath: parseId('filter.withinRegionId', filter.withinRegionId) });
  if (filter.code != null) parts.push({ code: filter.code.trim() });
  parts.push(searchFilter(filter.search, ['name', 'code']));
  return paginate<UnitDoc>(UnitModel, and(...parts, scopeFilter(access, { regionPath: 'regionPath', units: ['_id'] })), page);
}
