// Our own identifiers (audit rows, mail, sessions…) are prefixed random strings, so a log line
// says what it names and nothing can be guessed from a neighbour. kintone's own ids (users,
// apps, records) stay numeric strings, numbered per domain.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'dom' | 'aud' | 'mail' | 'err' | 'req' | 'ses' | 'tok';

/** 20 random base-36 characters ≈ 103 bits; prefixed with its kind. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomString(20)}`;
}

/** Random bytes are drawn a pool at a time (one call to the system's generator per 4 KiB, not per id), each byte used once. */
const pool = new Uint8Array(4096);
let used = pool.length;

function randomByte(): number {
  if (used >= pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  const b = pool[used]!;
  pool[used++] = 0;
  return b;
}

export function randomString(length: number): string {
  let out = '';
  // 252 = 7 × 36: rejecting bytes above it keeps every character equally likely.
  while (out.length < length) {
    const b = randomByte();
    if (b < 252) out += ALPHABET[b % 36];
  }
  return out;
}

/** A bearer secret: 32 random bytes, base64url (256 bits). */
export function newSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
