// Reminder progress: per app, the time up to which reminders have been sent (see
// domain/notifications/reminders.ts), and where the job finds the apps to look at.
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';

/** Every deployed app's live revision, across domains: the reminder job's starting point. */
export async function liveRevisions(db: Queryable): Promise<Array<{ domainId: string; appId: number; revision: number }>> {
  const rows = await db.selectFrom('appDefinitions').select(['domainId', 'appId', 'revision']).where('stage', '=', 'live').execute();
  return rows.map((r) => ({ domainId: r.domainId, appId: Number(r.appId), revision: Number(r.revision) }));
}

export async function reminderMark(db: Queryable, domainId: string, appId: number): Promise<Date | null> {
  const row = await db.selectFrom('reminderMarks').select('checkedUntil').where('domainId', '=', domainId).where('appId', '=', appId).executeTakeFirst();
  return row ? fromDb.time(row.checkedUntil) : null;
}

/**
 * Moves an app's mark from `from` (null: none yet) to `to`; false when another server moved it
 * first, in which case that server sends these reminders.
 */
export async function moveReminderMark(db: Queryable, domainId: string, appId: number, from: Date | null, to: Date): Promise<boolean> {
  if (from === null) {
    const r = await db
      .insertInto('reminderMarks')
      .values({ domainId, appId, checkedUntil: toDb.time(to) })
      .onConflict((oc) => oc.columns(['domainId', 'appId']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('reminderMarks')
    .set({ checkedUntil: toDb.time(to) })
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('checkedUntil', '=', toDb.time(from))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
