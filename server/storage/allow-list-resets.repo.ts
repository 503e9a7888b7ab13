// E-mailed links that switch a domain's IP allow-list off, kept as the SHA-256 of their token
// (see 0016-allow-list-resets.ts).
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import { type User, toUser } from './users.repo.js';

export async function insertAllowListReset(
  db: Queryable,
  row: { domainId: string; userId: number; tokenHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('allowListResets')
    .values({
      tokenHash: row.tokenHash,
      domainId: row.domainId,
      userId: row.userId,
      createdAt: toDb.time(row.now),
      expiresAt: toDb.time(row.expiresAt),
      usedAt: null,
    })
    .execute();
}

/** Every link of the account not yet used: voided when a new one is sent or one is used. */
export async function deleteOpenAllowListResets(db: Queryable, domainId: string, userId: number): Promise<void> {
  await db
    .deleteFrom('allowListResets')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
}

/** The account behind a link that still works (unused, unexpired), or null. */
export async function findOpenAllowListReset(db: Queryable, domainId: string, tokenHash: string, now: Date): Promise<User | null> {
  const row = await db
    .selectFrom('allowListResets')
    .innerJoin('users', (j) =>
      j.onRef('users.domainId', '=', 'allowListResets.domainId').onRef('users.id', '=', 'allowListResets.userId'),
    )
    .selectAll('users')
    .select(['allowListResets.usedAt as resetUsedAt', 'allowListResets.expiresAt as resetExpiresAt'])
    .where('allowListResets.tokenHash', '=', tokenHash)
    .where('allowListResets.domainId', '=', domainId)
    .executeTakeFirst();
  if (!row || row.resetUsedAt !== null) return null;
  if (fromDb.time(row.resetExpiresAt).getTime() <= now.getTime()) return null;
  return toUser(row);
}

/**
 * Marks the link used if it still works; false when another request got there first, so a link
 * switches the restriction off once however many browsers hold it.
 */
export async function consumeAllowListReset(db: Queryable, domainId: string, tokenHash: string, userId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('allowListResets')
    .set({ usedAt: toDb.time(now) })
    .where('tokenHash', '=', tokenHash)
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', toDb.time(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
