import type { Selectable } from 'kysely';
import type { Locale } from '../../common/access.js';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import type { UsersTable } from './tables/directory.table.js';

export interface User {
  domainId: string;
  id: number;
  kind: 'user' | 'guest';
  code: string;
  name: string;
  email: string;
  locale: Locale;
  timezone: string;
  valid: boolean;
  isAdmin: boolean;
  description: string;
  phone: string;
  primaryOrganizationId: number | null;
  sortOrder: number | null;
  failedLogins: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    domainId: row.domainId,
    id: Number(row.id),
    kind: row.kind,
    code: row.code,
    name: row.name,
    email: row.email,
    locale: row.locale,
    timezone: row.timezone,
    valid: fromDb.bool(row.valid),
    isAdmin: fromDb.bool(row.isAdmin),
    description: row.description,
    phone: row.phone,
    primaryOrganizationId: row.primaryOrganizationId == null ? null : Number(row.primaryOrganizationId),
    sortOrder: row.sortOrder == null ? null : Number(row.sortOrder),
    failedLogins: Number(row.failedLogins),
    lockedUntil: fromDb.timeOrNull(row.lockedUntil),
    lastLoginAt: fromDb.timeOrNull(row.lastLoginAt),
    passwordChangedAt: fromDb.time(row.passwordChangedAt),
    createdAt: fromDb.time(row.createdAt),
    updatedAt: fromDb.time(row.updatedAt),
  };
}

/** Login names are case-insensitive: `Alice` and `alice` are one account. */
export function codeKey(code: string): string {
  return code.normalize('NFC').toLowerCase();
}

export async function findUserByCode(
  db: Queryable,
  domainId: string,
  code: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('codeKey', '=', codeKey(code))
    .executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
}

export async function findUserById(db: Queryable, domainId: string, id: number): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export interface UserFilter {
  ids?: number[];
  codes?: string[];
  offset: number;
  size: number;
}

/** Regular users in scope, in kintone's order (sort order, then id). */
export async function listUsers(db: Queryable, scope: Scope<'users'>, filter: UserFilter): Promise<User[]> {
  if (!scope.all) return [];
  let q = db.selectFrom('users').selectAll().where('domainId', '=', scope.domainId).where('kind', '=', 'user');
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.codes) q = q.where('codeKey', 'in', filter.codes.length ? filter.codes.map(codeKey) : ['']);
  // Unset sort orders last on both databases (SQLite sorts NULL first, PostgreSQL last).
  const rows = await q
    .orderBy((eb) => eb('sortOrder', 'is', null))
    .orderBy('sortOrder', 'asc')
    .orderBy('id', 'asc').offset(filter.offset).limit(filter.size).execute();
  return rows.map(toUser);
}

export async function countAdmins(db: Queryable, domainId: string, excludingIds: number[] = []): Promise<number> {
  const yes = toDb.bool(dialectOf(db), true);
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('domainId', '=', domainId)
    .where('kind', '=', 'user')
    .where('isAdmin', '=', yes)
    .where('valid', '=', yes);
  if (excludingIds.length) q = q.where('id', 'not in', excludingIds);
  const row = await q.executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}

export async function countUsers(db: Queryable, domainId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('domainId', '=', domainId)
    .executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}

export async function findUserWithHash(
  db: Queryable,
  domainId: string,
  id: number,
): Promise<{ user: User; passwordHash: string } | null> {
  const row = await db.selectFrom('users').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
}

/** Accounts of one kind (users, or guests by `guest/<e-mail>`) by code, case-insensitive, keyed by the lower-cased code. */
export async function loadAccountsByCodes(db: Queryable, domainId: string, kind: User['kind'], codes: string[]): Promise<Map<string, User>> {
  const keys = [...new Set(codes.map(codeKey))];
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('kind', '=', kind)
    .where('codeKey', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.codeKey, toUser(r)]));
}

/** Regular users by login name (case-insensitive), keyed by the lower-cased code. */
export function loadUsersByCodes(db: Queryable, domainId: string, codes: string[]): Promise<Map<string, User>> {
  return loadAccountsByCodes(db, domainId, 'user', codes);
}

/** Code and name of users by id, for presenting creators and modifiers. */
export async function userNames(db: Queryable, domainId: string, ids: number[]): Promise<Map<number, { code: string; name: string }>> {
  const unique = [...new Set(ids)].filter((id) => id > 0);
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'code', 'name']).where('domainId', '=', domainId).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), { code: r.code, name: r.name }]));
}
