// Rows of record history. Every statement names the domain, app and record (or the whole app,
// to forget its history): versions are only ever found through a record the caller has
// already found in scope.
import type { StoredValue } from '../../common/fields/index.js';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';

export type VersionKind = 'ADD' | 'EDIT' | 'STATUS' | 'REVERT';

/** A version without its data: enough to decide what a caller's list shows. */
export interface VersionHead {
  revision: number;
  kind: VersionKind;
  /** Internal ids of the top-level fields it changed; null where the history begins unknown. */
  changed: string[] | null;
  /** 0 when written through an API token. */
  modifierId: number;
  modifiedAt: Date;
}

export interface StoredVersion extends VersionHead {
  recordId: number;
  /** The record's values after this revision, by internal field id. */
  data: Record<string, StoredValue>;
}

/** The record versions belong to. */
export interface VersionedRecord {
  domainId: string;
  appId: number;
  recordId: number;
}

export async function insertVersions(db: Queryable, domainId: string, appId: number, versions: StoredVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await db
    .insertInto('recordVersions')
    .values(
      versions.map((v) => ({
        domainId,
        appId,
        recordId: v.recordId,
        revision: v.revision,
        kind: v.kind,
        data: toDb.json(v.data),
        changed: v.changed === null ? null : toDb.json(v.changed),
        modifierId: v.modifierId,
        modifiedAt: toDb.time(v.modifiedAt),
      })),
    )
    .execute();
}

/** Which of `recordIds` have any version yet. */
export async function recordsWithVersions(db: Queryable, domainId: string, appId: number, recordIds: number[]): Promise<Set<number>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('recordVersions')
    .select('recordId')
    .distinct()
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('recordId', 'in', [...new Set(recordIds)])
    .execute();
  return new Set(rows.map((r) => Number(r.recordId)));
}

/** Every version of a record, oldest first, without data. */
export async function versionHeads(db: Queryable, r: VersionedRecord): Promise<VersionHead[]> {
  const rows = await db
    .selectFrom('recordVersions')
    .select(['revision', 'kind', 'changed', 'modifierId', 'modifiedAt'])
    .where('domainId', '=', r.domainId)
    .where('appId', '=', r.appId)
    .where('recordId', '=', r.recordId)
    .orderBy('revision')
    .execute();
  return rows.map((row) => ({
    revision: Number(row.revision),
    kind: row.kind as VersionKind,
    changed: row.changed === null ? null : fromDb.json<string[]>(row.changed, []),
    modifierId: Number(row.modifierId),
    modifiedAt: fromDb.time(row.modifiedAt),
  }));
}

/** The data of some versions of a record, by revision. */
export async function versionData(db: Queryable, r: VersionedRecord, revisions: number[]): Promise<Map<number, Record<string, StoredValue>>> {
  if (revisions.length === 0) return new Map();
  const rows = await db
    .selectFrom('recordVersions')
    .select(['revision', 'data'])
    .where('domainId', '=', r.domainId)
    .where('appId', '=', r.appId)
    .where('recordId', '=', r.recordId)
    .where('revision', 'in', [...new Set(revisions)])
    .execute();
  return new Map(rows.map((row) => [Number(row.revision), fromDb.json<Record<string, StoredValue>>(row.data, {})]));
}

/** Forgets the history of every record of an app. */
export async function deleteAppVersions(db: Queryable, domainId: string, appId: number): Promise<void> {
  await db.deleteFrom('recordVersions').where('domainId', '=', domainId).where('appId', '=', appId).execute();
}
