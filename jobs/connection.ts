// Redis connections for BullMQ. Workers need `maxRetriesPerRequest: null` (blocking commands
// must wait through reconnects instead of failing); producers keep the ioredis default so a
// request during an outage errors out instead of hanging.
import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'queue' | 'worker';

export function createRedis(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    ...(role === 'worker' ? { maxRetriesPerRequest: null } : {}),
    connectionName: `duty-roster:${role}`,
    ...extra,
  });
}

export class RedisUnavailableError extends Error {
  constructor(url: string, reason: string) {
    super(
      `Redis is not reachable at ${url} (${reason}).\n` +
        `The job queues need it. Start a local one with:\n` +
        `  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
        `or with Docker: docker compose up -d redis\n` +
        `or point REDIS_URL at a running Redis.`,
    );
    this.name = 'RedisUnavailableError';
  }
}

/** One PING with a short deadline and no reconnect loop: used to fail fast at start. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', () => {}); // reported through the rejected connect below
  try {
    await withTimeout(probe.connect().then(() => probe.ping()), timeoutMs, 'timed out');
  } catch (e) {
    throw new RedisUnavailableError(url, e instanceof Error ? e.message : String(e));
  } finally {
    probe.disconnect();
  }
}

/** PING on an existing connection, bounded in time; for /readyz. */
export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<void> {
  await withTimeout(redis.ping(), timeoutMs, 'Redis PING timed out');
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
