// `npm run token` signs with the very secret the server resolves: JWT_SECRET, or the development
// secret generated once into JWT_SECRET_FILE.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { verifyToken } from '../../src/auth/jwt';
import { resolveJwtSecret } from '../../src/auth/secret';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function token(args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean.JWT_SECRET;
  return run(process.execPath, [TSX, 'scripts/token.ts', ...args], { cwd: ROOT, env: { ...clean, ...env } });
}

describe('npm run token', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duty-token-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without JWT_SECRET, generates the dev secret once and signs with it', async () => {
    const file = path.join(dir, 'dev-jwt-secret');
    const { stdout, stderr } = await token(['--role', 'UNIT_MANAGER', '--unit', 'u-42', '--expires', '2h'], { JWT_SECRET_FILE: file });
    expect(stderr).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The server resolves the same secret from the same file and accepts the token.
    const { secret, source } = resolveJwtSecret({ jwtSecret: undefined, jwtSecretFile: file });
    expect(source).toBe('file');
    expect(secret).toBe(readFileSync(file, 'utf8').trim());
    expect(verifyToken(stdout.trim(), secret)).toEqual({ role: 'UNIT_MANAGER', unitId: 'u-42' });
  }, 120000);

  it('with JWT_SECRET, signs with it', async () => {
    const secret = 'k'.repeat(40);
    const { stdout } = await token(['--role', 'ORG_ADMIN', '--region', 'r-1'], { JWT_SECRET: secret, JWT_SECRET_FILE: path.join(dir, 'unused') });
    expect(verifyToken(stdout.trim(), secret)).toEqual({ role: 'ORG_ADMIN', regionId: 'r-1' });
  }, 120000);

  it('refuses an unknown role with the list of roles', async () => {
    await expect(token(['--role', 'ADMIN'], { JWT_SECRET_FILE: path.join(dir, 'x') })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--role must be one of ORG_ADMIN, UNIT_MANAGER, VOLUNTEER, EVALUATOR, got "ADMIN"'),
    });
  }, 120000);
});
