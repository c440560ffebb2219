import { requireCaller } from '../../auth/caller';
import { resolveAccess, type Access } from '../../services/access';
import type { Context } from '../context';

/** UNAUTHENTICATED without a token; otherwise the caller's scope, resolved once per request. */
export function accessOf(ctx: Context): Promise<Access> {
  const caller = requireCaller(ctx);
  ctx.loaders.access ??= resolveAccess(caller);
  return ctx.loaders.access;
}
