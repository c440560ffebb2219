// Who is calling. Built from a verified JWT by src/auth/jwt.ts; null when no token was sent.
// Role checks live here; scope checks that need the region tree belong to the services.
import { forbidden, unauthenticated } from '../errors/AppError';

export const ROLES = ['ORG_ADMIN', 'UNIT_MANAGER', 'VOLUNTEER', 'EVALUATOR'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Scope: `regionId` = that region's subtree; `unitId` = that unit; `personId` = own person.
 * ORG_ADMIN with no scope at all = the whole installation.
 */
export interface Caller {
  role: Role;
  regionId?: string;
  unitId?: string;
  personId?: string;
}

/** True for an ORG_ADMIN whose token names no region, unit or person. */
export function isInstallationAdmin(caller: Caller): boolean {
  return caller.role === 'ORG_ADMIN' && !caller.regionId && !caller.unitId && !caller.personId;
}

/** The caller, or UNAUTHENTICATED when the request carried no valid token. */
export function requireCaller(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated('auth.required');
  return ctx.caller;
}

/** The caller if their role is one of `roles`; UNAUTHENTICATED without a caller, FORBIDDEN otherwise. */
export function requireRole(ctx: { caller: Caller | null }, ...roles: Role[]): Caller {
  const caller = requireCaller(ctx);
  if (!roles.includes(caller.role)) {
    throw forbidden('access.roleRequired', { roles: roles.join(', '), role: caller.role });
  }
  return caller;
}
