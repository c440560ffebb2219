// Per-request scope (request id, language, logger) carried through async calls. Apollo's
// formatError gets no context argument, so this is how it learns the caller's language and
// the request id to log and show.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { pickLocale, type Locale } from '../i18n/locale';

export interface RequestScope {
  requestId: string;
  locale: Locale;
  log: Logger;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** Trusts a well-formed incoming x-request-id (set by a proxy) so logs line up across hops. */
export function requestScopeMiddleware(rootLog: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    const scope: RequestScope = {
      requestId,
      locale: pickLocale(req.get('accept-language')),
      log: rootLog.child({ requestId }),
    };
    res.setHeader('x-request-id', requestId);
    res.locals.scope = scope;
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      scope.log.info({ method: req.method, path: req.baseUrl + req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request done');
    });
    storage.run(scope, next);
  };
}

export function scopeOf(res: Response): RequestScope {
  return res.locals.scope as RequestScope;
}
