// Start-up failures of the real entry point are immediate and say what to do.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function start(env: Record<string, string>, role = 'all') {
  return run(process.execPath, [TSX, 'src/server.ts', role], {
    cwd: ROOT,
    env: { ...process.env, JWT_SECRET: 'z'.repeat(32), LOG_LEVEL: 'silent', PORT: '0', ...env },
    timeout: 120000, // a bound for a hung child, not a speed check: the machine is shared and tsx compiles on start
  });
}

describe('start-up', () => {
  it('stops with one line per bad variable', async () => {
    await expect(start({ PORT: 'eighty', REDIS_URL: 'localhost' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'Invalid configuration:\n  - PORT must be a whole number between 0 and 65535, got "eighty"\n  - REDIS_URL must be a URL starting with redis:// or rediss://, got "localhost"',
      ),
    });
  }, 150000);

  it('fails fast when Redis is unreachable and says how to start one', async () => {
    const err = await start({ REDIS_URL: 'redis://127.0.0.1:1' }).then(
      () => null,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('Redis is not reachable at redis://127.0.0.1:1');
    expect(err?.stderr).toContain('redis-server --daemonize yes');
  }, 150000);

  it('refuses a separate worker on the embedded store and says what to do', async () => {
    const env = { ...process.env } as Record<string, string>;
    delete env.MONGODB_URI;
    await expect(start({ ...env, MONGODB_URI: '' }, 'worker')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('The worker on its own needs a store it can share with the API: set MONGODB_URI.'),
    });
  }, 150000);
});
