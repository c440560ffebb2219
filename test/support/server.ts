// Starts the whole service for API tests: real HTTP on 127.0.0.1:<free port>, the embedded
// store in memory (or MONGODB_URI with a database of its own), real Redis with a BullMQ prefix
// of its own (keys removed on stop). One per test file (models use mongoose's default connection).
//
//   const srv = await startTestServer();
//   const admin = srv.tokenFor({ role: 'ORG_ADMIN' });
//   const res = await srv.gql('{ me { role } }', undefined, { token: admin, lang: 'zh-CN' });
//   expect(res.data?.me.role).toBe('ORG_ADMIN');
//   await srv.stop();
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { Caller } from '../../src/auth/caller';
import { signToken } from '../../src/auth/jwt';
import { loadConfig } from '../../src/config/config';
import { createLogger, type Logger } from '../../src/log/logger';
import { startService, type RunningService, type StartOptions } from '../../src/server';
import { deleteRedisKeys } from './redis';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; rule?: string; [k: string]: unknown };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface GqlResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GqlError[];
}

export interface GqlOptions {
  /** Sent as `Authorization: Bearer <token>`; omit for an anonymous request. */
  token?: string;
  /** Sent as Accept-Language, e.g. 'zh-CN' or 'en'. */
  lang?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:<port>; GraphQL at `${url}/graphql`. */
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResponse<T>>;
  tokenFor(caller: Caller, expiresIn?: string | number): string;
  jwtSecret: string;
  /** BullMQ prefix of this server's queues. */
  bullmqPrefix: string;
  service: RunningService;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Also run the job workers in-process (default false: API only). */
  worker?: boolean;
  /** Extra environment for config (e.g. { SHUTDOWN_TIMEOUT_MS: '2000' }). */
  env?: Record<string, string>;
  refreshDeploymentStatuses?: StartOptions['refreshDeploymentStatuses'];
  /** Logger to use instead of a silent one (e.g. to assert on log lines). */
  log?: Logger;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const unique = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const bullmqPrefix = `test-${unique}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    JWT_SECRET: jwtSecret,
    BULLMQ_PREFIX: bullmqPrefix,
    MONGODB_DB: `test_${unique}`,
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  });
  const log = options.log ?? createLogger(config.logLevel, 'test-server');
  const service = await startService({
    config,
    log,
    jwtSecret,
    roles: { api: true, worker: options.worker ?? false },
    storeDataDir: null,
    installSchedules: false,
    refreshDeploymentStatuses: options.refreshDeploymentStatuses,
  });

  const gql = async (query: string, variables?: Record<string, unknown>, opts: GqlOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lang) headers['accept-language'] = opts.lang;
    const res = await fetch(`${service.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let body: { data?: unknown; errors?: GqlError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`GraphQL endpoint answered ${res.status} with non-JSON: ${text.slice(0, 500)}`);
    }
    return { status: res.status, headers: res.headers, data: body.data as never, errors: body.errors };
  };

  let stopped = false;
  return {
    url: service.url,
    gql,
    tokenFor: (caller, expiresIn = '1h') => signToken(caller, jwtSecret, expiresIn),
    jwtSecret,
    bullmqPrefix,
    service,
    async stop() {
      if (stopped) return;
      stopped = true;
      // With a real MongoDB the database is this test's own; the in-memory store just goes away.
      if (config.mongodbUri && mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase().catch(() => {});
      await service.stop();
      await deleteRedisKeys(config.redisUrl, `${bullmqPrefix}:*`);
    },
  };
}
