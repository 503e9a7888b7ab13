// The `like` index: the text of each record's text fields, one row per record and field, in
// record_search on both databases; on SQLite an FTS5 index over it (migration 0007).
import { CompiledQuery } from 'kysely';
import type { Queryable } from './db.js';
import { dialectOf } from './dialect.js';
import { insertRows } from './insert-rows.js';

/** The text of one field of one record in the `like` index. */
export interface SearchText {
  recordId: number;
  fieldId: string;
  content: string;
}

const searchKey = (recordId: number, fieldId: string) => `${recordId} ${fieldId}`;

/**
 * Makes the indexed text of `recordIds` (the `like` index) what `entries` says. Only rows whose
 * text changed are rewritten: an index row costs far more to write than to compare. Every
 * statement finds its rows by the (domain, app, record, field) key, so the cost follows the
 * records written, not the size of the app. `fresh`: the records are new and have no rows.
 */
export async function replaceSearchText(db: Queryable, domainId: string, appId: number, recordIds: number[], entries: SearchText[], fresh = false): Promise<void> {
  let inserts = entries;
  if (!fresh && recordIds.length) {
    const stored = new Map<string, { recordId: number; fieldId: string; content: string }>();
    const rows = await db
      .selectFrom('recordSearch')
      .select(['recordId', 'fieldId', 'content'])
      .where('domainId', '=', domainId)
      .where('appId', '=', appId)
      .where('recordId', 'in', recordIds)
      .execute();
    for (const r of rows) stored.set(searchKey(Number(r.recordId), r.fieldId), { recordId: Number(r.recordId), fieldId: r.fieldId, content: r.content });
    inserts = [];
    for (const e of entries) {
      const key = searchKey(e.recordId, e.fieldId);
      const had = stored.get(key);
      if (had && had.content === e.content) stored.delete(key);
      else inserts.push(e);
    }
    // What is left was removed or changed: one statement per field, found by key.
    const gone = new Map<string, number[]>();
    for (const r of stored.values()) gone.set(r.fieldId, [...(gone.get(r.fieldId) ?? []), r.recordId]);
    for (const [fieldId, ids] of gone) {
      await db.deleteFrom('recordSearch').where('domainId', '=', domainId).where('appId', '=', appId).where('recordId', 'in', ids).where('fieldId', '=', fieldId).execute();
    }
  }
  if (inserts.length === 0) return;
  const sqlite = dialectOf(db) === 'sqlite';
  // SQLite numbers new rows after the highest id: what lies above it now is what this adds.
  const before = sqlite ? Number((await db.executeQuery<{ m: number }>(CompiledQuery.raw(LAST_SEARCH_ROW, []))).rows[0]!.m) : 0;
  await insertRows(
    db,
    'record_search',
    [
      ['domain_id', 'text'],
      ['app_id', 'integer'],
      ['record_id', 'integer'],
      ['field_id', 'text'],
      ['content', 'text'],
    ],
    inserts.map((e) => [domainId, appId, e.recordId, e.fieldId, e.content]),
  );
  // The FTS5 index over those rows (migration 0007), in one statement: FTS5 writes its pending
  // terms out at each statement boundary, so fewer statements make for fewer, larger segments.
  if (sqlite) await db.executeQuery(CompiledQuery.raw(INDEX_SEARCH_ROWS, [before]));
}

const LAST_SEARCH_ROW = 'select coalesce(max(id), 0) as m from record_search';
const INDEX_SEARCH_ROWS =
  'insert into record_search_fts (rowid, content, domain_id, app_id, record_id, field_id) select id, content, domain_id, app_id, record_id, field_id from record_search where id > ?';

/** Removes every indexed text of `recordIds` (the records are going). */
export async function deleteSearchText(db: Queryable, domainId: string, appId: number, recordIds: number[]): Promise<void> {
  if (recordIds.length === 0) return;
  await db.deleteFrom('recordSearch').where('domainId', '=', domainId).where('appId', '=', appId).where('recordId', 'in', recordIds).execute();
}
