// Rows of notifications, of users' e-mail choices and of reminder progress. Every statement on
// notifications names the recipient: a user only ever reaches their own.
import type { Selectable } from 'kysely';
import type { Mention } from '../../common/api/comments.js';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import type { NotificationsTable } from './tables/notifications.table.js';

export interface StoredNotification {
  id: number;
  recipientId: number;
  kind: string;
  toMe: boolean;
  /** null for a thread's notification, which names its space, thread and comment instead. */
  appId: number | null;
  recordId: number | null;
  commentId: number | null;
  senderId: number | null;
  detail: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  spaceId: number | null;
  threadId: number | null;
  threadCommentId: number | null;
}

function toStored(row: Selectable<NotificationsTable>): StoredNotification {
  return {
    id: Number(row.id),
    recipientId: Number(row.recipientId),
    kind: row.kind,
    toMe: fromDb.bool(row.toMe),
    appId: row.appId == null ? null : Number(row.appId),
    recordId: row.recordId == null ? null : Number(row.recordId),
    commentId: row.commentId == null ? null : Number(row.commentId),
    senderId: row.senderId == null ? null : Number(row.senderId),
    detail: fromDb.json<Record<string, unknown>>(row.detail, {}),
    createdAt: fromDb.time(row.createdAt),
    readAt: fromDb.timeOrNull(row.readAt),
    spaceId: row.spaceId == null ? null : Number(row.spaceId),
    threadId: row.threadId == null ? null : Number(row.threadId),
    threadCommentId: row.threadCommentId == null ? null : Number(row.threadCommentId),
  };
}

const CHUNK = 500;

export async function insertNotifications(db: Queryable, domainId: string, rows: Array<Omit<StoredNotification, 'readAt'>>): Promise<void> {
  const kind = dialectOf(db);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('notifications')
      .values(
        rows.slice(i, i + CHUNK).map((n) => ({
          domainId,
          id: n.id,
          recipientId: n.recipientId,
          kind: n.kind,
          toMe: toDb.bool(kind, n.toMe),
          appId: n.appId,
          recordId: n.recordId,
          commentId: n.commentId,
          senderId: n.senderId,
          detail: toDb.json(n.detail),
          createdAt: toDb.time(n.createdAt),
          readAt: null,
          spaceId: n.spaceId,
          threadId: n.threadId,
          threadCommentId: n.threadCommentId,
        })),
      )
      .execute();
  }
}

export interface InboxFilter {
  domainId: string;
  recipientId: number;
  /** Older notifications are gone even before the sweep removes them. */
  since: Date;
  toMeOnly?: boolean;
  unreadOnly?: boolean;
}

function inbox(db: Queryable, f: InboxFilter) {
  return db
    .selectFrom('notifications')
    .where('domainId', '=', f.domainId)
    .where('recipientId', '=', f.recipientId)
    .where('createdAt', '>=', toDb.time(f.since))
    .$if(f.toMeOnly === true, (q) => q.where('toMe', '=', toDb.bool(dialectOf(db), true)))
    .$if(f.unreadOnly === true, (q) => q.where('readAt', 'is', null));
}

/** Newest first, below `beforeId` when given. */
export async function listNotifications(db: Queryable, f: InboxFilter, limit: number, beforeId?: number): Promise<StoredNotification[]> {
  const rows = await inbox(db, f)
    .selectAll()
    .$if(beforeId !== undefined, (q) => q.where('id', '<', beforeId!))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

export async function findNotification(db: Queryable, domainId: string, id: number): Promise<StoredNotification | null> {
  const row = await db.selectFrom('notifications').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

/** Marks the recipient's notifications read: those listed (others' ids change nothing), or all. */
export async function markNotificationsRead(db: Queryable, domainId: string, recipientId: number, ids: number[] | 'all', at: Date): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ readAt: toDb.time(at) })
    .where('domainId', '=', domainId)
    .where('recipientId', '=', recipientId)
    .where('readAt', 'is', null)
    .$if(ids !== 'all', (q) => q.where('id', 'in', ids as number[]))
    .execute();
}

/** Removes notifications made before `cutoff`, in every domain; returns how many. */
export async function deleteNotificationsBefore(db: Queryable, cutoff: Date): Promise<number> {
  const r = await db.deleteFrom('notifications').where('createdAt', '<', toDb.time(cutoff)).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- E-mail ----

export async function emailChoice(db: Queryable, domainId: string, userId: number): Promise<boolean> {
  const row = await db.selectFrom('userNotificationSettings').select('email').where('domainId', '=', domainId).where('userId', '=', userId).executeTakeFirst();
  return fromDb.bool(row?.email);
}

export async function setEmailChoice(db: Queryable, domainId: string, userId: number, email: boolean): Promise<void> {
  const value = toDb.bool(dialectOf(db), email);
  await db
    .insertInto('userNotificationSettings')
    .values({ domainId, userId, email: value })
    .onConflict((oc) => oc.columns(['domainId', 'userId']).doUpdateSet({ email: value }))
    .execute();
}

export interface MailRecipient {
  id: number;
  code: string;
  name: string;
  email: string;
  locale: 'ja' | 'en';
  kind: 'user' | 'guest';
  isAdmin: boolean;
}

/** Of these users, the valid ones who chose to get notifications by e-mail. */
export async function mailRecipients(db: Queryable, domainId: string, userIds: number[]): Promise<MailRecipient[]> {
  const kind = dialectOf(db);
  const out: MailRecipient[] = [];
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom('users as u')
      .innerJoin('userNotificationSettings as s', (j) => j.onRef('s.domainId', '=', 'u.domainId').onRef('s.userId', '=', 'u.id'))
      .select(['u.id', 'u.code', 'u.name', 'u.email', 'u.locale', 'u.kind', 'u.isAdmin'])
      .where('u.domainId', '=', domainId)
      .where('u.id', 'in', userIds.slice(i, i + 1000))
      .where('u.valid', '=', toDb.bool(kind, true))
      .where('s.email', '=', toDb.bool(kind, true))
      .execute();
    for (const r of rows) out.push({ id: Number(r.id), code: r.code, name: r.name, email: r.email, locale: r.locale, kind: r.kind, isAdmin: fromDb.bool(r.isAdmin) });
  }
  return out;
}

// ---- Facts the fan-out needs ----

/** Everyone who has commented on a record (0 for API tokens). */
export async function commenterIds(db: Queryable, domainId: string, appId: number, recordId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('recordComments')
    .select('creatorId')
    .distinct()
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('recordId', '=', recordId)
    .execute();
  return rows.map((r) => Number(r.creatorId));
}

export interface CommentText {
  text: string;
  mentions: Mention[];
}

/** Comments of an app's records by `recordId:commentId`. */
export async function findComments(db: Queryable, domainId: string, appId: number, keys: Array<{ recordId: number; commentId: number }>): Promise<Map<string, CommentText>> {
  const out = new Map<string, CommentText>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('recordComments')
    .select(['recordId', 'id', 'text', 'mentions'])
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('recordId', 'in', [...new Set(keys.map((k) => k.recordId))])
    .where('id', 'in', [...new Set(keys.map((k) => k.commentId))])
    .execute();
  for (const r of rows) out.set(`${r.recordId}:${r.id}`, { text: r.text, mentions: fromDb.json<Mention[]>(r.mentions, []) });
  return out;
}
