// Queue `deployment-status`: moves deployments to ACTIVE when their start has come and to
// ENDED when their end has passed. Runs on a repeatable schedule; can also be asked for
// on demand for a given instant (job id derived from it, so repeated asks collapse).
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

export const DEPLOYMENT_STATUS_QUEUE = 'deployment-status';
export const DEPLOYMENT_STATUS_SCHEDULER_ID = 'deployment-status-every';
export const REFRESH_JOB = 'refresh';

export interface DeploymentStatusPayload {
  /** ISO instant to evaluate statuses at; absent = the moment the job runs (the schedule). */
  asOf?: string;
}

export interface DeploymentStatusResult {
  asOf: string;
  activated: number;
  ended: number;
}

export type DeploymentStatusQueue = Queue<DeploymentStatusPayload, DeploymentStatusResult, string>;

/** Retries with exponential backoff; keeps a short history for inspection without growing forever. */
export const DEPLOYMENT_STATUS_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createDeploymentStatusQueue(connection: ConnectionOptions, prefix: string): DeploymentStatusQueue {
  return new Queue<DeploymentStatusPayload, DeploymentStatusResult, string>(DEPLOYMENT_STATUS_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: DEPLOYMENT_STATUS_JOB_OPTIONS,
  });
}

/** Installs (or updates) the repeatable schedule; idempotent, so every worker start may call it. */
export async function scheduleDeploymentStatus(queue: DeploymentStatusQueue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    DEPLOYMENT_STATUS_SCHEDULER_ID,
    { every: everyMs },
    { name: REFRESH_JOB, data: {}, opts: DEPLOYMENT_STATUS_JOB_OPTIONS },
  );
}

export function deploymentStatusJobId(asOf: Date): string {
  return `refresh-${asOf.toISOString()}`;
}

/** Asks for a refresh as of `asOf`; the same instant twice yields one job. */
export async function requestDeploymentStatusRefresh(queue: DeploymentStatusQueue, asOf: Date) {
  return queue.add(REFRESH_JOB, { asOf: asOf.toISOString() }, { jobId: deploymentStatusJobId(asOf) });
}
