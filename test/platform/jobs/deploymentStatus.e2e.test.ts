// The deployment-status job end to end: the service's worker on real Redis, the domain service
// on the store. Deployments are written straight through the model so the test sets the dates.
import { QueueEvents } from 'bullmq';
import { Types } from 'mongoose';
import { createRedis } from '../../../jobs/connection';
import {
  createDeploymentStatusQueue,
  DEPLOYMENT_STATUS_QUEUE,
  requestDeploymentStatusRefresh,
  type DeploymentStatusQueue,
} from '../../../jobs/queues/deploymentStatus';
import { DeploymentModel } from '../../../src/store/models/Deployment';
import { startTestServer, type TestServer } from '../../support/server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const actor = { role: 'ORG_ADMIN', personId: null, unitId: null, regionId: null };
const at = (iso: string) => new Date(iso);

describe('deployment-status job on the store', () => {
  let srv: TestServer;
  const connection = createRedis(REDIS_URL, 'queue');
  const eventsConnection = createRedis(REDIS_URL, 'worker');
  let queue: DeploymentStatusQueue;
  let events: QueueEvents;

  beforeAll(async () => {
    srv = await startTestServer({ worker: true });
    queue = createDeploymentStatusQueue(connection, srv.bullmqPrefix);
    events = new QueueEvents(DEPLOYMENT_STATUS_QUEUE, { connection: eventsConnection, prefix: srv.bullmqPrefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await queue?.close();
    connection.disconnect();
    eventsConnection.disconnect();
    await srv?.stop();
  });

  it('activates started deployments and ends finished ones, once', async () => {
    const base = { kind: 'SENT_DOWN' as const, toRegionId: new Types.ObjectId(), createdBy: actor, updatedBy: actor };
    const [started, finished, future, openEnded] = await DeploymentModel.create([
      { ...base, personId: new Types.ObjectId(), startsAt: at('2026-02-01T00:00:00Z'), endsAt: at('2026-04-01T00:00:00Z'), status: 'PLANNED' as const },
      { ...base, personId: new Types.ObjectId(), startsAt: at('2026-01-01T00:00:00Z'), endsAt: at('2026-02-15T00:00:00Z'), status: 'ACTIVE' as const },
      { ...base, personId: new Types.ObjectId(), startsAt: at('2026-05-01T00:00:00Z'), endsAt: null, status: 'PLANNED' as const },
      { ...base, personId: new Types.ObjectId(), startsAt: at('2026-02-20T00:00:00Z'), endsAt: null, status: 'PLANNED' as const },
    ]);

    const asOf = at('2026-03-01T00:00:00Z');
    const job = await requestDeploymentStatusRefresh(queue, asOf);
    expect(await job.waitUntilFinished(events, 15000)).toEqual({ asOf: asOf.toISOString(), activated: 2, ended: 1 });

    const status = async (id: Types.ObjectId) => (await DeploymentModel.findById(id).lean())?.status;
    expect([await status(started._id), await status(finished._id), await status(future._id), await status(openEnded._id)]).toEqual([
      'ACTIVE',
      'ENDED',
      'PLANNED',
      'ACTIVE',
    ]);

    // A later instant: running again changes only what the clock has moved past.
    const again = await requestDeploymentStatusRefresh(queue, at('2026-03-02T00:00:00Z'));
    expect(await again.waitUntilFinished(events, 15000)).toMatchObject({ activated: 0, ended: 0 });
  });
});
