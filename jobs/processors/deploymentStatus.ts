// Processor for `deployment-status`: short by design — pick the instant, call the service,
// report. The status change itself is the domain service's (one conditional update per
// transition, so running twice changes nothing the second time).
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { DeploymentStatusPayload, DeploymentStatusResult } from '../queues/deploymentStatus';

export type RefreshDeploymentStatuses = (now: Date) => Promise<{ activated: number; ended: number }>;

export function deploymentStatusProcessor(refresh: RefreshDeploymentStatuses, log: Logger) {
  return async (job: Job<DeploymentStatusPayload, DeploymentStatusResult>): Promise<DeploymentStatusResult> => {
    const asOf = job.data.asOf === undefined ? new Date() : new Date(job.data.asOf);
    // A malformed instant will never parse on a retry either.
    if (Number.isNaN(asOf.getTime())) throw new UnrecoverableError(`asOf is not an ISO instant: ${String(job.data.asOf)}`);
    const { activated, ended } = await refresh(asOf);
    const result = { asOf: asOf.toISOString(), activated, ended };
    if (activated || ended) log.info({ jobId: job.id, ...result }, 'deployment statuses refreshed');
    else log.debug({ jobId: job.id, ...result }, 'deployment statuses unchanged');
    return result;
  };
}
