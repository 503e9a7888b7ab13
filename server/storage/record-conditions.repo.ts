// Record conditions of notification settings, asked of the database: which records a compiled
// condition (over `records as r`) holds for now, held for before a write, or finds for reminders.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Queryable } from './db.js';
import { columnTypes, dialectOf, toDb } from './dialect.js';
import { recordColumns, type StoredRecord, toStoredRecord } from './records.repo.js';

type Where = RawBuilder<SqlBool>;

/** Of these records, those `where` (compiled over `records as r`) holds for now. */
export async function recordsMatching(db: Queryable, domainId: string, appId: number, ids: number[], where: Where | null): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('records as r')
      .select('r.id')
      .where('r.domainId', '=', domainId)
      .where('r.appId', '=', appId)
      .where('r.id', 'in', ids.slice(i, i + 1000))
      .$if(where !== null, (q) => q.where(where!))
      .execute();
    for (const r of rows) out.add(Number(r.id));
  }
  return out;
}

/**
 * Of these records as they were before a write (no longer stored so), those `where` holds for:
 * the same condition, asked of a derived table shaped like `records as r` that holds them. The
 * condition must not lean on other tables keyed by the record (compile it without the text
 * index), since those already hold the new values.
 */
export async function earlierRecordsMatching(db: Queryable, domainId: string, appId: number, records: StoredRecord[], where: Where | null): Promise<Set<number>> {
  if (records.length === 0) return new Set();
  if (where === null) return new Set(records.map((r) => r.id));
  const t = columnTypes(dialectOf(db));
  const cast = (v: unknown, type: string) => sql`CAST(${v} AS ${sql.raw(type)})`;
  const out = new Set<number>();
  for (let i = 0; i < records.length; i += 100) {
    const rows = records.slice(i, i + 100).map(
      (r) =>
        sql`SELECT ${cast(domainId, 'text')} AS domain_id, ${cast(appId, 'integer')} AS app_id, ${cast(r.id, 'integer')} AS id, ${cast(r.revision, 'integer')} AS revision, ${cast(toDb.json(r.data), String(t.json))} AS data, ${cast(r.creatorId, 'integer')} AS creator_id, ${cast(toDb.time(r.createdAt), String(t.time))} AS created_at, ${cast(r.modifierId, 'integer')} AS modifier_id, ${cast(toDb.time(r.updatedAt), String(t.time))} AS updated_at`,
    );
    const found = await sql<{ id: number | string }>`SELECT r.id AS id FROM (${sql.join(rows, sql` UNION ALL `)}) AS r WHERE ${where}`.execute(db);
    for (const r of found.rows) out.add(Number(r.id));
  }
  return out;
}

/** An app's records `where` holds for, up to `limit`, oldest first. */
export async function recordsWhere(db: Queryable, domainId: string, appId: number, where: Where | null, limit: number): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('records as r')
    .select(recordColumns(dialectOf(db)))
    .where('r.domainId', '=', domainId)
    .where('r.appId', '=', appId)
    .$if(where !== null, (q) => q.where(where!))
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map(toStoredRecord);
}
