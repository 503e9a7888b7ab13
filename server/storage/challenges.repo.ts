// Sign-ins waiting for their second factor (login_challenges). The browser holds the challenge's
// secret; the table only its SHA-256 (id_hash), and for an e-mailed code a hash bound to that
// secret (code_hash), so neither can be used as stored.
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';

export interface Challenge {
  idHash: string;
  domainId: string;
  userId: number;
  kind: 'email' | 'totp';
  codeHash: string | null;
  attempts: number;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertChallenge(db: Queryable, c: Omit<Challenge, 'attempts' | 'usedAt'>): Promise<void> {
  await db
    .insertInto('loginChallenges')
    .values({
      idHash: c.idHash,
      domainId: c.domainId,
      userId: c.userId,
      kind: c.kind,
      codeHash: c.codeHash,
      attempts: 0,
      createdAt: toDb.time(c.createdAt),
      expiresAt: toDb.time(c.expiresAt),
      usedAt: null,
    })
    .execute();
}

export async function findChallenge(db: Queryable, domainId: string, idHash: string): Promise<Challenge | null> {
  const row = await db
    .selectFrom('loginChallenges')
    .selectAll()
    .where('idHash', '=', idHash)
    .where('domainId', '=', domainId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    idHash: row.idHash,
    domainId: row.domainId,
    userId: Number(row.userId),
    kind: row.kind,
    codeHash: row.codeHash,
    attempts: Number(row.attempts),
    createdAt: fromDb.time(row.createdAt),
    expiresAt: fromDb.time(row.expiresAt),
    usedAt: fromDb.timeOrNull(row.usedAt),
  };
}

/**
 * Takes one of the challenge's attempts before the code is compared, so parallel guesses cannot
 * exceed the limit; false when none is left or the challenge is spent.
 */
export async function takeAttempt(db: Queryable, domainId: string, idHash: string, limit: number): Promise<boolean> {
  const result = await db
    .updateTable('loginChallenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('idHash', '=', idHash)
    .where('domainId', '=', domainId)
    .where('usedAt', 'is', null)
    .where('attempts', '<', limit)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Spends the challenge; false if another request already did. */
export async function useChallenge(db: Queryable, domainId: string, idHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('loginChallenges')
    .set({ usedAt: toDb.time(now) })
    .where('idHash', '=', idHash)
    .where('domainId', '=', domainId)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Voids every open challenge of the account (a new one replaces them; a reset kills them). */
export async function voidChallenges(db: Queryable, domainId: string, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('loginChallenges')
    .set({ usedAt: toDb.time(now) })
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
}

/** Creation times of the account's e-mailed challenges since `since`, oldest first (the send budget). */
export async function emailChallengeTimes(db: Queryable, domainId: string, userId: number, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('loginChallenges')
    .select('createdAt')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('kind', '=', 'email')
    .where('createdAt', '>=', toDb.time(since))
    .orderBy('createdAt')
    .execute();
  return rows.map((r) => fromDb.time(r.createdAt));
}

/** Challenges older than `before` are of no use to anyone, not even the send budget. */
export async function pruneChallenges(db: Queryable, domainId: string, userId: number, before: Date): Promise<void> {
  await db
    .deleteFrom('loginChallenges')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('createdAt', '<', toDb.time(before))
    .execute();
}
