// Guest accounts: rows of `users` with kind = 'guest' and a guest_profiles row each, and their
// places in guest spaces (space_guests). Guests are looked up by account code (`guest/<e-mail>`),
// which callers build; a regular user's login never matches one.
import type { Selectable } from 'kysely';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import type { GuestProfilesTable } from './tables/spaces.table.js';
import { type User, codeKey, loadAccountsByCodes, toUser } from './users.repo.js';

export interface GuestProfile {
  company: string;
  division: string;
  callto: string;
  surNameReading: string;
  givenNameReading: string;
  imageFileId: string | null;
  firstLoginAt: Date | null;
}

export interface Guest {
  user: User;
  profile: GuestProfile;
}

export type GuestProfileChange = Partial<Omit<GuestProfile, 'firstLoginAt'>>;

export interface NewGuestRow {
  id: number;
  code: string;
  name: string;
  email: string;
  passwordHash: string;
  locale: 'ja' | 'en';
  timezone: string;
  phone: string;
  profile: Omit<GuestProfile, 'firstLoginAt'>;
}

function toProfile(row: Selectable<GuestProfilesTable>): GuestProfile {
  return {
    company: row.company,
    division: row.division,
    callto: row.callto,
    surNameReading: row.surNameReading,
    givenNameReading: row.givenNameReading,
    imageFileId: row.imageFileId,
    firstLoginAt: fromDb.timeOrNull(row.firstLoginAt),
  };
}

/** Guest accounts by account code (case-insensitive), keyed by the lower-cased code. */
export function loadGuestsByCodes(db: Queryable, domainId: string, codes: string[]): Promise<Map<string, User>> {
  return loadAccountsByCodes(db, domainId, 'guest', codes);
}

/** Which of these account codes are taken (by anyone), as lower-cased codes. */
export async function takenCodes(db: Queryable, domainId: string, codes: string[]): Promise<Set<string>> {
  const keys = [...new Set(codes.map(codeKey))];
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('codeKey').where('domainId', '=', domainId).where('codeKey', 'in', keys).execute();
  return new Set(rows.map((r) => r.codeKey));
}

export async function insertGuests(db: Queryable, domainId: string, guests: NewGuestRow[], now: Date): Promise<void> {
  if (guests.length === 0) return;
  const dialect = dialectOf(db);
  const at = toDb.time(now);
  await db
    .insertInto('users')
    .values(
      guests.map((g) => ({
        domainId,
        id: g.id,
        kind: 'guest' as const,
        code: g.code,
        codeKey: codeKey(g.code),
        name: g.name,
        email: g.email,
        passwordHash: g.passwordHash,
        locale: g.locale,
        timezone: g.timezone,
        valid: toDb.bool(dialect, true),
        isAdmin: toDb.bool(dialect, false),
        description: '',
        phone: g.phone,
        primaryOrganizationId: null,
        sortOrder: null,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        passwordChangedAt: at,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .execute();
  await db
    .insertInto('guestProfiles')
    .values(guests.map((g) => ({ domainId, userId: g.id, ...g.profile, firstLoginAt: null })))
    .execute();
}

export async function findGuestProfile(db: Queryable, domainId: string, userId: number): Promise<GuestProfile | null> {
  const row = await db.selectFrom('guestProfiles').selectAll().where('domainId', '=', domainId).where('userId', '=', userId).executeTakeFirst();
  return row ? toProfile(row) : null;
}

export async function updateGuestProfile(db: Queryable, domainId: string, userId: number, change: GuestProfileChange): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db.updateTable('guestProfiles').set(change).where('domainId', '=', domainId).where('userId', '=', userId).execute();
}

export interface GuestFilter {
  codes?: string[];
  offset: number;
  limit: number;
}

/** Guests in scope (administrators see all), oldest first, with their profiles. */
export async function listGuests(db: Queryable, scope: Scope<'users'>, filter: GuestFilter): Promise<Guest[]> {
  if (!scope.all) return [];
  let q = db
    .selectFrom('users as u')
    .innerJoin('guestProfiles as p', (j) => j.onRef('p.domainId', '=', 'u.domainId').onRef('p.userId', '=', 'u.id'))
    .selectAll('u')
    .select(['p.company', 'p.division', 'p.callto', 'p.surNameReading', 'p.givenNameReading', 'p.imageFileId', 'p.firstLoginAt'])
    .where('u.domainId', '=', scope.domainId)
    .where('u.kind', '=', 'guest');
  if (filter.codes) q = q.where('u.codeKey', 'in', filter.codes.length ? filter.codes.map(codeKey) : ['']);
  const rows = await q.orderBy('u.id').offset(filter.offset).limit(filter.limit).execute();
  return rows.map((r) => ({ user: toUser(r), profile: toProfile({ ...r, userId: r.id }) }));
}

/** The guest spaces each of these guests belongs to, by user id, in space id order. */
export async function guestSpacesOf(
  db: Queryable,
  domainId: string,
  userIds: number[],
): Promise<Map<number, Array<{ id: number; name: string }>>> {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('spaceGuests as g')
    .innerJoin('spaces as s', (j) => j.onRef('s.domainId', '=', 'g.domainId').onRef('s.id', '=', 'g.spaceId'))
    .select(['g.userId', 's.id', 's.name'])
    .where('g.domainId', '=', domainId)
    .where('g.userId', 'in', userIds)
    .orderBy('s.id')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.userId)) ?? [];
    list.push({ id: Number(r.id), name: r.name });
    out.set(Number(r.userId), list);
  }
  return out;
}

export async function spaceGuestIds(db: Queryable, domainId: string, spaceId: number): Promise<number[]> {
  const rows = await db.selectFrom('spaceGuests').select('userId').where('domainId', '=', domainId).where('spaceId', '=', spaceId).execute();
  return rows.map((r) => Number(r.userId));
}

export async function addSpaceGuests(db: Queryable, domainId: string, spaceId: number, userIds: number[], now: Date): Promise<void> {
  if (userIds.length === 0) return;
  const addedAt = toDb.time(now);
  await db
    .insertInto('spaceGuests')
    .values(userIds.map((userId) => ({ domainId, spaceId, userId, addedAt })))
    .execute();
}

/** Takes guests out of a space, with what tied them to it: thread follows and the favourite. */
export async function removeSpaceGuests(db: Queryable, domainId: string, spaceId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .deleteFrom('threadFollowers')
    .where('domainId', '=', domainId)
    .where('userId', 'in', userIds)
    .where('threadId', 'in', (eb) =>
      eb.selectFrom('spaceThreads').select('id').where('domainId', '=', domainId).where('spaceId', '=', spaceId),
    )
    .execute();
  await db.deleteFrom('spaceFavourites').where('domainId', '=', domainId).where('spaceId', '=', spaceId).where('userId', 'in', userIds).execute();
  await db.deleteFrom('spaceGuests').where('domainId', '=', domainId).where('spaceId', '=', spaceId).where('userId', 'in', userIds).execute();
}

/** Deletes guest accounts; profiles, memberships, follows and sessions go with the rows. */
export async function deleteGuestAccounts(db: Queryable, domainId: string, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.deleteFrom('sessions').where('domainId', '=', domainId).where('userId', 'in', userIds).execute();
  await db.deleteFrom('users').where('domainId', '=', domainId).where('kind', '=', 'guest').where('id', 'in', userIds).execute();
}

/** What a profile shows of its picture. */
export async function imageSummary(
  db: Queryable,
  domainId: string,
  fileId: string,
): Promise<{ name: string; contentType: string; size: number } | null> {
  const row = await db
    .selectFrom('files')
    .select(['name', 'contentType', 'size'])
    .where('domainId', '=', domainId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row ? { name: row.name, contentType: row.contentType, size: Number(row.size) } : null;
}

/** Deletes attached files by stored id (pictures no profile uses any more); returns the ids gone. */
export async function deleteFilesById(db: Queryable, domainId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .deleteFrom('files')
    .where('domainId', '=', domainId)
    .where('kind', '=', 'attached')
    .where('id', 'in', ids)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
