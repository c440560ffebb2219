// Protection of resident ID numbers (personal data under PIPL). Stored as:
// - cipher: AES-256-GCM (random 96-bit IV, 128-bit tag) of the normalised number — only an
//   ORG_ADMIN ever sees it decrypted;
// - hash:   HMAC-SHA256 of the number — deterministic, so a unique index and lookups work without
//   storing the number, and keyed, so the 10^N search space of ID numbers cannot be brute-forced
//   from a database dump alone;
// - masked: 1101**********123X for everyone else.
// Both keys are derived with HKDF-SHA256 from one secret (PII_KEY, or JWT_SECRET with the separate
// salts below), so the token secret never directly encrypts data. Changing the secret makes stored
// numbers unreadable: rotate by re-importing.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { maskResidentId } from '../../validation/residentId';
import { loadConfig } from '../../config/config';
import { resolveJwtSecret } from '../../auth/secret';

const ENC_SALT = 'duty-roster/resident-id/aes-256-gcm/v1';
const HASH_SALT = 'duty-roster/resident-id/hmac-sha256/v1';

interface Keys {
  enc: Buffer;
  mac: Buffer;
}

let keys: Keys | null = null;

function derive(secret: string): Keys {
  const ikm = Buffer.from(secret, 'utf8');
  return {
    enc: Buffer.from(hkdfSync('sha256', ikm, ENC_SALT, 'enc', 32)),
    mac: Buffer.from(hkdfSync('sha256', ikm, HASH_SALT, 'mac', 32)),
  };
}

/** Called once at start-up with the configured secret (PII_KEY if set, else JWT_SECRET). */
export function configureResidentIdVault(secret: string): void {
  if (!secret || secret.length < 16) throw new Error('resident ID vault: the secret must be at least 16 characters');
  keys = derive(secret);
}

/**
 * Until configured explicitly, the vault derives its keys the way the server finds its secret
 * (PII_KEY if set, else JWT_SECRET, else the generated development secret file), so `npm start`,
 * the worker and `npm run seed` agree with zero setup.
 */
function currentKeys(): Keys {
  if (keys) return keys;
  const secret = process.env.PII_KEY || resolveJwtSecret(loadConfig(process.env)).secret;
  keys = derive(secret);
  return keys;
}

export interface ProtectedResidentId {
  residentIdCipher: string;
  residentIdHash: string;
  residentIdMasked: string;
}

export function hashResidentId(value: string): string {
  return createHmac('sha256', currentKeys().mac).update(value, 'utf8').digest('hex');
}

/** `value` must already be validated and normalised (see validation/residentId.ts). */
export function protectResidentId(value: string): ProtectedResidentId {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', currentKeys().enc, iv);
  const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    residentIdCipher: `v1:${Buffer.concat([iv, tag, ct]).toString('base64')}`,
    residentIdHash: hashResidentId(value),
    residentIdMasked: maskResidentId(value),
  };
}

export function revealResidentId(cipherText: string): string {
  const [version, body] = cipherText.split(':');
  if (version !== 'v1' || !body) throw new Error('resident ID vault: unknown cipher format');
  const raw = Buffer.from(body, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', currentKeys().enc, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
