// TOTP (RFC 6238) as authenticator apps speak it: SHA-1, 6 digits, 30-second steps, checked
// against the server's clock with one step of slack either way. Recovery codes are 60-bit
// random strings shown once; only their SHA-256 is kept.
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from './secrets.js';

const PERIOD = 30;
const DIGITS = 6;
/** Steps of clock skew accepted on either side. */
const WINDOW = 1;
// Crockford's base32 without the look-alikes (i l o u), so codes survive being read aloud.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_LENGTH = 12;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, issuer: string, label: string): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: DIGITS, period: PERIOD });
}

/** The otpauth:// URL an authenticator app takes (as a QR code, or typed in). */
export function otpauthUrl(secret: string, issuer: string, label: string): string {
  return totpOf(secret, issuer, label).toString();
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** Whether `code` looks like a TOTP code at all (six digits). */
export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a right code belongs to (the current one ±1), or null. The caller must still
 * refuse a step at or before the last one accepted, so a code is never accepted twice.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!isTotpCode(code)) return null;
  const delta = totpOf(secret, 'x', 'x').validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
}

/** Recovery codes as shown to the user: `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(count: number): string[] {
  return Array.from({ length: count }, () => {
    let raw = '';
    for (let i = 0; i < RECOVERY_LENGTH; i++) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

/** A typed recovery code in its canonical form (case, spaces and dashes ignored), or null. */
export function normaliseRecoveryCode(code: string): string | null {
  const raw = code.toLowerCase().replace(/[\s-]/g, '');
  return raw.length === RECOVERY_LENGTH && [...raw].every((c) => RECOVERY_ALPHABET.includes(c)) ? raw : null;
}

export function recoveryCodeHash(normalised: string): string {
  return sha256(`recovery\0${normalised}`);
}
