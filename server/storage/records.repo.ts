import type { Selectable } from 'kysely';
import { MAX_ID } from '../../common/api/params.js';
import type { StoredValue } from '../../common/fields/index.js';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
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
  if (records.length === 0) return;
  await db
    .insertInto('records')
    .values(
      records.map((r) => ({
        domainId,
        appId,
        id: r.id,
        revision: r.revision,
        data: toDb.json(r.data),
        creatorId: r.creatorId,
        createdAt: toDb.time(r.createdAt),
        modifierId: r.modifierId,
        updatedAt: toDb.time(r.updatedAt),
      })),
    )
    .execute();
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

export async function replaceUniqueValues(
  db: Queryable,
  domainId: string,
  appId: number,
  recordId: number,
  entries: Array<{ fieldId: string; value: string }>,
): Promise<void> {
  await db.deleteFrom('recordUniqueValues').where('domainId', '=', domainId).where('appId', '=', appId).where('recordId', '=', recordId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto('recordUniqueValues')
    .values(entries.map((e) => ({ domainId, appId, recordId, fieldId: e.fieldId, value: e.value })))
    .execute();
}

/** Replaces the indexed text of records' fields (the `like` index). */
export async function replaceSearchText(
  db: Queryable,
  domainId: string,
  appId: number,
  recordIds: number[],
  entries: Array<{ recordId: number; fieldId: string; content: string }>,
): Promise<void> {
  if (recordIds.length) {
    await db.deleteFrom('recordSearch').where('domainId', '=', domainId).where('appId', '=', appId).where('recordId', 'in', recordIds).execute();
  }
  for (let i = 0; i < entries.length; i += 200) {
    await db
      .insertInto('recordSearch')
      .values(entries.slice(i, i + 200).map((e) => ({ domainId, appId, ...e })))
      .execute();
  }
}
