// Spaces, their member rows, favourites, and removing a space with everything in it. Who may
// see or change a space is decided before these run (server/domain/spaces/space-access.ts).
import type { Selectable, Updateable } from 'kysely';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import type { MemberEntityType, SpacesTable } from './tables/spaces.table.js';

/** The sequence space_threads ids come from; every writer of threads must take from it. */
export const THREAD_SEQUENCE = 'thread';
export const SPACE_SEQUENCE = 'space';
/** Member rows name the group of every user with this group id. */
export const EVERYONE_GROUP_ID = 0;

export interface Space {
  domainId: string;
  id: number;
  name: string;
  isGuest: boolean;
  isPrivate: boolean;
  useMultiThread: boolean;
  fixedMember: boolean;
  showAnnouncement: boolean;
  showThreadList: boolean;
  showAppList: boolean;
  showMemberList: boolean;
  showRelatedLinkList: boolean;
  createApp: 'EVERYONE' | 'ADMIN';
  body: string | null;
  coverType: 'PRESET' | 'BLOB';
  coverKey: string;
  defaultThreadId: number | null;
  creatorId: number;
  createdAt: Date;
  modifierId: number;
  modifiedAt: Date;
}

const FLAGS = [
  'isGuest',
  'isPrivate',
  'useMultiThread',
  'fixedMember',
  'showAnnouncement',
  'showThreadList',
  'showAppList',
  'showMemberList',
  'showRelatedLinkList',
] as const;
type Flag = (typeof FLAGS)[number];

function toSpace(row: Selectable<SpacesTable>): Space {
  const flags = Object.fromEntries(FLAGS.map((f) => [f, fromDb.bool(row[f])])) as Record<Flag, boolean>;
  return {
    domainId: row.domainId,
    id: Number(row.id),
    name: row.name,
    ...flags,
    createApp: row.createApp,
    body: row.body,
    coverType: row.coverType,
    coverKey: row.coverKey,
    defaultThreadId: row.defaultThreadId == null ? null : Number(row.defaultThreadId),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
    modifierId: Number(row.modifierId),
    modifiedAt: fromDb.time(row.modifiedAt),
  };
}

export type SpaceChange = Partial<Pick<Space, Exclude<Flag, 'isGuest'> | 'name' | 'createApp' | 'body' | 'coverType' | 'coverKey'>>;

function changeToDb(db: Queryable, change: SpaceChange): Updateable<SpacesTable> {
  const kind = dialectOf(db);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(change)) if (v !== undefined) out[k] = typeof v === 'boolean' ? toDb.bool(kind, v) : v;
  return out as Updateable<SpacesTable>;
}

export async function insertSpace(db: Queryable, space: Space): Promise<void> {
  const kind = dialectOf(db);
  const flags = Object.fromEntries(FLAGS.map((f) => [f, toDb.bool(kind, space[f])]));
  await db
    .insertInto('spaces')
    .values({
      ...space,
      ...flags,
      relatedLinks: toDb.json([]),
      createdAt: toDb.time(space.createdAt),
      modifiedAt: toDb.time(space.modifiedAt),
    })
    .execute();
}

export async function findSpace(db: Queryable, domainId: string, id: number): Promise<Space | null> {
  const row = await db.selectFrom('spaces').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return row ? toSpace(row) : null;
}

export async function findSpaces(db: Queryable, domainId: string, ids: number[]): Promise<Map<number, Space>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('spaces').selectAll().where('domainId', '=', domainId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), toSpace(r)]));
}

export async function updateSpace(db: Queryable, domainId: string, id: number, change: SpaceChange, modifierId: number, at: Date): Promise<void> {
  await db
    .updateTable('spaces')
    .set({ ...changeToDb(db, change), modifierId, modifiedAt: toDb.time(at) })
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .execute();
}

export async function setDefaultThread(db: Queryable, domainId: string, spaceId: number, threadId: number): Promise<void> {
  await db.updateTable('spaces').set({ defaultThreadId: threadId }).where('domainId', '=', domainId).where('id', '=', spaceId).execute();
}

export async function insertThread(
  db: Queryable,
  t: { domainId: string; id: number; spaceId: number; name: string; creatorId: number; at: Date },
): Promise<void> {
  const at = toDb.time(t.at);
  await db
    .insertInto('spaceThreads')
    .values({ domainId: t.domainId, id: t.id, spaceId: t.spaceId, name: t.name, body: null, creatorId: t.creatorId, createdAt: at, modifierId: t.creatorId, modifiedAt: at })
    .execute();
}

export interface MemberRow {
  entityType: MemberEntityType;
  entityId: number;
  isAdmin: boolean;
  includeSubs: boolean;
}

/** A member row with what it names: code null when the user, group or department is gone. */
export interface StoredMember extends MemberRow {
  code: string | null;
  /** Users: active (not suspended). Groups and departments: always true. */
  valid: boolean;
}

export async function replaceSpaceMembers(db: Queryable, domainId: string, spaceId: number, rows: MemberRow[]): Promise<void> {
  await db.deleteFrom('spaceMembers').where('domainId', '=', domainId).where('spaceId', '=', spaceId).execute();
  await insertMembers(db, domainId, spaceId, rows);
}

export async function insertMembers(db: Queryable, domainId: string, spaceId: number, rows: MemberRow[]): Promise<void> {
  if (rows.length === 0) return;
  const kind = dialectOf(db);
  await db
    .insertInto('spaceMembers')
    .values(rows.map((r) => ({ domainId, spaceId, ...r, isAdmin: toDb.bool(kind, r.isAdmin), includeSubs: toDb.bool(kind, r.includeSubs) })))
    // Two joins racing: the second finds the row there and changes nothing.
    .onConflict((oc) => oc.columns(['domainId', 'spaceId', 'entityType', 'entityId']).doNothing())
    .execute();
}

export async function deleteUserMember(db: Queryable, domainId: string, spaceId: number, userId: number): Promise<void> {
  await db
    .deleteFrom('spaceMembers')
    .where('domainId', '=', domainId)
    .where('spaceId', '=', spaceId)
    .where('entityType', '=', 'USER')
    .where('entityId', '=', userId)
    .execute();
}

const TYPE_ORDER: Record<MemberEntityType, number> = { USER: 0, GROUP: 1, ORGANIZATION: 2 };

/** The member rows of a space: users, then groups, then departments, each by id. */
export async function loadSpaceMembers(db: Queryable, domainId: string, spaceId: number): Promise<StoredMember[]> {
  const rows = await db
    .selectFrom('spaceMembers as m')
    .leftJoin('users as u', (j) => j.onRef('u.domainId', '=', 'm.domainId').onRef('u.id', '=', 'm.entityId').on('m.entityType', '=', 'USER'))
    .leftJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'm.domainId').onRef('g.id', '=', 'm.entityId').on('m.entityType', '=', 'GROUP'))
    .leftJoin('organizations as o', (j) => j.onRef('o.domainId', '=', 'm.domainId').onRef('o.id', '=', 'm.entityId').on('m.entityType', '=', 'ORGANIZATION'))
    .select(['m.entityType', 'm.entityId', 'm.isAdmin', 'm.includeSubs', 'u.code as userCode', 'u.valid', 'u.kind', 'g.code as groupCode', 'o.code as orgCode'])
    .where('m.domainId', '=', domainId)
    .where('m.spaceId', '=', spaceId)
    .execute();
  return rows
    .map((r) => {
      const everyone = r.entityType === 'GROUP' && Number(r.entityId) === EVERYONE_GROUP_ID;
      const user = r.entityType === 'USER';
      return {
        entityType: r.entityType,
        entityId: Number(r.entityId),
        isAdmin: fromDb.bool(r.isAdmin),
        includeSubs: fromDb.bool(r.includeSubs),
        code: everyone ? 'everyone' : ((user && r.kind !== 'user' ? null : (r.userCode ?? r.groupCode ?? r.orgCode)) ?? null),
        valid: user ? fromDb.bool(r.valid) : true,
      };
    })
    .sort((a, b) => TYPE_ORDER[a.entityType] - TYPE_ORDER[b.entityType] || a.entityId - b.entityId);
}

/** Active regular users: every one (`ids` 'all') or those among `ids`, by id. */
export async function activeUsers(db: Queryable, domainId: string, ids: number[] | 'all'): Promise<Map<number, { code: string; name: string }>> {
  if (ids !== 'all' && ids.length === 0) return new Map();
  let q = db
    .selectFrom('users')
    .select(['id', 'code', 'name'])
    .where('domainId', '=', domainId)
    .where('kind', '=', 'user')
    .where('valid', '=', toDb.bool(dialectOf(db), true));
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const rows = await q.orderBy('id').execute();
  return new Map(rows.map((r) => [Number(r.id), { code: r.code, name: r.name }]));
}

/** The users of each group, as user ids. */
export async function usersOfGroups(db: Queryable, domainId: string, groupIds: number[]): Promise<Array<{ groupId: number; userId: number }>> {
  if (groupIds.length === 0) return [];
  const rows = await db.selectFrom('groupUsers').select(['groupId', 'userId']).where('domainId', '=', domainId).where('groupId', 'in', groupIds).execute();
  return rows.map((r) => ({ groupId: Number(r.groupId), userId: Number(r.userId) }));
}

/** The users of each department (not of those below it), as user ids. */
export async function usersOfOrganizations(db: Queryable, domainId: string, orgIds: number[]): Promise<Array<{ orgId: number; userId: number }>> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('userOrganizations')
    .select(['organizationId', 'userId'])
    .where('domainId', '=', domainId)
    .where('organizationId', 'in', orgIds)
    .execute();
  return rows.map((r) => ({ orgId: Number(r.organizationId), userId: Number(r.userId) }));
}

export async function setSpaceFavourite(db: Queryable, domainId: string, userId: number, spaceId: number, on: boolean, at: Date): Promise<void> {
  await db.deleteFrom('spaceFavourites').where('domainId', '=', domainId).where('userId', '=', userId).where('spaceId', '=', spaceId).execute();
  if (!on) return;
  await db
    .insertInto('spaceFavourites')
    .values({ domainId, userId, spaceId, createdAt: toDb.time(at) })
    .onConflict((oc) => oc.columns(['domainId', 'userId', 'spaceId']).doNothing())
    .execute();
}

export async function favouriteSpaceIds(db: Queryable, domainId: string, userId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('spaceFavourites').select('spaceId').where('domainId', '=', domainId).where('userId', '=', userId).execute();
  return new Set(rows.map((r) => Number(r.spaceId)));
}

/** The stored file behind a BLOB cover: marked as the space's, so deleting the space finds it. */
export async function markCoverFile(db: Queryable, domainId: string, fileId: string, spaceId: number): Promise<void> {
  await db.updateTable('files').set({ spaceId }).where('domainId', '=', domainId).where('id', '=', fileId).execute();
}

/** Deletes stored files by id; returns the ids whose bytes are now unreferenced. */
export async function deleteFileRows(db: Queryable, domainId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.deleteFrom('files').where('domainId', '=', domainId).where('id', 'in', ids).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function appIdsOfSpace(db: Queryable, domainId: string, spaceId: number): Promise<number[]> {
  const rows = await db.selectFrom('apps').select('id').where('domainId', '=', domainId).where('spaceId', '=', spaceId).execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Deletes a space and everything in it, in the caller's transaction: its apps (definitions,
 * deploys, records with their comments and history, tokens, reminder marks and notifications
 * cascade from apps), the rows that do not cascade (cursors, the search index, files of records,
 * threads and the cover, notifications of threads), then the space (members, guests, threads
 * with followers, comments and likes, favourites cascade). Returns the ids of files whose bytes
 * may go once the transaction commits.
 */
export async function deleteSpaceAndContents(db: Queryable, domainId: string, spaceId: number, appIds: number[]): Promise<string[]> {
  const files = await db
    .deleteFrom('files')
    .where('domainId', '=', domainId)
    .where((eb) => (appIds.length ? eb.or([eb('spaceId', '=', spaceId), eb('appId', 'in', appIds)]) : eb('spaceId', '=', spaceId)))
    .returning('id')
    .execute();
  if (appIds.length) {
    await db.deleteFrom('recordCursors').where('domainId', '=', domainId).where('appId', 'in', appIds).execute();
    await db.deleteFrom('recordSearch').where('domainId', '=', domainId).where('appId', 'in', appIds).execute();
    await db.deleteFrom('apps').where('domainId', '=', domainId).where('id', 'in', appIds).execute();
  }
  await db.deleteFrom('notifications').where('domainId', '=', domainId).where('spaceId', '=', spaceId).execute();
  await db.deleteFrom('spaces').where('domainId', '=', domainId).where('id', '=', spaceId).execute();
  return files.map((r) => r.id);
}
