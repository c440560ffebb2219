// THE one place where errors become what GraphQL clients see.
// - AppError → message in the caller's language, extensions { code, field, rule }.
// - MongoDB duplicate key (11000) → CONFLICT naming the field.
// - mongoose validation/cast errors that slipped past the services → BAD_USER_INPUT naming the path.
// - Apollo's own client errors (parse, validation, variable coercion) pass through.
// - Anything else is logged with the request id and masked as INTERNAL_SERVER_ERROR: no
//   message, no stack trace.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from '../errors/AppError';
import { translate } from '../i18n/messages';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { currentScope } from '../http/requestScope';

/** Codes Apollo/graphql-js assign to problems with the request itself; safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Renders an AppError for a client; also used where Apollo needs a GraphQLError up front. */
export function formatAppError(e: AppError, locale: Locale, base: Partial<GraphQLFormattedError> = {}): GraphQLFormattedError {
  const params = e.field !== undefined && !('field' in e.params) ? { ...e.params, field: e.field } : e.params;
  const extensions: Record<string, unknown> = { code: e.code, rule: e.rule };
  if (e.field !== undefined) extensions.field = e.field;
  return { ...base, message: translate(e.rule, locale, params), extensions };
}

/** Wraps an AppError as a GraphQLError for code paths Apollo runs before resolvers (context, plugins). */
export function toGraphQLError(e: AppError, httpStatus?: number): GraphQLError {
  return new GraphQLError(e.message, {
    originalError: e,
    extensions: { code: e.code, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

/** Maps driver/ODM errors with a clear client meaning to AppErrors; null for anything else. */
export function appErrorFromStoreError(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { name?: string; code?: unknown; keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown>; message?: string; errors?: Record<string, { path?: string; kind?: string; value?: unknown }>; path?: string; value?: unknown; kind?: string };
  if (e.code === 11000 || e.code === 11001) {
    const field = duplicateKeyField(e);
    return new AppError('CONFLICT', 'value.duplicate', { field, params: { field: field ?? '?' } });
  }
  if (e.name === 'ValidationError' && e.errors) {
    const first = Object.values(e.errors)[0];
    const field = first?.path ?? 'input';
    return new AppError('BAD_USER_INPUT', 'value.invalid', { field, params: { field, value: String(first?.value) } });
  }
  if (e.name === 'CastError') {
    const field = e.path ?? 'id';
    return new AppError('BAD_USER_INPUT', e.kind === 'ObjectId' ? 'id.invalid' : 'value.invalid', { field, params: { field, value: String(e.value) } });
  }
  return null;
}

function duplicateKeyField(e: { keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown>; message?: string }): string | undefined {
  const keys = Object.keys(e.keyPattern ?? e.keyValue ?? {});
  if (keys.length > 0) return keys.join(',');
  // "E11000 duplicate key error collection: db.people index: mobile_1 dup key: { mobile: "…" }"
  const m = /dup key: \{\s*([\w.]+)\s*:/.exec(e.message ?? '') ?? /index: ([\w.]+?)_-?1\b/.exec(e.message ?? '');
  return m?.[1];
}

/** The error a resolver or scalar actually threw, under graphql-js's GraphQLError wrappers; null if none. */
function rootCause(error: unknown): unknown {
  let e = error;
  while (e instanceof GraphQLError && e.originalError) e = e.originalError;
  return e instanceof GraphQLError ? null : e;
}

/**
 * A scalar's parseValue does not know where its value sits; graphql-js says so in the wrapper:
 * `Variable "$input" got invalid value "…" at "input.startsAt"; …`. Use that path as the field.
 */
function withVariablePath(e: AppError, wrapper: unknown): AppError {
  const field = wrapper instanceof GraphQLError ? variablePath(wrapper.message) : undefined;
  return field ? new AppError(e.code, e.rule, { field, params: { ...e.params, field } }) : e;
}

function variablePath(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; /s.exec(message);
  return m ? m[2] ?? m[1] : undefined;
}

export function createFormatError(rootLog: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const scope = currentScope();
    const locale = scope?.locale ?? DEFAULT_LOCALE;
    const original = rootCause(error);
    const base: Partial<GraphQLFormattedError> = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };

    if (original instanceof AppError && original.code !== 'INTERNAL') {
      // graphql-js wraps errors thrown during variable coercion in its own message; ours is
      // clearer, once it names the variable path instead of the scalar.
      return formatAppError(withVariablePath(original, error), locale, base);
    }
    const fromStore = appErrorFromStoreError(original);
    if (fromStore) return formatAppError(fromStore, locale, base);

    // Apollo sets these codes only for problems with the request itself (syntax, unknown
    // fields, variables of the wrong type): the message helps the client and reveals nothing.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const field = variablePath(formatted.message);
      return { ...base, message: formatted.message, extensions: field ? { code, field } : { code } };
    }

    const requestId = scope?.requestId ?? 'unknown';
    (scope?.log ?? rootLog).error({ err: original ?? error, path: formatted.path, requestId }, 'unexpected error in GraphQL request');
    return {
      ...base,
      message: translate('internal.error', locale, { requestId }),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
