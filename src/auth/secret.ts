// Where the JWT secret comes from. JWT_SECRET wins. Without it (development only — config
// refuses production), a random secret is generated once and kept in JWT_SECRET_FILE, so
// `npm start` and `npm run token` agree with zero setup.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/config';

export interface ResolvedSecret {
  secret: string;
  source: 'env' | 'file' | 'generated';
  file?: string;
}

export function resolveJwtSecret(config: Pick<Config, 'jwtSecret' | 'jwtSecretFile'>): ResolvedSecret {
  if (config.jwtSecret) return { secret: config.jwtSecret, source: 'env' };
  const file = resolve(config.jwtSecretFile);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return { secret: existing, source: 'file', file };
    throw new Error(`JWT_SECRET_FILE ${file} holds fewer than 32 characters; delete it to have a new secret generated, or set JWT_SECRET`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  // 'wx' loses cleanly if another process (api + worker started together) wrote it first.
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return resolveJwtSecret(config);
    throw e;
  }
  return { secret, source: 'generated', file };
}
