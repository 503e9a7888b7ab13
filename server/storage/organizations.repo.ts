import type { Selectable } from 'kysely';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { fromDb } from './dialect.js';
import type { DirectoryFilter, Page } from './groups.repo.js';
import type { OrganizationsTable } from './tables/directory.table.js';
import { type User, codeKey, toUser } from './users.repo.js';

export interface Organization {
  domainId: string;
  id: number;
  code: string;
  name: string;
  description: string;
  parentId: number | null;
  parentCode: string | null;
  sortOrder: number | null;
  createdAt: Date;
  updatedAt: Date;
}

type OrganizationRow = Selectable<OrganizationsTable> & { parentCode: string | null };

export function toOrganization(row: OrganizationRow): Organization {
  return {
    domainId: row.domainId,
    id: Number(row.id),
    code: row.code,
    name: row.name,
    description: row.description,
    parentId: row.parentId == null ? null : Number(row.parentId),
    parentCode: row.parentCode ?? null,
    sortOrder: row.sortOrder == null ? null : Number(row.sortOrder),
    createdAt: fromDb.time(row.createdAt),
    updatedAt: fromDb.time(row.updatedAt),
  };
}

/** Organisations of one domain with their parent's code; the parent is always of the same domain. */
function withParent(db: Queryable, domainId: string) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as p', (j) => j.onRef('p.domainId', '=', 'o.domainId').onRef('p.id', '=', 'o.parentId'))
    .selectAll('o')
    .select('p.code as parentCode')
    .where('o.domainId', '=', domainId);
}

/** Organisations in scope by sort order (unset last, in both databases), then id. */
export async function listOrganizations(
  db: Queryable,
  scope: Scope<'organizations'>,
  filter: DirectoryFilter,
): Promise<Organization[]> {
  if (!scope.all) return [];
  let q = withParent(db, scope.domainId);
  // An empty filter list matches nothing rather than everything.
  if (filter.ids) q = q.where('o.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.codes) q = q.where('o.codeKey', 'in', filter.codes.length ? filter.codes.map(codeKey) : ['']);
  const rows = await q
    .orderBy((eb) => eb('o.sortOrder', 'is', null))
    .orderBy('o.sortOrder', 'asc')
    .orderBy('o.id', 'asc')
    .offset(filter.offset)
    .limit(filter.size)
    .execute();
  return rows.map(toOrganization);
}

export async function findOrganizationByCode(
  db: Queryable,
  scope: Scope<'organizations'>,
  code: string,
): Promise<Organization | null> {
  const [org] = await listOrganizations(db, scope, { codes: [code], offset: 0, size: 1 });
  return org ?? null;
}

/** The organisations a user belongs to; replacement caps them at 100, so one call returns them all. */
export async function listOrganizationsOfUser(
  db: Queryable,
  scope: Scope<'organizations'>,
  userId: number,
): Promise<Organization[]> {
  if (!scope.all) return [];
  const rows = await withParent(db, scope.domainId)
    .where('o.id', 'in', (eb) =>
      eb
        .selectFrom('userOrganizations')
        .select('organizationId')
        .where('domainId', '=', scope.domainId)
        .where('userId', '=', userId),
    )
    .orderBy((eb) => eb('o.sortOrder', 'is', null))
    .orderBy('o.sortOrder', 'asc')
    .orderBy('o.id', 'asc')
    .execute();
  return rows.map(toOrganization);
}

/**
 * Members of an organisation and, with `includeSubs`, of every organisation below it. A user in
 * several of them is listed once. The tree is walked in SQL so paging stays in the database.
 */
export async function listOrganizationMembers(
  db: Queryable,
  scope: Scope<'users'>,
  organizationId: number,
  page: Page & { includeSubs: boolean },
): Promise<User[]> {
  if (!scope.all) return [];
  const domainId = scope.domainId;
  const rows = await db
    .withRecursive('subtree(id)', (qb) => {
      const root = qb.selectFrom('organizations').select('id').where('domainId', '=', domainId).where('id', '=', organizationId);
      // UNION (not UNION ALL) ends the walk even if stored rows ever formed a loop.
      return page.includeSubs
        ? root.union((u) =>
            u
              .selectFrom('organizations as c')
              .innerJoin('subtree', 'subtree.id', 'c.parentId')
              .select('c.id')
              .where('c.domainId', '=', domainId),
          )
        : root;
    })
    .selectFrom('users')
    .selectAll('users')
    .where('users.domainId', '=', domainId)
    .where('users.kind', '=', 'user')
    .where('users.id', 'in', (eb) =>
      eb
        .selectFrom('userOrganizations')
        .select('userOrganizations.userId')
        .where('userOrganizations.domainId', '=', domainId)
        .where('userOrganizations.organizationId', 'in', (eb2) => eb2.selectFrom('subtree').select('subtree.id')),
    )
    .orderBy((eb) => eb('users.sortOrder', 'is', null))
    .orderBy('users.sortOrder', 'asc')
    .orderBy('users.id', 'asc')
    .offset(page.offset)
    .limit(page.size)
    .execute();
  return rows.map(toUser);
}

/** Organisations of one domain by code, keyed by `codeKey`; for commands, which act domain-wide. */
export async function loadOrganizationsByCodes(
  db: Queryable,
  domainId: string,
  codes: string[],
): Promise<Map<string, Organization>> {
  const keys = [...new Set(codes.map(codeKey))];
  if (keys.length === 0) return new Map();
  const rows = await withParent(db, domainId).where('o.codeKey', 'in', keys).execute();
  return new Map(rows.map((r) => [r.codeKey, toOrganization(r)]));
}

/** Which of `keys` are taken by an organisation of the domain. */
export async function takenOrganizationKeys(db: Queryable, domainId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('codeKey')
    .where('domainId', '=', domainId)
    .where('codeKey', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.codeKey));
}

/** The whole tree of a domain as child → parent; small (one row per department). */
export async function loadOrganizationParents(db: Queryable, domainId: string): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('organizations').select(['id', 'parentId']).where('domainId', '=', domainId).execute();
  return new Map(rows.map((r) => [Number(r.id), r.parentId == null ? null : Number(r.parentId)]));
}

/** Ids among `ids` that still have a child organisation outside `ids`. */
export async function organizationsWithChildren(db: Queryable, domainId: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('parentId')
    .distinct()
    .where('domainId', '=', domainId)
    .where('parentId', 'in', ids)
    .where('id', 'not in', ids)
    .execute();
  return new Set(rows.map((r) => Number(r.parentId)));
}

/** Current organisation codes of each user, for commands that replace them and record what changed. */
export async function organizationCodesOfUsers(
  db: Queryable,
  domainId: string,
  userIds: number[],
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('userOrganizations as uo')
    .innerJoin('organizations as o', (j) => j.onRef('o.domainId', '=', 'uo.domainId').onRef('o.id', '=', 'uo.organizationId'))
    .select(['uo.userId', 'o.code'])
    .where('uo.domainId', '=', domainId)
    .where('uo.userId', 'in', userIds)
    .orderBy('o.id')
    .execute();
  for (const r of rows) result.get(Number(r.userId))?.push(r.code);
  return result;
}
