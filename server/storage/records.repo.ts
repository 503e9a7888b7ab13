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
    [
      ['domain_id', 'text'],
      ['app_id', 'integer'],
      ['id', 'integer'],
      ['revision', 'integer'],
      ['data', 'jsonb'],
      ['creator_id', 'integer'],
      ['created_at', 'timestamptz'],
      ['modifier_id', 'integer'],
      ['updated_at', 'timestamptz'],
    ],
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
    [
      ['domain_id', 'text'],
      ['app_id', 'integer'],
      ['field_id', 'text'],
      ['value', 'text'],
      ['record_id', 'integer'],
    ],
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

// Bulk adds write hundreds of rows a request. Kysely's builder spends longer assembling such an
// INSERT than the database takes to run it, so these are written as text.
/** A column and its PostgreSQL type (for unnest). */
type Column = readonly [name: string, pgType: 'text' | 'integer' | 'jsonb' | 'timestamptz'];

const insertText = new Map<string, string>();

function cachedText(key: string, make: () => string): string {
  let text = insertText.get(key);
  if (text === undefined) insertText.set(key, (text = make()));
  return text;
}

/** Multi-row INSERTs of `rows` (values in `columns` order). */
async function insertRows(db: Queryable, table: string, columns: readonly Column[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(db) === 'postgres') return insertRowsPostgres(db, table, columns, rows);
  // SQLite compiles each text once and keeps it: statements of 256, 128, …, 1 rows let a
  // handful of texts serve every row count.
  const names = columns.map(([name]) => name).join(', ');
  for (let i = 0; i < rows.length; ) {
    let size = 256;
    while (size > rows.length - i) size >>= 1;
    const text = cachedText(`sqlite ${table} ${names} ${size}`, () => {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      return `insert into ${table} (${names}) values ${Array.from({ length: size }, () => tuple).join(', ')}`;
    });
    const values: unknown[] = [];
    for (let r = i; r < i + size; r++) for (const v of rows[r]!) values.push(v);
    await db.executeQuery(CompiledQuery.raw(text, values));
    i += size;
  }
}

/**
 * PostgreSQL parses and plans every statement it is sent. Columns of plain types go as one
 * array each (unnest): a short statement with a few parameters, whatever the row count. A JSON
 * column would have to travel as an array literal of JSON texts, so such rows go as VALUES.
 */
async function insertRowsPostgres(db: Queryable, table: string, columns: readonly Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  if (!columns.some(([, type]) => type === 'jsonb')) {
    const text = cachedText(`postgres ${table} ${names}`, () => `insert into ${table} (${names}) select * from unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(text, columns.map((_, c) => rows.map((r) => r[c]))));
    return;
  }
  const per = Math.floor(60_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    let n = 0;
    const tuples = chunk.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`);
    const values: unknown[] = [];
    for (const r of chunk) for (const v of r) values.push(v);
    await db.executeQuery(CompiledQuery.raw(`insert into ${table} (${names}) values ${tuples.join(', ')}`, values));
  }
}
