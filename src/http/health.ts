// GET /healthz: the process is alive and serving. GET /readyz: the store and Redis answer;
// 503 while either does not or while shutting down (so a load balancer stops sending traffic).
import { Router } from 'express';

export type Probe = () => Promise<void>;

export interface HealthOptions {
  probes: Record<string, Probe>;
  isShuttingDown: () => boolean;
}

export function healthRouter(opts: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(opts.probes);
    const results = await Promise.allSettled(names.map((name) => opts.probes[name]()));
    // Keys in probe order (store, redis), whichever answered first.
    const checks: Record<string, string> = {};
    names.forEach((name, i) => {
      const r = results[i];
      checks[name] = r.status === 'fulfilled' ? 'ok' : `unavailable: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`;
    });
    const shuttingDown = opts.isShuttingDown();
    const ready = !shuttingDown && Object.values(checks).every((c) => c === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : shuttingDown ? 'shutting down' : 'unavailable', checks });
  });
  return router;
}
