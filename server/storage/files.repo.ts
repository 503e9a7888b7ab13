// Rows of uploaded files. Every lookup is by key hash within one domain, so a key from another
// domain finds nothing; callers hash keys (server/files/keys.ts) before they reach this file.
import type { Selectable } from 'kysely';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { FileKind, FilesTable } from './tables/files.table.js';

export interface StoredFile {
  domainId: string;
  id: string;
  kind: FileKind;
  uploaderId: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  expiresAt: Date | null;
  attachedAt: Date | null;
  /** The record field the file is attached to; null while temporary. */
  owner: { appId: number; recordId: number; fieldId: string } | null;
  /** The thread comment the file is attached to, for files of threads. */
  thread: ThreadFileOwner | null;
}

export interface ThreadFileOwner {
  spaceId: number;
  threadId: number;
  threadCommentId: number;
}

export interface NewFile {
  domainId: string;
  id: string;
  keyHash: string;
  uploaderId: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  expiresAt: Date;
}

type Row = Omit<Selectable<FilesTable>, 'keyHash'>;

const COLUMNS = [
  'domainId',
  'id',
  'kind',
  'uploaderId',
  'name',
  'contentType',
  'size',
  'sha256',
  'createdAt',
  'expiresAt',
  'attachedAt',
  'appId',
  'recordId',
  'fieldId',
  'spaceId',
  'threadId',
  'threadCommentId',
] as const;

function toStoredFile(row: Row): StoredFile {
  return {
    domainId: row.domainId,
    id: row.id,
    kind: row.kind,
    uploaderId: Number(row.uploaderId),
    name: row.name,
    contentType: row.contentType,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: fromDb.time(row.createdAt),
    expiresAt: fromDb.timeOrNull(row.expiresAt),
    attachedAt: fromDb.timeOrNull(row.attachedAt),
    owner:
      row.appId != null && row.recordId != null && row.fieldId != null
        ? { appId: Number(row.appId), recordId: Number(row.recordId), fieldId: row.fieldId }
        : null,
    thread:
      row.spaceId != null && row.threadId != null && row.threadCommentId != null
        ? { spaceId: Number(row.spaceId), threadId: Number(row.threadId), threadCommentId: Number(row.threadCommentId) }
        : null,
  };
}

/** Records what attached files belong to: a record's field, or a thread comment. */
export async function setFileOwner(
  db: Queryable,
  domainId: string,
  keyHashes: string[],
  owner: { appId: number; recordId: number; fieldId: string } | ThreadFileOwner,
): Promise<void> {
  if (keyHashes.length === 0) return;
  await db
    .updateTable('files')
    .set(owner)
    .where('domainId', '=', domainId)
    .where('kind', '=', 'attached')
    .where('keyHash', 'in', keyHashes)
    .execute();
}

export async function insertTemporaryFile(db: Queryable, f: NewFile): Promise<void> {
  await db
    .insertInto('files')
    .values({
      domainId: f.domainId,
      id: f.id,
      kind: 'temporary',
      keyHash: f.keyHash,
      uploaderId: f.uploaderId,
      name: f.name,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      createdAt: toDb.time(f.createdAt),
      expiresAt: toDb.time(f.expiresAt),
      attachedAt: null,
    })
    .execute();
}

/**
 * Turns one live temporary upload of `uploaderId` into an attached file under a new key, in one
 * statement: two requests racing to attach the same key cannot both succeed.
 */
export async function attachUpload(
  db: Queryable,
  where: { domainId: string; uploaderId: number; keyHash: string; now: Date },
  newKeyHash: string,
): Promise<StoredFile | null> {
  const row = await db
    .updateTable('files')
    .set({ kind: 'attached', keyHash: newKeyHash, attachedAt: toDb.time(where.now), expiresAt: null })
    .where('domainId', '=', where.domainId)
    .where('keyHash', '=', where.keyHash)
    .where('kind', '=', 'temporary')
    .where('uploaderId', '=', where.uploaderId)
    .where('expiresAt', '>', toDb.time(where.now))
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toStoredFile(row) : null;
}

export async function findFileByKeyHash(
  db: Queryable,
  domainId: string,
  kind: FileKind,
  keyHash: string,
): Promise<StoredFile | null> {
  const row = await db
    .selectFrom('files')
    .select(COLUMNS)
    .where('domainId', '=', domainId)
    .where('kind', '=', kind)
    .where('keyHash', '=', keyHash)
    .executeTakeFirst();
  return row ? toStoredFile(row) : null;
}

/** Attached files among `keyHashes`, keyed by hash. */
export async function findAttachedByKeyHashes(
  db: Queryable,
  domainId: string,
  keyHashes: string[],
): Promise<Map<string, StoredFile>> {
  if (keyHashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('files')
    .select([...COLUMNS, 'keyHash'])
    .where('domainId', '=', domainId)
    .where('kind', '=', 'attached')
    .where('keyHash', 'in', keyHashes)
    .execute();
  return new Map(rows.map((r) => [r.keyHash, toStoredFile(r)]));
}

/** Deletes attached files by key; returns the stored ids whose bytes are now unreferenced. */
export async function deleteAttachedByKeyHashes(db: Queryable, domainId: string, keyHashes: string[]): Promise<string[]> {
  if (keyHashes.length === 0) return [];
  const rows = await db
    .deleteFrom('files')
    .where('domainId', '=', domainId)
    .where('kind', '=', 'attached')
    .where('keyHash', 'in', keyHashes)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Deletes up to `limit` temporary uploads that lapsed before `now`, across domains. The kind and
 * expiry are re-checked in the DELETE, so an upload attached meanwhile is never swept.
 */
export async function deleteExpiredUploads(
  db: Queryable,
  now: Date,
  limit: number,
): Promise<Array<{ domainId: string; id: string }>> {
  const due = await db
    .selectFrom('files')
    .select(['domainId', 'id'])
    .where('kind', '=', 'temporary')
    .where('expiresAt', '<=', toDb.time(now))
    .orderBy('expiresAt')
    .limit(limit)
    .execute();
  const deleted: Array<{ domainId: string; id: string }> = [];
  const byDomain = new Map<string, string[]>();
  for (const r of due) byDomain.set(r.domainId, [...(byDomain.get(r.domainId) ?? []), r.id]);
  for (const [domainId, ids] of byDomain) {
    const rows = await db
      .deleteFrom('files')
      .where('domainId', '=', domainId)
      .where('id', 'in', ids)
      .where('kind', '=', 'temporary')
      .where('expiresAt', '<=', toDb.time(now))
      .returning(['domainId', 'id'])
      .execute();
    deleted.push(...rows);
  }
  return deleted;
}
