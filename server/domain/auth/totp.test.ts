import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { matchingStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUrl, qrSvg, recoveryCodeHash } from './totp.js';

const at = new Date('2030-01-01T00:00:10Z');
const step = Math.floor(at.getTime() / 30_000);
const codeAt = (secret: string, ms: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });

describe('TOTP codes', () => {
  it('match the current step and one on either side, nothing further, and only six digits', () => {
    const secret = newTotpSecret();
    expect(matchingStep(secret, codeAt(secret, at.getTime()), at)).toBe(step);
    expect(matchingStep(secret, codeAt(secret, at.getTime() - 30_000), at)).toBe(step - 1);
    expect(matchingStep(secret, codeAt(secret, at.getTime() + 30_000), at)).toBe(step + 1);
    expect(matchingStep(secret, codeAt(secret, at.getTime() + 60_000), at)).toBeNull();
    expect(matchingStep(secret, codeAt(secret, at.getTime() - 60_000), at)).toBeNull();
    expect(matchingStep(secret, ` ${codeAt(secret, at.getTime())}`, at)).toBeNull();
    expect(matchingStep(secret, '12345', at)).toBeNull();
  });

  it('makes an otpauth URL and a QR code of it', async () => {
    const url = otpauthUrl('JBSWY3DPEHPK3PXP', 'Acme Inc.', 'alice');
    expect(url).toBe('otpauth://totp/Acme%20Inc.:alice?issuer=Acme%20Inc.&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30');
    expect(await qrSvg(url)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});

describe('recovery codes', () => {
  it('are distinct, readable, and normalised whatever the case, spaces and dashes', () => {
    const codes = newRecoveryCodes(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    const raw = codes[0]!.replace(/-/g, '');
    expect(normaliseRecoveryCode(codes[0]!.toUpperCase())).toBe(raw);
    expect(normaliseRecoveryCode(` ${raw.slice(0, 6)} ${raw.slice(6)} `)).toBe(raw);
    expect(normaliseRecoveryCode('abcd-efgh-ijkl')).toBeNull(); // i and l are not in the alphabet
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(recoveryCodeHash(raw)).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash(raw)).not.toContain(raw);
  });
});
