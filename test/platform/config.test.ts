import { ConfigError, loadConfig } from '../../src/config/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment, frozen', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 4000,
      mongodbUri: undefined,
      mongodbDb: 'duty_roster',
      storeDataDir: './.data/store',
      redisUrl: 'redis://127.0.0.1:6379',
      jwtSecret: undefined,
      logLevel: 'info',
      bullmqPrefix: 'duty',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads valid values', () => {
    const c = loadConfig({ PORT: '8080', MONGODB_URI: 'mongodb://db:27017/x', REDIS_URL: 'redis://cache:6379/2', LOG_LEVEL: 'debug', JWT_SECRET: 'x'.repeat(40) });
    expect([c.port, c.mongodbUri, c.redisUrl, c.logLevel, c.jwtSecret]).toEqual([8080, 'mongodb://db:27017/x', 'redis://cache:6379/2', 'debug', 'x'.repeat(40)]);
  });

  it('names every bad variable and its rule at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      REDIS_URL: 'http://localhost:6379',
      MONGODB_URI: 'localhost:27017',
      LOG_LEVEL: 'loud',
      JWT_SECRET: 'short',
      WORKER_CONCURRENCY: '0',
    });
    expect(problems).toEqual([
      'PORT must be a whole number between 0 and 65535, got "eighty"',
      'MONGODB_URI must start with mongodb:// or mongodb+srv://, got "localhost://…"',
      'REDIS_URL must start with redis:// or rediss://, got "http://…"',
      'JWT_SECRET must be at least 32 characters long, got 5',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'WORKER_CONCURRENCY must be between 1 and 64, got 0',
    ]);
  });

  it('rejects out-of-range ports and a URL that is not one', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be between 0 and 65535, got 70000']);
    expect(problemsOf({ REDIS_URL: 'not a url' })).toEqual(['REDIS_URL must be a URL starting with redis:// or rediss://, got "not a url"']);
  });

  it('refuses production without an explicit JWT_SECRET', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET must be set when NODE_ENV=production (the generated development secret is not for production)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) })).toEqual([]);
  });

  it('says what is wrong in the error message itself', () => {
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/Invalid configuration:\n  - PORT must be a whole number/);
  });
});
