// Graceful shutdown of the real entry point in a child process: SIGTERM while a request is in
// flight → no new connections, the in-flight request gets its answer, the process exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signToken } from '../../src/auth/jwt';
import { deleteRedisKeys } from '../support/redis';

const ROOT = path.resolve(__dirname, '../..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited early with ${code}; output:\n${seen}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('graceful shutdown', () => {
  const prefix = `test-shutdown-${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'duty-shutdown-'));
  let child: ChildProcess | null = null;

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(REDIS_URL, `${prefix}:*`);
  });

  it('finishes the in-flight request, closes everything and exits 0 on SIGTERM', async () => {
    const secret = randomBytes(32).toString('hex');
    child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/server.ts', 'all'], {
      cwd: ROOT,
      env: {
        ...process.env,
        // development, as under `npm start`: NODE_ENV=test would switch off behaviour (Apollo's
        // own signal handlers) that a real start has.
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        JWT_SECRET: secret,
        BULLMQ_PREFIX: prefix,
        STORE_DATA_DIR: path.join(dataDir, 'store'),
        MONGODB_DB: `shutdown_${randomBytes(3).toString('hex')}`,
        SHUTDOWN_TIMEOUT_MS: '20000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const [, port] = await waitForOutput(child, /GraphQL is at http:\/\/127\.0\.0\.1:(\d+)\/graphql/, 120000);

    // An in-flight request: headers and half the body sent, the rest held back until after SIGTERM.
    const body = JSON.stringify({ query: '{ me { role } }' });
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    let response = '';
    socket.on('data', (c) => (response += c.toString()));
    const responded = new Promise<void>((r) => socket.once('end', () => r()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${signToken({ role: 'EVALUATOR' }, secret)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body.slice(0, 10),
    );
    // Give a busy machine time to read the request head, so the request is truly in flight.
    await new Promise((r) => setTimeout(r, 1500));

    const exited = exitOf(child);
    child.kill('SIGTERM');
    await waitForOutput(child, /shutting down/, 30000);

    // The listener closes: new connections are refused while the old request is still open.
    const tryConnect = () =>
      new Promise<boolean>((resolve) => {
        const probe = net.connect(Number(port), '127.0.0.1');
        probe.once('connect', () => {
          probe.destroy();
          resolve(false);
        });
        probe.once('error', () => resolve(true));
      });
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      refused = await tryConnect();
      if (!refused) await new Promise((r) => setTimeout(r, 200));
    }
    expect(refused).toBe(true);

    socket.write(body.slice(10));
    await responded;
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toContain('{"data":{"me":{"role":"EVALUATOR"}}}');

    expect(await exited).toBe(0);
    expect(output).toContain('shutdown complete');
    expect(output).not.toMatch(/"level":(50|60)/); // no error or fatal line on the way down
  }, 240000);
});
