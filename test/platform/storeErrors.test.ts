// Store errors that mean something to the client are mapped, not masked: a real duplicate-key
// error from the store becomes CONFLICT naming the fields of the unique index.
import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import pino from 'pino';
import { createFormatError } from '../../src/graphql/formatError';
import { DeploymentModel } from '../../src/store/models/Deployment';
import { startTestServer, type TestServer } from '../support/server';

describe('store error mapping', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('turns duplicate key (11000) into CONFLICT with the field, in the caller language', async () => {
    const actor = { role: 'ORG_ADMIN', personId: null, unitId: null, regionId: null };
    const doc = { personId: new Types.ObjectId(), kind: 'SENT_DOWN' as const, toRegionId: new Types.ObjectId(), startsAt: new Date('2026-03-01T00:00:00Z'), status: 'PLANNED' as const, createdBy: actor, updatedBy: actor };
    await DeploymentModel.create(doc);
    const dup = await DeploymentModel.create(doc).then(
      () => null,
      (e: unknown) => e,
    );
    expect((dup as { code?: number }).code).toBe(11000);

    const format = createFormatError(pino({ level: 'silent' }));
    const wrapped = new GraphQLError((dup as Error).message, { originalError: dup as Error, path: ['createDeployment'] });
    const out = format({ message: wrapped.message, path: ['createDeployment'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
    expect(out).toEqual({
      message: 'The value of personId,kind,startsAt is already used by another record',
      path: ['createDeployment'],
      extensions: { code: 'CONFLICT', rule: 'value.duplicate', field: 'personId,kind,startsAt' },
    });
  });
});
