import { configureResidentIdVault, hashResidentId, protectResidentId, revealResidentId } from '../../src/services/people/residentIdVault';

describe('resident ID vault', () => {
  beforeAll(() => configureResidentIdVault('test-secret-for-the-vault-0123456789'));
  const value = '11010519491231002X';

  it('stores no plain text, masks, and decrypts back', () => {
    const p = protectResidentId(value);
    expect(JSON.stringify(p)).not.toContain('19491231');
    expect(p.residentIdMasked).toBe('1101**********002X');
    expect(revealResidentId(p.residentIdCipher)).toBe(value);
  });

  it('uses a fresh IV per encryption but a deterministic keyed hash', () => {
    const a = protectResidentId(value);
    const b = protectResidentId(value);
    expect(a.residentIdCipher).not.toBe(b.residentIdCipher);
    expect(a.residentIdHash).toBe(b.residentIdHash);
    expect(hashResidentId(value)).toBe(a.residentIdHash);
  });

  it('detects tampering (GCM tag) and depends on the secret', () => {
    const p = protectResidentId(value);
    const raw = Buffer.from(p.residentIdCipher.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => revealResidentId(`v1:${raw.toString('base64')}`)).toThrow();
    const before = hashResidentId(value);
    configureResidentIdVault('another-secret-entirely-0123456789');
    expect(hashResidentId(value)).not.toBe(before);
    expect(() => revealResidentId(p.residentIdCipher)).toThrow();
  });
});
