import type { Selectable } from 'kysely';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { fromDb } from './dialect.js';
import type { GroupsTable } from './tables/directory.table.js';
import { type User, codeKey, toUser } from './users.repo.js';

export interface Group {
  domainId: string;
  id: number;
  code: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toGroup(row: Selectable<GroupsTable>): Group {
  return {
    domainId: row.domainId,
    id: Number(row.id),
    code: row.code,
    name: row.name,
    description: row.description,
    createdAt: fromDb.time(row.createdAt),
    updatedAt: fromDb.time(row.updatedAt),
  };
}

export interface DirectoryFilter {
  ids?: number[];
  codes?: string[];
  offset: number;
  size: number;
}

export interface Page {
  offset: number;
  size: number;
}

/** Groups in scope, oldest first (kintone lists groups by id). */
export async function listGroups(db: Queryable, scope: Scope<'groups'>, filter: DirectoryFilter): Promise<Group[]> {
  if (!scope.all) return [];
  let q = db.selectFrom('groups').selectAll().where('domainId', '=', scope.domainId);
  // An empty filter list matches nothing rather than everything.
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.codes) q = q.where('codeKey', 'in', filter.codes.length ? filter.codes.map(codeKey) : ['']);
  const rows = await q.orderBy('id', 'asc').offset(filter.offset).limit(filter.size).execute();
  return rows.map(toGroup);
}

export async function findGroupByCode(db: Queryable, scope: Scope<'groups'>, code: string): Promise<Group | null> {
  const [group] = await listGroups(db, scope, { codes: [code], offset: 0, size: 1 });
  return group ?? null;
}

/** The groups a user belongs to; replacement caps them at 100, so one call returns them all. */
export async function listGroupsOfUser(db: Queryable, scope: Scope<'groups'>, userId: number): Promise<Group[]> {
  if (!scope.all) return [];
  const rows = await db
    .selectFrom('groups')
    .selectAll()
    .where('domainId', '=', scope.domainId)
    .where('id', 'in', (eb) =>
      eb.selectFrom('groupUsers').select('groupId').where('domainId', '=', scope.domainId).where('userId', '=', userId),
    )
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toGroup);
}

/** A group's members by sort order (unset last, in both databases), then id. */
export async function listGroupMembers(db: Queryable, scope: Scope<'users'>, groupId: number, page: Page): Promise<User[]> {
  if (!scope.all) return [];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('domainId', '=', scope.domainId)
    .where('kind', '=', 'user')
    .where('id', 'in', (eb) =>
      eb.selectFrom('groupUsers').select('userId').where('domainId', '=', scope.domainId).where('groupId', '=', groupId),
    )
    .orderBy((eb) => eb('sortOrder', 'is', null))
    .orderBy('sortOrder', 'asc')
    .orderBy('id', 'asc')
    .offset(page.offset)
    .limit(page.size)
    .execute();
  return rows.map(toUser);
}

/** Groups of one domain by code, keyed by `codeKey`; for commands, which act domain-wide. */
export async function loadGroupsByCodes(db: Queryable, domainId: string, codes: string[]): Promise<Map<string, Group>> {
  const keys = [...new Set(codes.map(codeKey))];
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('groups').selectAll().where('domainId', '=', domainId).where('codeKey', 'in', keys).execute();
  return new Map(rows.map((r) => [r.codeKey, toGroup(r)]));
}

/** Which of `keys` are taken by a group of the domain. */
export async function takenGroupKeys(db: Queryable, domainId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('groups').select('codeKey').where('domainId', '=', domainId).where('codeKey', 'in', keys).execute();
  return new Set(rows.map((r) => r.codeKey));
}

/** Current group codes of each user, for commands that replace them and record what changed. */
export async function groupCodesOfUsers(db: Queryable, domainId: string, userIds: number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('groupUsers as gu')
    .innerJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'gu.domainId').onRef('g.id', '=', 'gu.groupId'))
    .select(['gu.userId', 'g.code'])
    .where('gu.domainId', '=', domainId)
    .where('gu.userId', 'in', userIds)
    .orderBy('g.id')
    .execute();
  for (const r of rows) result.get(Number(r.userId))?.push(r.code);
  return result;
}
