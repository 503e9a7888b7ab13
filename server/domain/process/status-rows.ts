// Records of an app picked by their status, whatever anyone's rights: for the settings' own
// consistency (a state holding records cannot be deleted; deploy renames states and gives
// records without a status the first one). Never answers a caller with record data.
import { sql } from 'kysely';
import type { App } from '../../storage/apps.repo.js';
import { jsonSql } from '../../storage/json-sql.js';
import { recordColumns, type StoredRecord, toStoredRecord } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';

/** Which of `names` some record of the app has as its status. */
export async function statusesInUse(ctx: Ctx, app: App, statusId: string, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const status = jsonSql(ctx.dialect).text(sql.ref('r.data'), statusId);
  const rows = await ctx.db
    .selectFrom('records as r')
    .select(status.as('status'))
    .distinct()
    .where('r.domainId', '=', app.domainId)
    .where('r.appId', '=', app.id)
    .where(status, 'in', names)
    .execute();
  return new Set(rows.map((r) => r.status as string));
}

export const BATCH = 500;

/**
 * One batch of the app's records, in id order after `afterId`, whose status is one of `names`
 * (or, for `names` null, that have no status at all).
 */
export async function recordsByStatus(ctx: Ctx, app: App, statusId: string, names: string[] | null, afterId: number): Promise<StoredRecord[]> {
  const status = jsonSql(ctx.dialect).text(sql.ref('r.data'), statusId);
  const rows = await ctx.db
    .selectFrom('records as r')
    .select(recordColumns(ctx.dialect))
    .where('r.domainId', '=', app.domainId)
    .where('r.appId', '=', app.id)
    .where('r.id', '>', afterId)
    .where(names === null ? sql<boolean>`${status} IS NULL` : sql<boolean>`${status} IN (${sql.join(names)})`)
    .orderBy('r.id')
    .limit(BATCH)
    .execute();
  return rows.map(toStoredRecord);
}
