// Rows of record comments. Every statement names the domain, app and record: a comment is only
// ever found through the record it belongs to, which the caller has already found in scope.
import type { Selectable } from 'kysely';
import type { Mention } from '../../common/api/comments.js';
import { MAX_ID } from '../../common/api/params.js';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { RecordCommentsTable } from './tables/comments.table.js';

/** The record a comment belongs to. */
export interface CommentedRecord {
  domainId: string;
  appId: number;
  recordId: number;
}

export interface StoredComment {
  id: number;
  /** As posted, without the mentioned names. */
  text: string;
  mentions: Mention[];
  /** 0 when posted through an API token. */
  creatorId: number;
  createdAt: Date;
}

const COLUMNS = ['id', 'text', 'mentions', 'creatorId', 'createdAt'] as const;

function toStoredComment(row: Pick<Selectable<RecordCommentsTable>, (typeof COLUMNS)[number]>): StoredComment {
  return {
    id: Number(row.id),
    text: row.text,
    mentions: fromDb.json<Mention[]>(row.mentions, []),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
  };
}

function ofRecord(db: Queryable, r: CommentedRecord) {
  return db.selectFrom('recordComments').where('domainId', '=', r.domainId).where('appId', '=', r.appId).where('recordId', '=', r.recordId);
}

/**
 * The next comment number of a record. The counter row stays locked until the transaction ends,
 * so two comments posted at once on one record queue for a moment and get different numbers.
 */
export async function nextCommentId(db: Queryable, r: CommentedRecord): Promise<number> {
  const row = await db
    .insertInto('recordCommentCounters')
    .values({ domainId: r.domainId, appId: r.appId, recordId: r.recordId, lastId: 1 })
    .onConflict((oc) => oc.columns(['domainId', 'appId', 'recordId']).doUpdateSet((eb) => ({ lastId: eb('recordCommentCounters.lastId', '+', 1) })))
    .returning('lastId')
    .executeTakeFirstOrThrow();
  return Number(row.lastId);
}

export async function insertComment(db: Queryable, r: CommentedRecord, c: StoredComment): Promise<void> {
  await db
    .insertInto('recordComments')
    .values({
      domainId: r.domainId,
      appId: r.appId,
      recordId: r.recordId,
      id: c.id,
      text: c.text,
      mentions: toDb.json(c.mentions),
      creatorId: c.creatorId,
      createdAt: toDb.time(c.createdAt),
    })
    .execute();
}

export async function countComments(db: Queryable, r: CommentedRecord): Promise<number> {
  const row = await ofRecord(db, r).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return fromDb.count(row?.n as number | string | undefined);
}

/** One page of a record's comments by number, newest first (`desc`) or oldest first. */
export async function listComments(db: Queryable, r: CommentedRecord, order: 'asc' | 'desc', offset: number, limit: number): Promise<StoredComment[]> {
  if (limit <= 0) return [];
  const rows = await ofRecord(db, r).select(COLUMNS).orderBy('id', order).limit(limit).offset(offset).execute();
  return rows.map(toStoredComment);
}

export async function findComment(db: Queryable, r: CommentedRecord, id: number): Promise<StoredComment | null> {
  if (id > MAX_ID) return null;
  const row = await ofRecord(db, r).select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toStoredComment(row) : null;
}

export async function deleteComment(db: Queryable, r: CommentedRecord, id: number): Promise<void> {
  await db.deleteFrom('recordComments').where('domainId', '=', r.domainId).where('appId', '=', r.appId).where('recordId', '=', r.recordId).where('id', '=', id).execute();
}
