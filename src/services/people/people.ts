// People: create, update, archive, get, list. Writes: ORG_ADMIN and UNIT_MANAGER for people whose
// home (region or unit) is in their scope — before and after the change. Reads: any role in
// scope (see ./scope.ts); a VOLUNTEER reads only their own record.
import type { Types } from 'mongoose';
import { PersonModel, type PersonDoc } from '../../store/models/Person';
import { UnitModel, type UnitDoc } from '../../store/models/Unit';
import { RegionModel, type RegionDoc } from '../../store/models/Region';
import { SKILLS } from '../../store/models/enums';
import { conflict, forbidden } from '../../errors/AppError';
import type { Access } from '../access';
import { and, ensureAllowed, requireRoles } from '../policy';
import { paginate, type PageArgs } from '../pagination';
import { archive, archivedFilter, mustFind, mustReference, searchFilter, updateVersioned } from '../records';
import { parseId, parseOptionalId, sameId } from '../ids';
import { problemError, valid } from '../validate';
import { regionPathOf } from '../regions';
import { checkPersonFields, type RawPersonFields } from './personFields';
import { canSeePerson, peopleScopeFilter, personHomeFootprint, unionPaths } from './scope';
import { hashResidentId, protectResidentId } from './residentIdVault';

export const PEOPLE_READERS = ['ORG_ADMIN', 'UNIT_MANAGER', 'EVALUATOR', 'VOLUNTEER'] as const;
export const PEOPLE_WRITERS = ['ORG_ADMIN', 'UNIT_MANAGER'] as const;
const ENTITY = 'Person';

const FIELD_NAMES = {
  name: 'input.name',
  mobile: 'input.mobile',
  skills: 'input.skills',
  partyMember: 'input.partyMember',
  residentId: 'input.residentId',
};

/** The region path a person's home gives them: home region path ∪ home unit's region path. */
export function homeRegionPath(unit: UnitDoc | null, region: RegionDoc | null): Types.ObjectId[] {
  return unionPaths(region ? regionPathOf(region) : [], unit?.regionPath);
}

async function loadHome(homeUnitId: Types.ObjectId | null, homeRegionId: Types.ObjectId | null) {
  const [unit, region] = await Promise.all([
    homeUnitId ? mustReference<UnitDoc>(UnitModel, 'Unit', 'input.homeUnitId', homeUnitId) : null,
    homeRegionId ? mustReference<RegionDoc>(RegionModel, 'Region', 'input.homeRegionId', homeRegionId) : null,
  ]);
  return { unit, region };
}

/** Resident ID numbers are unique; checked before writing to name the field (the index backs it). */
async function ensureResidentIdFree(value: string, exceptId: Types.ObjectId | null): Promise<string> {
  const hash = hashResidentId(value);
  const other = await PersonModel.findOne({ residentIdHash: hash }, { _id: 1 }).lean();
  if (other && !sameId(other._id, exceptId)) {
    throw conflict('input.residentId', 'residentId.duplicate', { field: 'input.residentId' });
  }
  return hash;
}

async function ensureMobileFree(mobile: string, exceptId: Types.ObjectId | null): Promise<void> {
  const other = await PersonModel.findOne({ mobile }, { _id: 1 }).lean();
  if (other && !sameId(other._id, exceptId)) {
    throw conflict('input.mobile', 'value.duplicate', { field: 'input.mobile', value: mobile });
  }
}

export interface CreatePersonInput extends RawPersonFields {
  name: string;
  mobile: string;
  homeUnitId?: string | null;
  homeRegionId?: string | null;
}

export async function createPerson(access: Access, input: CreatePersonInput): Promise<PersonDoc> {
  requireRoles(access, PEOPLE_WRITERS);
  const { value, problems } = checkPersonFields(input, FIELD_NAMES, true);
  if (problems.length) throw problemError(problems[0]);
  const homeUnitId = parseOptionalId('input.homeUnitId', input.homeUnitId);
  const homeRegionId = parseOptionalId('input.homeRegionId', input.homeRegionId);
  const { unit, region } = await loadHome(homeUnitId, homeRegionId);
  const regionPath = homeRegionPath(unit, region);
  ensureAllowed(access, PEOPLE_WRITERS, { regionPath, unitIds: [homeUnitId] }, ENTITY);
  await ensureMobileFree(value.mobile!, null);
  if (value.residentId) await ensureResidentIdFree(value.residentId, null);
  const created = await PersonModel.create({
    name: value.name,
    mobile: value.mobile,
    skills: value.skills ?? [],
    partyMember: value.partyMember ?? false,
    homeUnitId,
    homeRegionId,
    regionPath,
    ...(value.residentId ? protectResidentId(value.residentId) : {}),
    createdBy: access.actor,
    updatedBy: access.actor,
  });
  return created.toObject() as PersonDoc;
}

export interface UpdatePersonInput extends RawPersonFields {
  version: number;
  homeUnitId?: string | null;
  homeRegionId?: string | null;
}

export async function updatePerson(access: Access, id: string, input: UpdatePersonInput): Promise<PersonDoc> {
  requireRoles(access, PEOPLE_WRITERS);
  const oid = parseId('id', id);
  const { value, problems } = checkPersonFields(input, FIELD_NAMES, false);
  if (problems.length) throw problemError(problems[0]);
  const current = await mustFind<PersonDoc>(PersonModel, ENTITY, oid);
  ensureAllowed(access, PEOPLE_WRITERS, personHomeFootprint(current), ENTITY);

  const set: Record<string, unknown> = {};
  if (value.name !== undefined) set.name = value.name;
  if (value.skills !== undefined) set.skills = value.skills;
  if (value.partyMember !== undefined) set.partyMember = value.partyMember;
  if (value.mobile !== undefined && value.mobile !== current.mobile) {
    await ensureMobileFree(value.mobile, oid);
    set.mobile = value.mobile;
  }
  if (value.residentId === null) {
    Object.assign(set, { residentIdCipher: null, residentIdHash: null, residentIdMasked: null });
  } else if (value.residentId !== undefined) {
    await ensureResidentIdFree(value.residentId, oid);
    Object.assign(set, protectResidentId(value.residentId));
  }
  if (input.homeUnitId !== undefined || input.homeRegionId !== undefined) {
    const homeUnitId = input.homeUnitId !== undefined ? parseOptionalId('input.homeUnitId', input.homeUnitId) : current.homeUnitId;
    const homeRegionId =
      input.homeRegionId !== undefined ? parseOptionalId('input.homeRegionId', input.homeRegionId) : current.homeRegionId;
    const { unit, region } = await loadHome(homeUnitId ?? null, homeRegionId ?? null);
    const regionPath = homeRegionPath(unit, region);
    // Moving someone needs scope over the new home too: nobody hands people into another's scope.
    ensureAllowed(access, PEOPLE_WRITERS, { regionPath, unitIds: [homeUnitId] }, ENTITY);
    Object.assign(set, { homeUnitId, homeRegionId, regionPath });
  }
  return updateVersioned<PersonDoc>(PersonModel, ENTITY, oid, input.version, set, access.actor);
}

/** People are never deleted (deployments and rosters refer to them); archived ones are hidden by default. */
export async function archivePerson(access: Access, id: string): Promise<PersonDoc> {
  requireRoles(access, PEOPLE_WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<PersonDoc>(PersonModel, ENTITY, oid);
  ensureAllowed(access, PEOPLE_WRITERS, personHomeFootprint(current), ENTITY);
  return archive<PersonDoc>(PersonModel, ENTITY, oid, access.actor);
}

export async function getPerson(access: Access, id: string): Promise<PersonDoc> {
  requireRoles(access, PEOPLE_READERS);
  const doc = await mustFind<PersonDoc>(PersonModel, ENTITY, parseId('id', id));
  if (!(await canSeePerson(access, doc))) throw forbidden('access.outOfScope', { entity: ENTITY });
  return doc;
}

export interface PersonFilter {
  mobile?: string | null;
  search?: string | null;
  /** people having all of these skills */
  skills?: string[] | null;
  partyMember?: boolean | null;
  homeUnitId?: string | null;
  withinRegionId?: string | null;
  residentId?: string | null;
  includeArchived?: boolean | null;
}

export async function listPeople(access: Access, filter: PersonFilter = {}, page: PageArgs = {}) {
  requireRoles(access, PEOPLE_READERS);
  const parts: Record<string, unknown>[] = [archivedFilter(filter.includeArchived)];
  if (filter.skills?.length) {
    parts.push({ skills: { $all: filter.skills.map((s) => valid.enumValue('filter.skills', s, SKILLS)) } });
  }
  if (filter.partyMember != null) parts.push({ partyMember: filter.partyMember });
  if (filter.homeUnitId) parts.push({ homeUnitId: parseId('filter.homeUnitId', filter.homeUnitId) });
  if (filter.withinRegionId) parts.push({ regionPath: parseId('filter.withinRegionId', filter.withinRegionId) });
  if (filter.residentId) {
    // lookups by ID number go through the keyed hash; only ORG_ADMIN may search by it
    requireRoles(access, ['ORG_ADMIN']);
    parts.push({ residentIdHash: hashResidentId(valid.residentId('filter.residentId', filter.residentId)) });
  }
  if (filter.mobile != null) parts.push({ mobile: valid.mobile('filter.mobile', filter.mobile) });
  parts.push(searchFilter(filter.search, ['name', 'mobile']));
  return paginate<PersonDoc>(PersonModel, and(...parts, await peopleScopeFilter(access)), page);
}
