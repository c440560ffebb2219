// The platform through real HTTP: health, readiness, authentication, languages, masking.
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import pino from 'pino';
import jwt from 'jsonwebtoken';
import { startTestServer, type TestServer } from '../support/server';

/** Collects pino's JSON lines so a test can check what was logged. */
function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      cb();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe('platform over HTTP', () => {
  let srv: TestServer;
  const logs = memoryLog();

  beforeAll(async () => {
    srv = await startTestServer({ log: logs.log });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('GET /healthz says the process is alive', async () => {
    const res = await fetch(`${srv.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the store and Redis', async () => {
    const res = await fetch(`${srv.url}/readyz`);
    expect(await res.json()).toEqual({ status: 'ready', checks: { store: 'ok', redis: 'ok' } });
    expect(res.status).toBe(200);
  });

  it('answers an authenticated query and echoes a request id', async () => {
    const res = await srv.gql('{ me { role regionId unitId personId } }', undefined, {
      token: srv.tokenFor({ role: 'UNIT_MANAGER', unitId: 'u-1' }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ me: { role: 'UNIT_MANAGER', regionId: null, unitId: 'u-1', personId: null } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('authentication', () => {
    it('refuses a request without a token, even introspection, in English by default', async () => {
      for (const q of ['{ me { role } }', '{ __schema { queryType { name } } }']) {
        const res = await srv.gql(q);
        expect(res.status).toBe(401);
        expect(res.data ?? null).toBeNull();
        expect(res.errors).toEqual([
          {
            message: 'Authentication required: send an Authorization: Bearer <token> header',
            extensions: { code: 'UNAUTHENTICATED', rule: 'auth.required' },
          },
        ]);
      }
    });

    it('answers in Chinese for Accept-Language zh-CN', async () => {
      const res = await srv.gql('{ me { role } }', undefined, { lang: 'zh-CN,zh;q=0.9,en;q=0.8' });
      expect(res.errors?.[0].message).toBe('需要登录：请在请求头中携带 Authorization: Bearer <令牌>');
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('explains a token signed with another secret', async () => {
      const forged = jwt.sign({ role: 'ORG_ADMIN' }, 'another-secret-of-at-least-32-chars!!', { algorithm: 'HS256', issuer: 'duty-roster' });
      const res = await srv.gql('{ me { role } }', undefined, { token: forged });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]).toEqual({
        message: 'The token is invalid: invalid signature',
        extensions: { code: 'UNAUTHENTICATED', rule: 'auth.invalidToken' },
      });
    });

    it('explains an expired token, in both languages', async () => {
      const expired = jwt.sign({ role: 'ORG_ADMIN', exp: Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000) }, srv.jwtSecret, {
        algorithm: 'HS256',
        issuer: 'duty-roster',
      });
      const en = await srv.gql('{ me { role } }', undefined, { token: expired });
      expect(en.errors?.[0]).toEqual({
        message: 'The token expired at 2026-01-01T00:00:00.000Z; ask for a new one',
        extensions: { code: 'UNAUTHENTICATED', rule: 'auth.expired' },
      });
      const zh = await srv.gql('{ me { role } }', undefined, { token: expired, lang: 'zh-CN' });
      expect(zh.errors?.[0].message).toBe('令牌已于 2026-01-01T00:00:00.000Z 过期，请重新获取');
    });

    it('rejects garbage, a malformed header and a token without a known role', async () => {
      const garbage = await srv.gql('{ me { role } }', undefined, { token: 'not-a-jwt' });
      expect(garbage.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', rule: 'auth.invalidToken' });
      const malformed = await srv.gql('{ me { role } }', undefined, { headers: { authorization: 'Token abc' } });
      expect(malformed.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', rule: 'auth.malformed' });
      const noRole = jwt.sign({ role: 'SUPERUSER' }, srv.jwtSecret, { algorithm: 'HS256', issuer: 'duty-roster' });
      const bad = await srv.gql('{ me { role } }', undefined, { token: noRole });
      expect(bad.errors?.[0]).toEqual({
        message: 'The token does not carry a valid role and scope: unknown role "SUPERUSER"',
        extensions: { code: 'UNAUTHENTICATED', rule: 'auth.badClaims' },
      });
    });
  });

  describe('error mapping', () => {
    it('sends application errors in the caller language with code, field and rule', async () => {
      const token = srv.tokenFor({ role: 'ORG_ADMIN' });
      const q = 'query($id: ID!) { person(id: $id) { id } }';
      const en = await srv.gql(q, { id: 'not-an-id' }, { token });
      const zh = await srv.gql(q, { id: 'not-an-id' }, { token, lang: 'zh-CN' });
      expect(en.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(en.errors?.[0].extensions?.field).toBe('id');
      expect(zh.errors?.[0].extensions).toEqual(en.errors?.[0].extensions);
      expect(en.errors?.[0].message).not.toBe(zh.errors?.[0].message);
      expect(zh.errors?.[0].message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('names the input path of a bad DateTime variable, in the caller language', async () => {
      const q = 'mutation($input: CreateDeploymentInput!) { createDeployment(input: $input) { id } }';
      const input = { personId: '6650f0c2a1b2c3d4e5f60718', kind: 'SENT_DOWN', toRegionId: '6650f0c2a1b2c3d4e5f60719', startsAt: '2026-03-01 08:00' };
      const token = srv.tokenFor({ role: 'ORG_ADMIN' });
      const en = await srv.gql(q, { input }, { token });
      expect(en.errors).toEqual([
        {
          message: 'input.startsAt must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T08:00:00+08:00',
          locations: expect.any(Array),
          extensions: { code: 'BAD_USER_INPUT', rule: 'dateTime.invalid', field: 'input.startsAt' },
        },
      ]);
      const zh = await srv.gql(q, { input }, { token, lang: 'zh-CN' });
      expect(zh.errors?.[0].message).toBe('input.startsAt 须为带时区的 ISO 8601 日期时间，例如 2026-03-01T08:00:00+08:00');
    });

    it('names the input path of a bad enum value', async () => {
      const q = 'mutation($input: CreateDeploymentInput!) { createDeployment(input: $input) { id } }';
      const input = { personId: '6650f0c2a1b2c3d4e5f60718', kind: 'HOLIDAY', toRegionId: '6650f0c2a1b2c3d4e5f60719', startsAt: '2026-03-01T08:00:00+08:00' };
      const res = await srv.gql(q, { input }, { token: srv.tokenFor({ role: 'ORG_ADMIN' }) });
      expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.kind' });
      expect(res.errors?.[0].message).toContain('HOLIDAY');
    });

    it('lets GraphQL validation errors through unmasked', async () => {
      const res = await srv.gql('{ me { nope } }', undefined, { token: srv.tokenFor({ role: 'ORG_ADMIN' }) });
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toContain('nope');
    });

    // Last in this file: it takes the store away from the running server.
    it('masks an unexpected failure, logs it with the request id, and /readyz turns 503', async () => {
      mongoose.set('bufferTimeoutMS', 300);
      await mongoose.connection.close();
      const res = await srv.gql('{ people(first: 5) { totalCount } }', undefined, { token: srv.tokenFor({ role: 'ORG_ADMIN' }) });
      expect(res.errors).toHaveLength(1);
      const err = res.errors![0];
      const requestId = res.headers.get('x-request-id');
      expect(err.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(err.message).toBe(`Internal server error (request ${requestId})`);
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|buffering|mongo|connected|at \w+ \(/i);

      const logged = logs.lines.find((l) => l.requestId === requestId && l.level === 50);
      expect(logged).toBeDefined();
      // The log keeps what the client must not see: the driver's error and its stack.
      expect(String((logged!.err as { stack?: string }).stack)).toMatch(/(MongoNotConnectedError|buffering timed out)[\s\S]*\n\s+at /);

      const ready = await fetch(`${srv.url}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('unavailable');
      expect(body.checks.redis).toBe('ok');
      expect(body.checks.store).toMatch(/^unavailable: /);
    });
  });
});
