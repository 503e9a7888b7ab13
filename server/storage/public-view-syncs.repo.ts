// Scheduled visitor syncs of public views (migration 0020): one row per view at most. A run is
// claimed by moving `next_run_at` past now with a conditional update, so of several processes
// that find it due, one runs it.
import type { Selectable } from 'kysely';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { PublicViewVisitorSyncsTable } from './tables/public-views.table.js';

export type SyncEvery = 'hourly' | 'daily';

export interface StoredSyncSchedule {
  domainId: string;
  viewId: string;
  appId: number;
  emailField: string;
  nameField: string | null;
  attributes: Record<string, string>;
  managerId: number;
  every: SyncEvery;
  nextRunAt: Date;
  lastRunAt: Date | null;
  lastResult: Record<string, number> | null;
  /** `{code, params}` of the last run's refusal (null: it succeeded, or none ran yet). */
  lastError: { code: string; params?: Record<string, unknown> } | null;
  updatedAt: Date;
}

function toSchedule(row: Selectable<PublicViewVisitorSyncsTable>): StoredSyncSchedule {
  return {
    domainId: row.domainId,
    viewId: row.viewId,
    appId: Number(row.appId),
    emailField: row.emailField,
    nameField: row.nameField,
    attributes: fromDb.json<Record<string, string>>(row.attributes, {}),
    managerId: Number(row.managerId),
    every: row.every === 'daily' ? 'daily' : 'hourly',
    nextRunAt: fromDb.time(row.nextRunAt),
    lastRunAt: fromDb.timeOrNull(row.lastRunAt),
    lastResult: fromDb.json<Record<string, number> | null>(row.lastResult, null),
    lastError: row.lastError ? (JSON.parse(row.lastError) as StoredSyncSchedule['lastError']) : null,
    updatedAt: fromDb.time(row.updatedAt),
  };
}

export async function findSyncSchedule(db: Queryable, domainId: string, viewId: string): Promise<StoredSyncSchedule | null> {
  const row = await db.selectFrom('publicViewVisitorSyncs').selectAll().where('domainId', '=', domainId).where('viewId', '=', viewId).executeTakeFirst();
  return row ? toSchedule(row) : null;
}

/** Sets the view's schedule (a new one forgets the last run's outcome). */
export async function putSyncSchedule(
  db: Queryable,
  s: Pick<StoredSyncSchedule, 'domainId' | 'viewId' | 'appId' | 'emailField' | 'nameField' | 'attributes' | 'managerId' | 'every' | 'nextRunAt' | 'updatedAt'>,
): Promise<void> {
  await db.deleteFrom('publicViewVisitorSyncs').where('domainId', '=', s.domainId).where('viewId', '=', s.viewId).execute();
  await db
    .insertInto('publicViewVisitorSyncs')
    .values({
      ...s,
      attributes: toDb.json(s.attributes),
      nextRunAt: toDb.time(s.nextRunAt),
      updatedAt: toDb.time(s.updatedAt),
      lastRunAt: null,
      lastResult: null,
      lastError: null,
    })
    .execute();
}

export async function deleteSyncSchedule(db: Queryable, domainId: string, viewId: string): Promise<boolean> {
  const result = await db.deleteFrom('publicViewVisitorSyncs').where('domainId', '=', domainId).where('viewId', '=', viewId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Schedules due at `now`, every domain's, the longest overdue first. */
export async function dueSyncSchedules(db: Queryable, now: Date, limit: number): Promise<StoredSyncSchedule[]> {
  const rows = await db.selectFrom('publicViewVisitorSyncs').selectAll().where('nextRunAt', '<=', toDb.time(now)).orderBy('nextRunAt').limit(limit).execute();
  return rows.map(toSchedule);
}

/** Claims a due run: true for the one process whose update moved `next_run_at` from due to `next`. */
export async function claimSyncRun(db: Queryable, s: Pick<StoredSyncSchedule, 'domainId' | 'viewId'>, now: Date, next: Date): Promise<boolean> {
  const result = await db
    .updateTable('publicViewVisitorSyncs')
    .set({ nextRunAt: toDb.time(next) })
    .where('domainId', '=', s.domainId)
    .where('viewId', '=', s.viewId)
    .where('nextRunAt', '<=', toDb.time(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordSyncRun(
  db: Queryable,
  s: Pick<StoredSyncSchedule, 'domainId' | 'viewId'>,
  run: { at: Date; result: Record<string, number> | null; error: StoredSyncSchedule['lastError'] },
): Promise<void> {
  await db
    .updateTable('publicViewVisitorSyncs')
    .set({ lastRunAt: toDb.time(run.at), lastResult: run.result ? toDb.json(run.result) : null, lastError: run.error ? JSON.stringify(run.error) : null })
    .where('domainId', '=', s.domainId)
    .where('viewId', '=', s.viewId)
    .execute();
}
