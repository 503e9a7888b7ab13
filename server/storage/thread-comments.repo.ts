// Rows of thread comments and their likes. Every statement names the domain; a comment is
// found through the thread it belongs to, which the caller already reached through its space
// (server/domain/threads/thread-access.ts) — except for notifications, which check each one.
import type { Selectable } from 'kysely';
import type { Mention } from '../../common/api/comments.js';
import { MAX_ID } from '../../common/api/params.js';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { ThreadCommentsTable } from './tables/spaces.table.js';

/** A file of a comment: its key (a record file key) and what GET file.json serves. */
export interface ThreadCommentFile {
  fileKey: string;
  name: string;
  contentType: string;
  size: number;
  width?: number;
}

export interface StoredThreadComment {
  id: number;
  spaceId: number;
  threadId: number;
  parentId: number | null;
  /** As posted, without the mentioned names. */
  text: string;
  mentions: Mention[];
  files: ThreadCommentFile[];
  likeCount: number;
  creatorId: number;
  createdAt: Date;
}

// ---- Comments ----

const COMMENT_COLUMNS = ['id', 'spaceId', 'threadId', 'parentId', 'text', 'mentions', 'files', 'likeCount', 'creatorId', 'createdAt'] as const;

function toComment(row: Pick<Selectable<ThreadCommentsTable>, (typeof COMMENT_COLUMNS)[number]>): StoredThreadComment {
  return {
    id: Number(row.id),
    spaceId: Number(row.spaceId),
    threadId: Number(row.threadId),
    parentId: row.parentId == null ? null : Number(row.parentId),
    text: row.text,
    mentions: fromDb.json<Mention[]>(row.mentions, []),
    files: fromDb.json<ThreadCommentFile[]>(row.files, []),
    likeCount: Number(row.likeCount),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
  };
}

function ofThread(db: Queryable, domainId: string, threadId: number) {
  return db.selectFrom('threadComments').where('domainId', '=', domainId).where('threadId', '=', threadId);
}

export async function insertThreadComment(db: Queryable, domainId: string, c: StoredThreadComment): Promise<void> {
  await db
    .insertInto('threadComments')
    .values({
      domainId,
      id: c.id,
      spaceId: c.spaceId,
      threadId: c.threadId,
      parentId: c.parentId,
      text: c.text,
      mentions: toDb.json(c.mentions),
      files: toDb.json(c.files),
      likeCount: c.likeCount,
      creatorId: c.creatorId,
      createdAt: toDb.time(c.createdAt),
    })
    .execute();
}

export async function findThreadComment(db: Queryable, domainId: string, threadId: number, id: number): Promise<StoredThreadComment | null> {
  if (id > MAX_ID) return null;
  const row = await ofThread(db, domainId, threadId).select(COMMENT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toComment(row) : null;
}

/** Comments by id, whatever their thread: callers check the thread of each (notifications). */
export async function findThreadCommentsByIds(db: Queryable, domainId: string, ids: number[]): Promise<Map<number, StoredThreadComment>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('threadComments').select(COMMENT_COLUMNS).where('domainId', '=', domainId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), toComment(r)]));
}

export async function countThreadComments(db: Queryable, domainId: string, threadId: number): Promise<number> {
  const row = await ofThread(db, domainId, threadId)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return fromDb.count(row?.n as number | string | undefined);
}

/** Comment counts of several threads. */
export async function countCommentsOf(db: Queryable, domainId: string, threadIds: number[]): Promise<Map<number, number>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('threadComments')
    .select((eb) => ['threadId', eb.fn.countAll().as('n')])
    .where('domainId', '=', domainId)
    .where('threadId', 'in', threadIds)
    .groupBy('threadId')
    .execute();
  return new Map(rows.map((r) => [Number(r.threadId), fromDb.count(r.n as number | string)]));
}

/** One page of a thread's comments by id, newest first (`desc`) or oldest first. */
export async function listThreadComments(
  db: Queryable,
  domainId: string,
  threadId: number,
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
): Promise<StoredThreadComment[]> {
  if (limit <= 0) return [];
  const rows = await ofThread(db, domainId, threadId).select(COMMENT_COLUMNS).orderBy('id', order).limit(limit).offset(offset).execute();
  return rows.map(toComment);
}

/** The file keys of every comment of a thread (to delete the files with the thread). */
export async function threadFileKeys(db: Queryable, domainId: string, threadId: number): Promise<string[]> {
  const rows = await ofThread(db, domainId, threadId).select('files').execute();
  return rows.flatMap((r) => fromDb.json<ThreadCommentFile[]>(r.files, []).map((f) => f.fileKey));
}

export async function deleteThreadComment(db: Queryable, domainId: string, threadId: number, id: number): Promise<void> {
  await db.deleteFrom('threadComments').where('domainId', '=', domainId).where('threadId', '=', threadId).where('id', '=', id).execute();
}

// ---- Likes ----

/**
 * Likes or unlikes a comment for a user and keeps the comment's count in step; returns whether
 * anything changed (liking twice counts once) and the count after.
 */
export async function setLike(
  db: Queryable,
  domainId: string,
  commentId: number,
  userId: number,
  like: boolean,
  now: Date,
): Promise<{ changed: boolean; likeCount: number }> {
  let changed: boolean;
  if (like) {
    const r = await db
      .insertInto('threadCommentLikes')
      .values({ domainId, commentId, userId, createdAt: toDb.time(now) })
      .onConflict((oc) => oc.columns(['domainId', 'commentId', 'userId']).doNothing())
      .executeTakeFirst();
    changed = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  } else {
    const r = await db.deleteFrom('threadCommentLikes').where('domainId', '=', domainId).where('commentId', '=', commentId).where('userId', '=', userId).executeTakeFirst();
    changed = Number(r.numDeletedRows) > 0;
  }
  if (changed) {
    await db
      .updateTable('threadComments')
      .set((eb) => ({ likeCount: eb('likeCount', like ? '+' : '-', 1) }))
      .where('domainId', '=', domainId)
      .where('id', '=', commentId)
      .execute();
  }
  const row = await db.selectFrom('threadComments').select('likeCount').where('domainId', '=', domainId).where('id', '=', commentId).executeTakeFirst();
  return { changed, likeCount: Number(row?.likeCount ?? 0) };
}

/** Of these comments, those the user likes. */
export async function likedAmong(db: Queryable, domainId: string, userId: number, commentIds: number[]): Promise<Set<number>> {
  if (commentIds.length === 0 || userId <= 0) return new Set();
  const rows = await db
    .selectFrom('threadCommentLikes')
    .select('commentId')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('commentId', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => Number(r.commentId)));
}
