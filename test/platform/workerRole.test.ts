// A worker-only process (npm run start:worker) serves health for its container check and no API.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createRedis } from '../../jobs/connection';
import { createDeploymentStatusQueue, DEPLOYMENT_STATUS_SCHEDULER_ID } from '../../jobs/queues/deploymentStatus';
import { loadConfig } from '../../src/config/config';
import { startService, type RunningService } from '../../src/server';
import { deleteRedisKeys } from '../support/redis';

describe('worker role', () => {
  const prefix = `test-worker-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', BULLMQ_PREFIX: prefix, LOG_LEVEL: 'silent', JWT_SECRET: 'w'.repeat(32) });
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ config, log: pino({ level: 'silent' }), jwtSecret: config.jwtSecret!, roles: { api: false, worker: true }, storeDataDir: null });
  });
  afterAll(async () => {
    await service?.stop();
    await deleteRedisKeys(config.redisUrl, `${prefix}:*`);
  });

  it('runs the workers, installs the schedule, answers /healthz and /readyz, and has no /graphql', async () => {
    expect(service.workers?.workers.map((w) => w.name)).toEqual(['deployment-status']);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/readyz`)).json()).toEqual({ status: 'ready', checks: { store: 'ok', redis: 'ok' } });
    const gql = await fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { role } }"}' });
    expect(gql.status).toBe(404);

    const connection = createRedis(config.redisUrl, 'queue');
    const queue = createDeploymentStatusQueue(connection, prefix);
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([[DEPLOYMENT_STATUS_SCHEDULER_ID, config.deploymentStatusEveryMs]]);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
