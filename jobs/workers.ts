// Starts the BullMQ workers of this service and the schedules they serve; returns one close()
// that waits for running jobs to finish (worker.close()) and releases the connections.
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { createRedis } from './connection';
import { deploymentStatusProcessor, type RefreshDeploymentStatuses } from './processors/deploymentStatus';
import {
  createDeploymentStatusQueue,
  DEPLOYMENT_STATUS_QUEUE,
  scheduleDeploymentStatus,
  type DeploymentStatusPayload,
  type DeploymentStatusResult,
} from './queues/deploymentStatus';

export interface WorkerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  log: Logger;
  refreshDeploymentStatuses: RefreshDeploymentStatuses;
  /** Install the repeatable schedule (off in tests that drive jobs by hand). */
  deploymentStatusEveryMs: number | null;
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

export async function startWorkers(opts: WorkerOptions): Promise<RunningWorkers> {
  const log = opts.log.child({ component: 'worker' });
  const workerConnection = createRedis(opts.redisUrl, 'worker');
  const queueConnection = createRedis(opts.redisUrl, 'queue');
  const onRedisError = (e: Error) => log.warn({ err: e }, 'redis connection error');
  workerConnection.on('error', onRedisError);
  queueConnection.on('error', onRedisError);

  const deploymentStatus = new Worker<DeploymentStatusPayload, DeploymentStatusResult>(
    DEPLOYMENT_STATUS_QUEUE,
    deploymentStatusProcessor(opts.refreshDeploymentStatuses, log.child({ queue: DEPLOYMENT_STATUS_QUEUE })),
    { connection: workerConnection, prefix: opts.prefix, concurrency: opts.concurrency },
  );
  const workers = [deploymentStatus];
  for (const w of workers) {
    w.on('failed', (job, err) => log.warn({ queue: w.name, jobId: job?.id, attempt: job?.attemptsMade, err }, 'job failed'));
    w.on('error', (err) => log.error({ queue: w.name, err }, 'worker error'));
  }

  const queue = createDeploymentStatusQueue(queueConnection, opts.prefix);
  if (opts.deploymentStatusEveryMs !== null) await scheduleDeploymentStatus(queue, opts.deploymentStatusEveryMs);
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  log.info({ queues: workers.map((w) => w.name), prefix: opts.prefix }, 'workers started');

  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await queue.close();
      workerConnection.disconnect();
      queueConnection.disconnect();
    },
  };
}
