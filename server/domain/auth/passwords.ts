// Password hashing (argon2id, OWASP's minimum: m = 19 MiB, t = 2, p = 1) with a bound on how
// many hashes run at once, so 500 parallel logins queue instead of exhausting memory (D9).
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id (a const enum we cannot import under verbatimModuleSyntax).
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID as 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };
const PHC_PARAMS = `$argon2id$v=19$m=${OPTIONS.memoryCost},t=${OPTIONS.timeCost},p=${OPTIONS.parallelism}$`;
export const MAX_PASSWORD_BYTES = 1024;

class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const hashing = new Semaphore(4);

function tooLong(password: string): boolean {
  return Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES;
}

export function hashPassword(password: string): Promise<string> {
  if (tooLong(password)) throw new Error('password longer than the byte cap');
  return hashing.run(() => hash(password, OPTIONS));
}

// A real hash of a random password: verifying against it costs what a real check costs, so an
// unknown login answers in the same time as a wrong password (A4).
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const target = storedHash ?? (await (dummyHash ??= hashPassword(crypto.randomUUID())));
  if (tooLong(password)) {
    await hashing.run(() => verify(target, 'x').catch(() => false));
    return false;
  }
  const ok = await hashing.run(() => verify(target, password).catch(() => false));
  return storedHash !== null && ok;
}

export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(PHC_PARAMS);
}
