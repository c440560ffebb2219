// Composition root: config → logger → Redis check → store → express + Apollo and/or job
// workers → graceful shutdown. `npm start` runs the API and the worker in one process;
// `npm run start:api` / `npm run start:worker` run one role each (docker-compose).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { createRedis, assertRedisReachable, pingRedis, RedisUnavailableError } from '../jobs/connection';
import type { RefreshDeploymentStatuses } from '../jobs/processors/deploymentStatus';
import { startWorkers, type RunningWorkers } from '../jobs/workers';
import { resolveJwtSecret } from './auth/secret';
import { ConfigError, loadConfig, type Config } from './config/config';
import { createApollo } from './graphql/apollo';
import { buildSchema } from './graphql/schema';
import { createExpressApp } from './http/app';
import { createLogger, type Logger } from './log/logger';
import { refreshDeploymentStatuses } from './services/deployments';
import { openStore, type StoreHandle } from './store/connection';

export interface ServiceRoles {
  api: boolean;
  worker: boolean;
}

export interface StartOptions {
  config: Readonly<Config>;
  roles: ServiceRoles;
  log: Logger;
  jwtSecret: string;
  /** Embedded store directory; null = in memory (tests). Defaults to config.storeDataDir. */
  storeDataDir?: string | null;
  /** Replaces the domain service in job tests. */
  refreshDeploymentStatuses?: RefreshDeploymentStatuses;
  /** Install repeatable job schedules (default true). */
  installSchedules?: boolean;
}

export interface RunningService {
  /** http://host:port — GraphQL at `${url}/graphql` when the API role runs. */
  url: string;
  port: number;
  store: StoreHandle;
  workers: RunningWorkers | null;
  /** Stop taking requests, finish in-flight ones and running jobs, close everything. Idempotent. */
  stop(): Promise<void>;
}

export async function startService(opts: StartOptions): Promise<RunningService> {
  const { config, log } = opts;
  await assertRedisReachable(config.redisUrl);

  const store = await openStore({
    mongodbUri: config.mongodbUri,
    dbName: config.mongodbDb,
    dataDir: opts.storeDataDir === undefined ? config.storeDataDir : opts.storeDataDir,
    log,
  });

  const cleanups: { what: string; close: () => Promise<void> }[] = [{ what: 'store', close: () => store.close() }];
  const closeAll = async () => {
    for (const c of cleanups.reverse()) {
      await c.close().then(
        () => log.debug({ closed: c.what }, 'closed'),
        (e) => log.error({ err: e, closing: c.what }, 'error while closing'),
      );
    }
  };

  let workers: RunningWorkers | null = null;
  let redisProbe: Redis | null = null;
  let httpServer: http.Server | null = null;
  let stopApollo: (() => Promise<void>) | null = null;
  let shuttingDown = false;
  try {
    redisProbe = createRedis(config.redisUrl, 'queue', { maxRetriesPerRequest: 1 });
    redisProbe.on('error', () => {}); // surfaced by /readyz
    const probe = redisProbe;
    cleanups.push({ what: 'redis probe', close: async () => void probe.disconnect() });

    if (opts.roles.worker) {
      workers = await startWorkers({
        redisUrl: config.redisUrl,
        prefix: config.bullmqPrefix,
        concurrency: config.workerConcurrency,
        log,
        refreshDeploymentStatuses: opts.refreshDeploymentStatuses ?? refreshDeploymentStatuses,
        deploymentStatusEveryMs: opts.installSchedules === false ? null : config.deploymentStatusEveryMs,
      });
      const w = workers;
      cleanups.push({ what: 'workers', close: () => w.close() });
    }

    httpServer = http.createServer();
    let graphql;
    if (opts.roles.api) {
      const built = await createApollo({
        httpServer,
        schema: buildSchema(),
        jwtSecret: opts.jwtSecret,
        log,
        stopGracePeriodMillis: config.shutdownTimeoutMs,
      });
      graphql = built.middleware;
      stopApollo = () => built.apollo.stop();
    }
    const app = createExpressApp({
      log,
      graphql,
      health: {
        probes: { store: () => store.ping(), redis: () => pingRedis(probe) },
        isShuttingDown: () => shuttingDown,
      },
    });
    httpServer.on('request', app);
    const server = httpServer;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    if (stopApollo) await stopApollo().catch(() => {});
    else httpServer?.close();
    await closeAll();
    throw e;
  }

  const server = httpServer;
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    workers,
    stop() {
      stopping ??= (async () => {
        shuttingDown = true;
        // Apollo's drain plugin closes the listener, lets in-flight requests finish (up to
        // the grace period) and then cuts idle keep-alive connections.
        if (stopApollo) await stopApollo();
        else await closeHttpServer(server, config.shutdownTimeoutMs);
        log.debug('http server drained and closed');
        await closeAll();
      })();
      return stopping;
    },
  };
}

function closeHttpServer(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** CLI entry: `tsx src/server.ts [api|worker|all]`. */
export async function main(role: 'all' | 'api' | 'worker'): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw e;
  }
  if (role === 'worker' && !config.mongodbUri) {
    // The embedded store lives inside one process and locks its directory: a separate worker
    // cannot share it. Say so now rather than fail on the lock.
    process.stderr.write(
      'The worker on its own needs a store it can share with the API: set MONGODB_URI.\n' +
        'Either use a MongoDB (docker compose up -d mongo; MONGODB_URI=mongodb://127.0.0.1:27017),\n' +
        'or serve the embedded store on its own: npm run store:serve -- --data ./.data/store --port 27017\n' +
        'and start both roles with MONGODB_URI=mongodb://127.0.0.1:27017.\n' +
        'To run API and worker together on the embedded store, use npm start.\n',
    );
    process.exit(1);
  }
  const log = createLogger(config.logLevel).child({ role });
  const secret = resolveJwtSecret(config);
  if (secret.source !== 'env') {
    log.warn(
      { jwtSecretFile: secret.file, jwtSecretDev: secret.secret },
      `JWT_SECRET is not set: using the ${secret.source === 'generated' ? 'newly generated' : 'saved'} development secret in ${secret.file} ` +
        `(npm run token reads the same file). Set JWT_SECRET in production.`,
    );
  }

  let service: RunningService;
  try {
    service = await startService({ config, roles: { api: role !== 'worker', worker: role !== 'api' }, log, jwtSecret: secret.secret });
  } catch (e) {
    if (e instanceof RedisUnavailableError) {
      process.stderr.write(`\n${e.message}\n`);
    } else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`\nPort ${config.port} on ${config.host} is already in use (another npm start?). Stop that process or set PORT.\n`);
    } else {
      log.fatal({ err: e }, 'failed to start');
    }
    process.exit(1);
  }

  if (role !== 'worker') {
    log.info({ url: `${service.url}/graphql` }, 'GraphQL ready');
    process.stdout.write(`\nGraphQL is at ${service.url}/graphql  (health: ${service.url}/healthz, ${service.url}/readyz)\n\n`);
  } else {
    log.info({ health: `${service.url}/healthz` }, 'worker ready');
  }

  let signalledAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalledAt) {
      // tsx relays a signal the child already got, and Ctrl-C reaches the whole process group:
      // an echo within a moment of the first is the same request. A later one means "now".
      if (Date.now() - signalledAt < 2000) return;
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalledAt = Date.now();
    log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => {
      log.error({ timeoutMs: config.shutdownTimeoutMs * 2 }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs * 2 + 1000);
    force.unref();
    service.stop().then(
      () => {
        log.info('shutdown complete');
        process.exit(0);
      },
      (e) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

if (require.main === module) {
  const arg = process.argv[2] ?? 'all';
  if (arg !== 'all' && arg !== 'api' && arg !== 'worker') {
    process.stderr.write(`usage: tsx src/server.ts [all|api|worker]   (got "${arg}")\n`);
    process.exit(2);
  }
  void main(arg);
}
