// Environment → typed, validated, frozen configuration. All variables are checked at once so
// a bad start lists every problem, each naming the variable and the rule it broke.
import { integer, oneOf, text, url, VariableError, type Variable } from './variables';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Set → that MongoDB; unset → the embedded store in storeDataDir. */
  mongodbUri: string | undefined;
  /** Database name; overrides the one in MONGODB_URI. */
  mongodbDb: string;
  storeDataDir: string;
  redisUrl: string;
  /** Set → used as is; unset (not allowed in production) → a generated dev secret kept in jwtSecretFile. */
  jwtSecret: string | undefined;
  jwtSecretFile: string;
  logLevel: LogLevel;
  bullmqPrefix: string;
  shutdownTimeoutMs: number;
  deploymentStatusEveryMs: number;
  workerConcurrency: number;
}

type Spec = { [K in keyof Config]: Variable<Config[K]> };

export const CONFIG_SPEC: Spec = {
  nodeEnv: {
    name: 'NODE_ENV',
    description: '`production` requires an explicit JWT_SECRET',
    defaultText: 'development',
    parse: oneOf(NODE_ENVS, 'development'),
  },
  host: {
    name: 'HOST',
    description: 'interface the HTTP server binds (0.0.0.0 in containers)',
    defaultText: '127.0.0.1',
    parse: (raw) => text({ default: '127.0.0.1', pattern: /^[\w.:-]+$/, patternRule: `must be a host name or IP address, got "${raw}"` })(raw)!,
  },
  port: {
    name: 'PORT',
    description: 'HTTP port of the API (0 = any free port)',
    defaultText: '4000',
    parse: integer({ min: 0, max: 65535, default: 4000 }),
  },
  mongodbUri: {
    name: 'MONGODB_URI',
    description: 'a real MongoDB (e.g. mongodb://localhost:27017/duty_roster); unset = the embedded store',
    parse: url(['mongodb:', 'mongodb+srv:'], undefined),
  },
  mongodbDb: {
    name: 'MONGODB_DB',
    description: 'database name used on either store',
    defaultText: 'duty_roster',
    parse: (raw) =>
      text({ default: 'duty_roster', pattern: /^[A-Za-z0-9_-]{1,63}$/, patternRule: `must be 1–63 letters, digits, _ or -, got "${raw}"` })(raw)!,
  },
  storeDataDir: {
    name: 'STORE_DATA_DIR',
    description: 'where the embedded store keeps its files (ignored with MONGODB_URI)',
    defaultText: './.data/store',
    parse: (raw) => text({ default: './.data/store' })(raw)!,
  },
  redisUrl: {
    name: 'REDIS_URL',
    description: 'Redis for the BullMQ job queues',
    defaultText: 'redis://127.0.0.1:6379',
    parse: (raw) => url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379')(raw)!,
  },
  jwtSecret: {
    name: 'JWT_SECRET',
    description: 'HS256 secret for bearer tokens (≥ 32 characters); unset = a generated development secret kept in JWT_SECRET_FILE',
    parse: text({ minLength: 32 }),
  },
  jwtSecretFile: {
    name: 'JWT_SECRET_FILE',
    description: 'where the generated development secret is kept, shared by `npm start` and `npm run token`',
    defaultText: './.data/dev-jwt-secret',
    parse: (raw) => text({ default: './.data/dev-jwt-secret' })(raw)!,
  },
  logLevel: {
    name: 'LOG_LEVEL',
    description: `pino level: ${LOG_LEVELS.join(', ')}`,
    defaultText: 'info',
    parse: oneOf(LOG_LEVELS, 'info'),
  },
  bullmqPrefix: {
    name: 'BULLMQ_PREFIX',
    description: 'Redis key prefix of all job queues',
    defaultText: 'duty',
    parse: (raw) =>
      text({ default: 'duty', pattern: /^[A-Za-z0-9_.-]{1,64}$/, patternRule: `must be 1–64 letters, digits, _ . or -, got "${raw}"` })(raw)!,
  },
  shutdownTimeoutMs: {
    name: 'SHUTDOWN_TIMEOUT_MS',
    description: 'how long SIGTERM waits for in-flight requests and jobs before closing anyway',
    defaultText: '10000',
    parse: integer({ min: 0, max: 600000, default: 10000 }),
  },
  deploymentStatusEveryMs: {
    name: 'DEPLOYMENT_STATUS_EVERY_MS',
    description: 'how often the job that moves deployments to ACTIVE/ENDED runs',
    defaultText: '60000',
    parse: integer({ min: 1000, max: 86400000, default: 60000 }),
  },
  workerConcurrency: {
    name: 'WORKER_CONCURRENCY',
    description: 'jobs one worker process runs at the same time',
    defaultText: '2',
    parse: integer({ min: 1, max: 64, default: 2 }),
  },
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks every variable; throws one ConfigError listing all problems. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const problems: string[] = [];
  const out: Partial<Record<keyof Config, unknown>> = {};
  for (const key of Object.keys(CONFIG_SPEC) as (keyof Config)[]) {
    const variable = CONFIG_SPEC[key] as Variable<unknown>;
    try {
      out[key] = variable.parse(env[variable.name]);
    } catch (e) {
      if (!(e instanceof VariableError)) throw e;
      problems.push(`${variable.name} ${e.message}`);
    }
  }
  if (problems.length === 0 && out.nodeEnv === 'production' && out.jwtSecret === undefined) {
    problems.push('JWT_SECRET must be set when NODE_ENV=production (the generated development secret is not for production)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(out as Config);
}
