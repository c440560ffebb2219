// The application's one coded error. Services and resolvers throw it; exactly one place
// (src/graphql/apollo.ts formatError) turns it into a GraphQL error, translating `rule`
// through the i18n catalogue into the caller's language. Never build GraphQLError elsewhere.
import { translate, type MessageParams } from '../i18n/messages';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INTERNAL';

export interface AppErrorOptions {
  /** Path of the offending input, e.g. `input.mobile` or `filter.regionId`. */
  field?: string;
  /** Values interpolated into the message template (`{min}`, `{value}` …). */
  params?: MessageParams;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Message key in the i18n catalogue, e.g. `mobile.invalid`; also sent to clients as `extensions.rule`. */
  readonly rule: string;
  readonly field?: string;
  readonly params: MessageParams;

  constructor(code: ErrorCode, rule: string, options: AppErrorOptions = {}) {
    // The Error message is the English text so logs read well; clients get the translated one.
    super(translate(rule, 'en', options.params ?? {}), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.rule = rule;
    this.field = options.field;
    this.params = options.params ?? {};
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Invalid input: `badInput('input.mobile', 'mobile.invalid', { value })`. */
export function badInput(field: string, rule: string, params: MessageParams = {}): AppError {
  return new AppError('BAD_USER_INPUT', rule, { field, params });
}

/** `notFound('Person', id)` → "Person 66… not found" / "未找到人员（66…）". `entity` is translated via `entity.<Name>`. */
export function notFound(entity: string, id: string, field?: string): AppError {
  return new AppError('NOT_FOUND', 'entity.notFound', { field, params: { entity, id } });
}

/** A uniqueness or state clash: `conflict('input.mobile', 'value.duplicate', { value })`. */
export function conflict(field: string | undefined, rule = 'value.duplicate', params: MessageParams = {}): AppError {
  return new AppError('CONFLICT', rule, { field, params });
}

/** Authenticated but not allowed: wrong role or out of scope. */
export function forbidden(rule = 'access.forbidden', params: MessageParams = {}): AppError {
  return new AppError('FORBIDDEN', rule, { params });
}

/** No usable credentials: missing, malformed, badly signed or expired token. */
export function unauthenticated(rule = 'auth.required', params: MessageParams = {}): AppError {
  return new AppError('UNAUTHENTICATED', rule, { params });
}
