// Teams (志愿服务队 / 党员突击队 / 摸排小组): serve a region, optionally formed by a unit, with a
// leader who is always a member. Writes: ORG_ADMIN and UNIT_MANAGER for teams in their region
// subtree or of their unit; the members must be people the writer can see (otherwise a team would
// leak names and numbers out of scope). Reads: in scope, and a VOLUNTEER reads teams they are in.
import type { Types } from 'mongoose';
import { TeamModel, type TeamDoc } from '../store/models/Team';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import { UnitModel, type UnitDoc } from '../store/models/Unit';
import { PersonModel } from '../store/models/Person';
import { TEAM_KINDS } from '../store/models/enums';
import { badInput, forbidden, notFound } from '../errors/AppError';
import type { Access } from './access';
import { and, ensureAllowed, requireRoles, scopeFilter, type Footprint } from './policy';
import { paginate, type PageArgs } from './pagination';
import { archive, archivedFilter, mustFind, mustReference, searchFilter, updateVersioned } from './records';
import { parseId, parseOptionalId } from './ids';
import { valid } from './validate';
import { regionPathOf } from './regions';
import { peopleScopeFilter, unionPaths } from './people/scope';

const READERS = ['ORG_ADMIN', 'UNIT_MANAGER', 'EVALUATOR', 'VOLUNTEER'] as const;
const WRITERS = ['ORG_ADMIN', 'UNIT_MANAGER'] as const;
const ENTITY = 'Team';
export const MAX_TEAM_MEMBERS = 500;

const writeFootprint = (t: Pick<TeamDoc, 'regionPath' | 'unitId'>): Footprint => ({ regionPath: t.regionPath, unitIds: [t.unitId] });
const readFootprint = (t: TeamDoc): Footprint => ({ ...writeFootprint(t), personIds: t.memberIds });

/** Parses, de-duplicates and checks the members: they exist, are active and visible to the writer. */
async function resolveMembers(
  access: Access,
  leaderRaw: string | null | undefined,
  membersRaw: string[],
): Promise<{ leaderId: Types.ObjectId | null; memberIds: Types.ObjectId[] }> {
  const leaderId = parseOptionalId('input.leaderId', leaderRaw);
  const parsed = membersRaw.map((m, i) => parseId(`input.memberIds.${i}`, m));
  const memberIds = unionPaths(parsed, leaderId ? [leaderId] : []);
  if (memberIds.length > MAX_TEAM_MEMBERS) {
    throw badInput('input.memberIds', 'team.memberCount', { field: 'input.memberIds', max: MAX_TEAM_MEMBERS });
  }
  if (memberIds.length) {
    const found = await PersonModel.find(and({ _id: { $in: memberIds } }, await peopleScopeFilter(access)), {
      _id: 1,
      archivedAt: 1,
    }).lean();
    const byId = new Map(found.map((p) => [p._id.toHexString(), p]));
    for (const id of memberIds) {
      const p = byId.get(id.toHexString());
      const field = leaderId?.equals(id) ? 'input.leaderId' : 'input.memberIds';
      if (!p) {
        // distinguish "no such person" from "not yours" without revealing which people exist
        const exists = await PersonModel.exists({ _id: id });
        if (!exists) throw notFound('Person', id.toHexString(), field);
        throw forbidden('access.outOfScope', { entity: 'Person' });
      }
      if (p.archivedAt) throw badInput(field, 'reference.archived', { field, entity: 'Person', id: id.toHexString() });
    }
  }
  return { leaderId, memberIds };
}

export interface CreateTeamInput {
  code: string;
  name: string;
  kind: string;
  regionId: string;
  unitId?: string | null;
  leaderId?: string | null;
  memberIds?: string[] | null;
}

export async function createTeam(access: Access, input: CreateTeamInput): Promise<TeamDoc> {
  requireRoles(access, WRITERS);
  const code = valid.code('input.code', input.code);
  const name = valid.name('input.name', input.name);
  const kind = valid.enumValue('input.kind', input.kind, TEAM_KINDS);
  const regionId = parseId('input.regionId', input.regionId);
  const unitId = parseOptionalId('input.unitId', input.unitId);
  const [region] = await Promise.all([
    mustReference<RegionDoc>(RegionModel, 'Region', 'input.regionId', regionId),
    unitId ? mustReference<UnitDoc>(UnitModel, 'Unit', 'input.unitId', unitId) : null,
  ]);
  const regionPath = regionPathOf(region);
  ensureAllowed(access, WRITERS, writeFootprint({ regionPath, unitId }), ENTITY);
  const { leaderId, memberIds } = await resolveMembers(access, input.leaderId, input.memberIds ?? []);
  const created = await TeamModel.create({
    code,
    name,
    kind,
    regionId,
    regionPath,
    unitId,
    leaderId,
    memberIds,
    createdBy: access.actor,
    updatedBy: access.actor,
  });
  return created.toObject() as TeamDoc;
}

export interface UpdateTeamInput {
  version: number;
  code?: string | null;
  name?: string | null;
  kind?: string | null;
  /** null removes the leader */
  leaderId?: string | null;
  /** replaces the member list (the leader is kept as a member) */
  memberIds?: string[] | null;
}

export async function updateTeam(access: Access, id: string, input: UpdateTeamInput): Promise<TeamDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const set: Record<string, unknown> = {};
  if (input.code != null) set.code = valid.code('input.code', input.code);
  if (input.name != null) set.name = valid.name('input.name', input.name);
  if (input.kind != null) set.kind = valid.enumValue('input.kind', input.kind, TEAM_KINDS);
  const current = await mustFind<TeamDoc>(TeamModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, writeFootprint(current), ENTITY);
  if (input.leaderId !== undefined || input.memberIds != null) {
    const leaderRaw = input.leaderId !== undefined ? input.leaderId : current.leaderId?.toHexString();
    const membersRaw = input.memberIds ?? current.memberIds.map((m) => m.toHexString());
    Object.assign(set, await resolveMembers(access, leaderRaw, membersRaw));
  }
  return updateVersioned<TeamDoc>(TeamModel, ENTITY, oid, input.version, set, access.actor);
}

export async function archiveTeam(access: Access, id: string): Promise<TeamDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<TeamDoc>(TeamModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, writeFootprint(current), ENTITY);
  return archive<TeamDoc>(TeamModel, ENTITY, oid, access.actor);
}

export async function getTeam(access: Access, id: string): Promise<TeamDoc> {
  requireRoles(access, READERS);
  const doc = await mustFind<TeamDoc>(TeamModel, ENTITY, parseId('id', id));
  ensureAllowed(access, READERS, readFootprint(doc), ENTITY);
  return doc;
}

export interface TeamFilter {
  code?: string | null;
  kind?: string | null;
  withinRegionId?: string | null;
  unitId?: string | null;
  memberId?: string | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

export async function listTeams(access: Access, filter: TeamFilter = {}, page: PageArgs = {}) {
  requireRoles(access, READERS);
  const parts: Record<string, unknown>[] = [archivedFilter(filter.includeArchived)];
  if (filter.kind) parts.push({ kind: valid.enumValue('filter.kind', filter.kind, TEAM_KINDS) });
  if (filter.withinRegionId) parts.push({ regionPath: parseId('filter.withinRegionId', filter.withinRegionId) });
  if (filter.unitId) parts.push({ unitId: parseId('filter.unitId', filter.unitId) });
  if (filter.memberId) parts.push({ memberIds: parseId('filter.memberId', filter.memberId) });
  if (filter.code != null) parts.push({ code: filter.code.trim() });
  parts.push(searchFilter(filter.search, ['name', 'code']));
  const scope = scopeFilter(access, { regionPath: 'regionPath', units: ['unitId'], persons: ['memberIds'] });
  return paginate<TeamDoc>(TeamModel, and(...parts, scope), page);
}
