import type { Selectable } from 'kysely';
import { MAX_ID } from '../../common/api/params.js';
import type { StoredValue } from '../../common/fields/index.js';
import type { Queryable } from './db.js';
import { type DialectKind, dialectOf, fromDb, recordDocFromDb, recordDocToDb, toDb } from './dialect.js';
import { insertRows } from './insert-rows.js';
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

/** The columns of a stored record of `records as r`, its document read back as JSON text. */
export function recordColumns(kind: DialectKind) {
  return ['r.id', 'r.revision', recordDocFromDb(kind, 'r').as('data'), 'r.creatorId', 'r.createdAt', 'r.modifierId', 'r.updatedAt'] as const;
}

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
    .selectFrom('records as r')
    .select(recordColumns(dialectOf(db)))
    .where('r.domainId', '=', domainId)
    .where('r.appId', '=', appId)
    .where('r.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), toStoredRecord(r)]));
}

/** Writes a record only if it is still at `expectedRevision`; false when someone got there first. */
export async function replaceRecord(db: Queryable, domainId: string, appId: number, expectedRevision: number, r: StoredRecord): Promise<boolean> {
  const result = await db
    .updateTable('records')
    .set({ revision: r.revision, data: recordDocToDb(dialectOf(db), r.data), modifierId: r.modifierId, updatedAt: toDb.time(r.updatedAt) })
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
