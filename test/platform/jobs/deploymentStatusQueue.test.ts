// The deployment-status queue and worker against real Redis, with a prefix of this test's own.
// The domain service is replaced by a recorder here; the end-to-end run against the store is
// in deploymentStatus.e2e.test.ts.
import { randomBytes } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import pino from 'pino';
import { createRedis } from '../../../jobs/connection';
import {
  createDeploymentStatusQueue,
  DEPLOYMENT_STATUS_QUEUE,
  DEPLOYMENT_STATUS_SCHEDULER_ID,
  deploymentStatusJobId,
  requestDeploymentStatusRefresh,
  scheduleDeploymentStatus,
  type DeploymentStatusQueue,
} from '../../../jobs/queues/deploymentStatus';
import { startWorkers, type RunningWorkers } from '../../../jobs/workers';
import { deleteRedisKeys } from '../../support/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = pino({ level: 'silent' });

describe('deployment-status job', () => {
  const prefix = `test-jobs-${randomBytes(4).toString('hex')}`;
  const connection = createRedis(REDIS_URL, 'queue');
  const eventsConnection = createRedis(REDIS_URL, 'worker');
  let queue: DeploymentStatusQueue;
  let events: QueueEvents;
  let workers: RunningWorkers | null = null;
  const calls: Date[] = [];
  let failuresLeft = 0;
  let delayMs = 0;

  beforeAll(async () => {
    queue = createDeploymentStatusQueue(connection, prefix);
    events = new QueueEvents(DEPLOYMENT_STATUS_QUEUE, { connection: eventsConnection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await workers?.close();
    await events.close();
    await queue.close();
    connection.disconnect();
    eventsConnection.disconnect();
    await deleteRedisKeys(REDIS_URL, `${prefix}:*`);
  });

  it('runs the service for the requested instant and returns its counts', async () => {
    workers = await startWorkers({
      redisUrl: REDIS_URL,
      prefix,
      concurrency: 1,
      log,
      deploymentStatusEveryMs: null,
      refreshDeploymentStatuses: async (now) => {
        calls.push(now);
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('store briefly unavailable');
        }
        return { activated: 2, ended: 1 };
      },
    });
    const asOf = new Date('2026-03-01T00:00:00.000Z');
    const job = await requestDeploymentStatusRefresh(queue, asOf);
    expect(job.id).toBe(deploymentStatusJobId(asOf));
    const result = await job.waitUntilFinished(events, 10000);
    expect(result).toEqual({ asOf: '2026-03-01T00:00:00.000Z', activated: 2, ended: 1 });
    expect(calls.map((d) => d.toISOString())).toEqual(['2026-03-01T00:00:00.000Z']);
  });

  it('collapses repeated requests for the same instant into one job', async () => {
    const asOf = new Date('2026-03-02T00:00:00.000Z');
    const [a, b] = await Promise.all([requestDeploymentStatusRefresh(queue, asOf), requestDeploymentStatusRefresh(queue, asOf)]);
    expect(a.id).toBe(b.id);
    await a.waitUntilFinished(events, 10000);
    expect(calls.filter((d) => d.toISOString() === asOf.toISOString())).toHaveLength(1);
  });

  it('retries a failed run with backoff and then succeeds', async () => {
    failuresLeft = 1;
    const asOf = new Date('2026-03-03T00:00:00.000Z');
    const job = await requestDeploymentStatusRefresh(queue, asOf);
    const result = await job.waitUntilFinished(events, 15000);
    expect(result.activated).toBe(2);
    const finished = await queue.getJob(job.id!);
    expect(finished?.attemptsMade).toBe(2);
    expect(calls.filter((d) => d.toISOString() === asOf.toISOString())).toHaveLength(2);
  });

  it('installs one repeatable schedule, idempotently', async () => {
    await scheduleDeploymentStatus(queue, 60000);
    await scheduleDeploymentStatus(queue, 60000);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([[DEPLOYMENT_STATUS_SCHEDULER_ID, 60000]]);
    await queue.removeJobScheduler(DEPLOYMENT_STATUS_SCHEDULER_ID);
  });

  // Last: closes the workers. Shutdown waits for the job in hand instead of abandoning it.
  it('lets a running job finish when the workers close', async () => {
    delayMs = 800;
    const asOf = new Date('2026-03-04T00:00:00.000Z');
    const job = await requestDeploymentStatusRefresh(queue, asOf);
    while (!calls.some((d) => d.getTime() === asOf.getTime())) await new Promise((r) => setTimeout(r, 20));
    await workers!.close();
    workers = null;
    expect(await (await queue.getJob(job.id!))!.getState()).toBe('completed');
  });
});
