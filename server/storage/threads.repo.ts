// Rows of threads and their followers, and the facts of a space that threads need. Every
// statement names the domain; whether the caller may reach a thread is decided before
// (server/domain/threads/thread-access.ts). Comments and likes: thread-comments.repo.ts.
import type { Selectable } from 'kysely';
import { MAX_ID } from '../../common/api/params.js';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { SpaceThreadsTable } from './tables/spaces.table.js';

/** What threads need to know of their space beyond the policy's facts. */
export interface ThreadSpace {
  id: number;
  name: string;
  isGuest: boolean;
  isPrivate: boolean;
  useMultiThread: boolean;
  defaultThreadId: number | null;
}

export interface StoredThread {
  id: number;
  spaceId: number;
  name: string;
  body: string | null;
  creatorId: number;
  createdAt: Date;
  modifierId: number;
  modifiedAt: Date;
}

export async function findThreadSpace(db: Queryable, domainId: string, spaceId: number): Promise<ThreadSpace | null> {
  const row = await db
    .selectFrom('spaces')
    .select(['id', 'name', 'isGuest', 'isPrivate', 'useMultiThread', 'defaultThreadId'])
    .where('domainId', '=', domainId)
    .where('id', '=', spaceId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: Number(row.id),
    name: row.name,
    isGuest: fromDb.bool(row.isGuest),
    isPrivate: fromDb.bool(row.isPrivate),
    useMultiThread: fromDb.bool(row.useMultiThread),
    defaultThreadId: row.defaultThreadId == null ? null : Number(row.defaultThreadId),
  };
}

// ---- Threads ----

function toThread(row: Selectable<SpaceThreadsTable>): StoredThread {
  return {
    id: Number(row.id),
    spaceId: Number(row.spaceId),
    name: row.name,
    body: row.body,
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
    modifierId: Number(row.modifierId),
    modifiedAt: fromDb.time(row.modifiedAt),
  };
}

export async function findThread(db: Queryable, domainId: string, id: number): Promise<StoredThread | null> {
  if (id > MAX_ID) return null;
  const row = await db.selectFrom('spaceThreads').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return row ? toThread(row) : null;
}

export async function findThreadsByIds(db: Queryable, domainId: string, ids: number[]): Promise<Map<number, StoredThread>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('spaceThreads').selectAll().where('domainId', '=', domainId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), toThread(r)]));
}

export async function insertThread(db: Queryable, domainId: string, t: StoredThread): Promise<void> {
  await db
    .insertInto('spaceThreads')
    .values({
      domainId,
      id: t.id,
      spaceId: t.spaceId,
      name: t.name,
      body: t.body,
      creatorId: t.creatorId,
      createdAt: toDb.time(t.createdAt),
      modifierId: t.modifierId,
      modifiedAt: toDb.time(t.modifiedAt),
    })
    .execute();
}

export async function updateThread(
  db: Queryable,
  domainId: string,
  id: number,
  change: { name?: string; body?: string; modifierId: number; modifiedAt: Date },
): Promise<void> {
  await db
    .updateTable('spaceThreads')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.body !== undefined ? { body: change.body } : {}),
      modifierId: change.modifierId,
      modifiedAt: toDb.time(change.modifiedAt),
    })
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a thread; its followers, comments and likes go with it (foreign keys). */
export async function deleteThread(db: Queryable, domainId: string, id: number): Promise<void> {
  await db.deleteFrom('spaceThreads').where('domainId', '=', domainId).where('id', '=', id).execute();
}

export async function countThreads(db: Queryable, domainId: string, spaceId: number): Promise<number> {
  const row = await db
    .selectFrom('spaceThreads')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('domainId', '=', domainId)
    .where('spaceId', '=', spaceId)
    .executeTakeFirst();
  return fromDb.count(row?.n as number | string | undefined);
}

/** A space's threads, newest first. */
export async function listThreads(db: Queryable, domainId: string, spaceId: number, offset: number, limit: number): Promise<StoredThread[]> {
  const rows = await db
    .selectFrom('spaceThreads')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('spaceId', '=', spaceId)
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toThread);
}

// ---- Followers ----

export async function setFollowing(db: Queryable, domainId: string, threadId: number, userId: number, follow: boolean): Promise<void> {
  if (!follow) {
    await db.deleteFrom('threadFollowers').where('domainId', '=', domainId).where('threadId', '=', threadId).where('userId', '=', userId).execute();
    return;
  }
  await db
    .insertInto('threadFollowers')
    .values({ domainId, threadId, userId })
    .onConflict((oc) => oc.columns(['domainId', 'threadId', 'userId']).doNothing())
    .execute();
}

export async function followerIds(db: Queryable, domainId: string, threadId: number): Promise<number[]> {
  const rows = await db.selectFrom('threadFollowers').select('userId').where('domainId', '=', domainId).where('threadId', '=', threadId).execute();
  return rows.map((r) => Number(r.userId));
}

/** Of these threads, those the user follows. */
export async function followedAmong(db: Queryable, domainId: string, userId: number, threadIds: number[]): Promise<Set<number>> {
  if (threadIds.length === 0 || userId <= 0) return new Set();
  const rows = await db
    .selectFrom('threadFollowers')
    .select('threadId')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('threadId', 'in', threadIds)
    .execute();
  return new Set(rows.map((r) => Number(r.threadId)));
}

// ---- People of a space (for "notify everyone") ----

export interface SpaceMemberRef {
  type: 'USER' | 'GROUP' | 'ORGANIZATION';
  /** User rows by id; groups and departments by code ('everyone' for group 0). */
  userId?: number;
  code?: string;
  includeSubs: boolean;
}

export async function spaceMemberRefs(db: Queryable, domainId: string, spaceId: number): Promise<SpaceMemberRef[]> {
  const rows = await db
    .selectFrom('spaceMembers as m')
    .leftJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'm.domainId').onRef('g.id', '=', 'm.entityId').on('m.entityType', '=', 'GROUP'))
    .leftJoin('organizations as o', (j) => j.onRef('o.domainId', '=', 'm.domainId').onRef('o.id', '=', 'm.entityId').on('m.entityType', '=', 'ORGANIZATION'))
    .select(['m.entityType', 'm.entityId', 'm.includeSubs', 'g.code as groupCode', 'o.code as orgCode'])
    .where('m.domainId', '=', domainId)
    .where('m.spaceId', '=', spaceId)
    .execute();
  return rows.flatMap((r): SpaceMemberRef[] => {
    const includeSubs = fromDb.bool(r.includeSubs);
    if (r.entityType === 'USER') return [{ type: 'USER', userId: Number(r.entityId), includeSubs }];
    if (r.entityType === 'GROUP') {
      const code = Number(r.entityId) === 0 ? 'everyone' : r.groupCode;
      return code ? [{ type: 'GROUP', code, includeSubs }] : [];
    }
    return r.orgCode ? [{ type: 'ORGANIZATION', code: r.orgCode, includeSubs }] : [];
  });
}
