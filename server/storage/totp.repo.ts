// A user's TOTP (user_totp): the shared secret (confirmed_at null while enrolling), the last time
// step accepted, and the SHA-256 hashes of the recovery codes not yet used.
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';

export interface TotpRow {
  secret: string;
  confirmedAt: Date | null;
  lastStep: number | null;
  recoveryCodes: string[];
}

export async function findTotp(db: Queryable, domainId: string, userId: number): Promise<TotpRow | null> {
  const row = await db
    .selectFrom('userTotp')
    .select(['secret', 'confirmedAt', 'lastStep', 'recoveryCodes'])
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    secret: row.secret,
    confirmedAt: fromDb.timeOrNull(row.confirmedAt),
    lastStep: row.lastStep === null ? null : Number(row.lastStep),
    recoveryCodes: fromDb.json<string[]>(row.recoveryCodes, []),
  };
}

export async function hasConfirmedTotp(db: Queryable, domainId: string, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('userTotp')
    .select('userId')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('confirmedAt', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Starts (or restarts) an enrolment: a new secret, not yet confirmed. */
export async function saveEnrolment(db: Queryable, domainId: string, userId: number, secret: string, now: Date): Promise<void> {
  await deleteTotp(db, domainId, userId);
  await db
    .insertInto('userTotp')
    .values({ domainId, userId, secret, confirmedAt: null, lastStep: null, recoveryCodes: toDb.json([]), createdAt: toDb.time(now) })
    .execute();
}

/** Confirms the enrolment with the step its first code used; false if it was confirmed meanwhile. */
export async function confirmTotp(
  db: Queryable,
  domainId: string,
  userId: number,
  step: number,
  recoveryHashes: string[],
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('userTotp')
    .set({ confirmedAt: toDb.time(now), lastStep: step, recoveryCodes: toDb.json(recoveryHashes) })
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('confirmedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Accepts time step `step` unless it (or a later one) was accepted before: a code works once. */
export async function advanceStep(db: Queryable, domainId: string, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('userTotp')
    .set({ lastStep: step })
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('confirmedAt', 'is not', null)
    .where((eb) => eb.or([eb('lastStep', 'is', null), eb('lastStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Removes one recovery code's hash; false if it is not (or no longer) there. The write only lands
 * on the list it was computed from, so two requests with the same code cannot both succeed.
 */
export async function spendRecoveryCode(db: Queryable, domainId: string, userId: number, hash: string): Promise<boolean> {
  const current = await findTotp(db, domainId, userId);
  if (!current?.confirmedAt || !current.recoveryCodes.includes(hash)) return false;
  const rest = current.recoveryCodes.filter((h) => h !== hash);
  const result = await db
    .updateTable('userTotp')
    .set({ recoveryCodes: toDb.json(rest) })
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('recoveryCodes', '=', toDb.json(current.recoveryCodes))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTotp(db: Queryable, domainId: string, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('userTotp').where('domainId', '=', domainId).where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
