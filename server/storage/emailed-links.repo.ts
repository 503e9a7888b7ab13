// E-mailed single-use links that act on one account — password resets (0015-access.ts) and
// allow-list resets (0016-allow-list-resets.ts) — kept as the SHA-256 of their token. Both tables
// have the same columns, so one set of queries serves both.
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import { type User, toUser } from './users.repo.js';

export type LinkTable = 'passwordResets' | 'allowListResets';

export async function insertLink(
  db: Queryable,
  // The tables are alike: typing the queries against one of them types them for both.
  table: LinkTable,
  row: { domainId: string; userId: number; tokenHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto(table as 'passwordResets')
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
export async function deleteOpenLinks(db: Queryable, table: LinkTable, domainId: string, userId: number): Promise<void> {
  await db
    .deleteFrom(table as 'passwordResets')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
}

/** The account behind a link that still works (unused, unexpired), or null. */
export async function findOpenLink(db: Queryable, table: LinkTable, domainId: string, tokenHash: string, now: Date): Promise<User | null> {
  const row = await db
    .selectFrom(`${table as 'passwordResets'} as l`)
    .innerJoin('users', (j) => j.onRef('users.domainId', '=', 'l.domainId').onRef('users.id', '=', 'l.userId'))
    .selectAll('users')
    .select(['l.usedAt as linkUsedAt', 'l.expiresAt as linkExpiresAt'])
    .where('l.tokenHash', '=', tokenHash)
    .where('l.domainId', '=', domainId)
    .executeTakeFirst();
  if (!row || row.linkUsedAt !== null) return null;
  if (fromDb.time(row.linkExpiresAt).getTime() <= now.getTime()) return null;
  return toUser(row);
}

/**
 * Marks the link used if it still works; false when another request got there first, so a link
 * acts once however many browsers hold it.
 */
export async function consumeLink(db: Queryable, table: LinkTable, domainId: string, tokenHash: string, userId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable(table as 'passwordResets')
    .set({ usedAt: toDb.time(now) })
    .where('tokenHash', '=', tokenHash)
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', toDb.time(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
