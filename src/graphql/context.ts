// The per-request GraphQL context: who calls, in which language, with which loaders and logger.
// Built once per HTTP request by createContextFactory (used by src/graphql/apollo.ts).
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller';
import type { Locale } from '../i18n/locale';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  /** Unique per request; echoed in the `x-request-id` response header and in every log line. */
  requestId: string;
  locale: Locale;
  /** null when the request had no Authorization header; resolvers call requireCaller/requireRole. */
  caller: Caller | null;
  loaders: Loaders;
  /** pino child logger bound to the request id. */
  log: Logger;
}

export interface ContextParts {
  requestId: string;
  locale: Locale;
  caller: Caller | null;
  log: Logger;
}

/** Assembles a context with fresh loaders (DataLoader caches must never outlive a request). */
export function buildContext(parts: ContextParts): Context {
  return { ...parts, loaders: createLoaders() };
}
