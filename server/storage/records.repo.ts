import { CompiledQuery, type Selectable } from 'kysely';
import { MAX_ID } from '../../common/api/params.js';
import type { StoredValue } from '../../common/fields/index.js';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import type { RecordsTable } from './tables/records.table.js';

export interface StoredRecord {
  id: number;
  revision: number;
  /** Values by internal field id. */
  data: Record<string, StoredValue>;
  creatorId: number;
  createdAt: Date;
  modifierId: number;
  updatedAt: Date;
}

export function toStoredRecord(row: Pick<Selectable<RecordsTable>, 'id' | 'revision' | 'data' | 'creatorId' | 'createdAt' | 'modifierId' | 'updatedAt'>): StoredRecord {
  return {
    id: Number(row.id),
    revision: Number(row.revision),
    data: fromDb.json<Record<string, StoredValue>>(row.data, {}),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
    modifierId: Number(row.modifierId),
    updatedAt: fromDb.time(row.updatedAt),
  };
}

export const RECORD_COLUMNS = ['id', 'revision', 'data', 'creatorId', 'createdAt', 'modifierId', 'updatedAt'] as const;

export async function insertRecords(db: Queryable, domainId: string, appId: number, records: StoredRecord[]): Promise<void> {
  await insertRows(
    db,
    'records',
    ['domain_id', 'app_id', 'id', 'revision', 'data', 'creator_id', 'created_at', 'modifier_id', 'updated_at'],
    records.map((r) => [domainId, appId, r.id, r.revision, toDb.json(r.data), r.creatorId, toDb.time(r.createdAt), r.modifierId, toDb.time(r.updatedAt)]),
  );
}

export async function findRecordsByIds(db: Queryable, domainId: string, appId: number, requested: number[]): Promise<Map<number, StoredRecord>> {
  // Ids beyond the column cannot exist; PostgreSQL would refuse to compare them at all.
  const ids = requested.filter((id) => id <= MAX_ID);
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('records')
    .select(RECORD_COLUMNS)
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), toStoredRecord(r)]));
}

/** Writes a record only if it is still at `expectedRevision`; false when someone got there first. */
export async function replaceRecord(db: Queryable, domainId: string, appId: number, expectedRevision: number, r: StoredRecord): Promise<boolean> {
  const result = await db
    .updateTable('records')
    .set({ revision: r.revision, data: toDb.json(r.data), modifierId: r.modifierId, updatedAt: toDb.time(r.updatedAt) })
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('id', '=', r.id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRecordsByIds(db: Queryable, domainId: string, appId: number, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.deleteFrom('records').where('domainId', '=', domainId).where('appId', '=', appId).where('id', 'in', ids).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Which of `values` are already taken by another record for a unique field. */
export async function takenUniqueValues(
  db: Queryable,
  domainId: string,
  appId: number,
  fieldId: string,
  values: string[],
  exceptRecordIds: number[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  let q = db
    .selectFrom('recordUniqueValues')
    .select('value')
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('fieldId', '=', fieldId)
    .where('value', 'in', values);
  if (exceptRecordIds.length) q = q.where('recordId', 'not in', exceptRecordIds);
  return new Set((await q.execute()).map((r) => r.value));
}

/** One claim of a unique field's value by a record. */
export interface UniqueClaim {
  recordId: number;
  fieldId: string;
  value: string;
}

/**
 * Replaces the unique-field claims of `recordIds` with `claims`: all released first, then all
 * taken, so records may swap values within one write. `fresh`: the records are new and hold none.
 */
export async function replaceUniqueValues(db: Queryable, domainId: string, appId: number, recordIds: number[], claims: UniqueClaim[], fresh = false): Promise<void> {
  if (!fresh && recordIds.length) {
    await db.deleteFrom('recordUniqueValues').where('domainId', '=', domainId).where('appId', '=', appId).where('recordId', 'in', recordIds).execute();
  }
  await insertRows(
    db,
    'record_unique_values',
    ['domain_id', 'app_id', 'field_id', 'value', 'record_id'],
    claims.map((c) => [domainId, appId, c.fieldId, c.value, c.recordId]),
  );
}

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
    ['domain_id', 'app_id', 'record_id', 'field_id', 'content'],
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

// Bulk adds write hundreds of rows a request. Kysely's builder spends longer assembling such an
// INSERT than the database takes to run it, so these are written as text. Statements take
// 256, 128, …, 1 rows, so that a handful of texts (each compiled once) serve every row count.
const MAX_ROWS = 256;
const insertText = new Map<string, string>();

function insertSql(kind: 'sqlite' | 'postgres', table: string, columns: readonly string[], rows: number): string {
  const key = `${kind} ${table} ${columns.join()} ${rows}`;
  let text = insertText.get(key);
  if (text === undefined) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (kind === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
    insertText.set(key, text);
  }
  return text;
}

/** Multi-row INSERTs of `rows` (values in `columns` order); at most 256 × 9 bound values each. */
async function insertRows(db: Queryable, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const kind = dialectOf(db);
  for (let i = 0; i < rows.length; ) {
    let size = MAX_ROWS;
    while (size > rows.length - i) size >>= 1;
    const values: unknown[] = [];
    for (let r = i; r < i + size; r++) for (const v of rows[r]!) values.push(v);
    await db.executeQuery(CompiledQuery.raw(insertSql(kind, table, columns, size), values));
    i += size;
  }
}
