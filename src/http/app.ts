// The express application: request scope (id, language, logger), health endpoints, and
// GraphQL at /graphql when this process serves the API.
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { healthRouter, type HealthOptions } from './health';
import { requestScopeMiddleware } from './requestScope';

export interface AppOptions {
  log: Logger;
  health: HealthOptions;
  /** Apollo's express middleware; absent in a worker-only process. */
  graphql?: RequestHandler;
}

export function createExpressApp(opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter(opts.health));
  if (opts.graphql) {
    // The scope is entered after body parsing: stream callbacks would otherwise run outside it.
    app.use('/graphql', express.json({ limit: '10mb' }) /* CSV imports travel inline */, requestScopeMiddleware(opts.log), opts.graphql);
  }
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found', hint: opts.graphql ? 'GraphQL is at /graphql' : 'this process runs jobs only; see /healthz' });
  });
  return app;
}
