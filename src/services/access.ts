// What a caller may see and touch, resolved once per request from the token's role and scope.
//
// Scope (documented in README "Roles and scopes"):
// - ORG_ADMIN without region/unit/person: the whole installation.
// - a region id: that region's subtree.
// - a unit id: that unit; and when the unit is a COMMUNITY_COMMITTEE located in a region, that
//   community's region subtree as well (a community secretary runs the community).
// - VOLUNTEER: only their own person id, whatever else the token says.
// A role with no usable scope (e.g. an EVALUATOR token naming nothing) sees nothing.
import type { Types } from 'mongoose';
import type { Caller, Role } from '../auth/caller';
import { isInstallationAdmin } from '../auth/caller';
import { UnitModel } from '../store/models/Unit';
import type { Actor } from '../store/models/audit';
import { idOrNull } from './ids';

export interface Access {
  role: Role;
  caller: Caller;
  /** true only for an installation-wide ORG_ADMIN */
  all: boolean;
  /** roots of the region subtrees in scope */
  regionIds: Types.ObjectId[];
  unitIds: Types.ObjectId[];
  personId: Types.ObjectId | null;
  /** recorded as createdBy/updatedBy */
  actor: Actor;
}

export async function resolveAccess(caller: Caller): Promise<Access> {
  const actor: Actor = {
    role: caller.role,
    personId: caller.personId ?? null,
    unitId: caller.unitId ?? null,
    regionId: caller.regionId ?? null,
  };
  const base = { role: caller.role, caller, actor };
  if (isInstallationAdmin(caller)) {
    return { ...base, all: true, regionIds: [], unitIds: [], personId: null };
  }
  const personId = idOrNull(caller.personId);
  if (caller.role === 'VOLUNTEER') {
    return { ...base, all: false, regionIds: [], unitIds: [], personId };
  }
  const regionIds: Types.ObjectId[] = [];
  const unitIds: Types.ObjectId[] = [];
  const regionId = idOrNull(caller.regionId);
  if (regionId) regionIds.push(regionId);
  const unitId = idOrNull(caller.unitId);
  if (unitId) {
    unitIds.push(unitId);
    const unit = await UnitModel.findById(unitId, { kind: 1, regionId: 1 }).lean();
    if (unit && unit.kind === 'COMMUNITY_COMMITTEE' && unit.regionId) regionIds.push(unit.regionId);
  }
  return { ...base, all: false, regionIds, unitIds, personId };
}
