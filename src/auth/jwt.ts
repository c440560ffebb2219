// HS256 bearer tokens: issue (npm run token, tests) and verify (every request).
// The token carries the Caller as claims: { role, regionId?, unitId?, personId? }.
import jwt from 'jsonwebtoken';
import { AppError, unauthenticated } from '../errors/AppError';
import { isRole, type Caller } from './caller';

export const JWT_ALGORITHM = 'HS256' as const;
export const JWT_ISSUER = 'duty-roster';

const SCOPE_KEYS = ['regionId', 'unitId', 'personId'] as const;

/** Signs a token for `caller`; `expiresIn` like '7d', '12h', '30m' or seconds. */
export function signToken(caller: Caller, secret: string, expiresIn: string | number = '7d'): string {
  const claims: Record<string, string> = { role: caller.role };
  for (const k of SCOPE_KEYS) if (caller[k]) claims[k] = caller[k]!;
  return jwt.sign(claims, secret, {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
  });
}

/** Turns a token into a Caller, or throws UNAUTHENTICATED naming what is wrong with it. */
export function verifyToken(token: string, secret: string): Caller {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER });
  } catch (e) {
    if (e instanceof jwt.TokenExpiredError) {
      throw unauthenticated('auth.expired', { expiredAt: e.expiredAt.toISOString() });
    }
    const reason = e instanceof Error ? e.message : String(e);
    throw unauthenticated('auth.invalidToken', { reason });
  }
  if (typeof payload === 'string') throw unauthenticated('auth.badClaims', { reason: 'payload is not an object' });
  if (!isRole(payload.role)) throw unauthenticated('auth.badClaims', { reason: `unknown role "${String(payload.role)}"` });
  const caller: Caller = { role: payload.role };
  for (const k of SCOPE_KEYS) {
    const v = payload[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || v.length === 0) throw unauthenticated('auth.badClaims', { reason: `${k} must be a non-empty string` });
    caller[k] = v;
  }
  return caller;
}

/**
 * Reads the Authorization header: absent → null (anonymous; resolvers decide), present but not
 * "Bearer <token>" or not verifiable → UNAUTHENTICATED.
 */
export function callerFromAuthorization(header: string | undefined, secret: string): Caller | null {
  if (header === undefined || header.trim() === '') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!m) throw unauthenticated('auth.malformed');
  return verifyToken(m[1], secret);
}

export function isAuthError(e: unknown): e is AppError {
  return e instanceof AppError && e.code === 'UNAUTHENTICATED';
}
