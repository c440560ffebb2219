// Role and scope checks shared by every area. A record describes where it sits with a Footprint
// (its region path, the units and people it concerns); a caller may act on it when the footprint
// meets the caller's scope. The same rule, expressed as a MongoDB filter, restricts lists, so a
// get-by-id and a list can never disagree.
import type { Types } from 'mongoose';
import type { Role } from '../auth/caller';
import { forbidden } from '../errors/AppError';
import type { Access } from './access';

export interface Footprint {
  regionPath?: readonly (Types.ObjectId | null | undefined)[];
  unitIds?: readonly (Types.ObjectId | null | undefined)[];
  personIds?: readonly (Types.ObjectId | null | undefined)[];
}

const has = (list: readonly (Types.ObjectId | null | undefined)[] | undefined, id: Types.ObjectId) =>
  !!list?.some((x) => x != null && x.equals(id));

export function requireRoles(access: Access, roles: readonly Role[]): void {
  if (!roles.includes(access.role)) {
    throw forbidden('access.roleRequired', { roles: roles.join(', '), role: access.role });
  }
}

export function isWithin(access: Access, fp: Footprint): boolean {
  if (access.all) return true;
  if (access.regionIds.some((r) => has(fp.regionPath, r))) return true;
  if (access.unitIds.some((u) => has(fp.unitIds, u))) return true;
  return access.personId != null && has(fp.personIds, access.personId);
}

export function ensureWithin(access: Access, fp: Footprint, entity: string): void {
  if (!isWithin(access, fp)) throw forbidden('access.outOfScope', { entity });
}

/** Role check plus scope check: the guard every single-record operation runs. */
export function ensureAllowed(access: Access, roles: readonly Role[], fp: Footprint, entity: string): void {
  requireRoles(access, roles);
  ensureWithin(access, fp, entity);
}

export interface ScopeFields {
  regionPath?: string;
  units?: string[];
  persons?: string[];
}

const MATCH_NOTHING = { _id: { $in: [] as Types.ObjectId[] } };

/**
 * The Mongo filter selecting exactly the records whose footprint meets the caller's scope, or null
 * when the caller sees everything. `extra` adds further alternatives (e.g. people reached through a
 * deployment).
 */
export function scopeFilter(
  access: Access,
  fields: ScopeFields,
  extra: Record<string, unknown>[] = [],
): Record<string, unknown> | null {
  if (access.all) return null;
  const or: Record<string, unknown>[] = [...extra];
  if (fields.regionPath && access.regionIds.length) or.push({ [fields.regionPath]: { $in: access.regionIds } });
  if (fields.units && access.unitIds.length) for (const f of fields.units) or.push({ [f]: { $in: access.unitIds } });
  if (fields.persons && access.personId) for (const f of fields.persons) or.push({ [f]: access.personId });
  if (or.length === 0) return MATCH_NOTHING;
  return or.length === 1 ? or[0] : { $or: or };
}

export function and(...parts: (Record<string, unknown> | null | undefined)[]): Record<string, unknown> {
  const real = parts.filter((p): p is Record<string, unknown> => !!p && Object.keys(p).length > 0);
  if (real.length === 0) return {};
  return real.length === 1 ? real[0] : { $and: real };
}
