// The administrators' user search: containment in login name, display name or e-mail address,
// ASCII case folded alike in both databases, with the total for paging. Same order as listUsers.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import { jsonSql } from './json-sql.js';
import { type User, toUser } from './users.repo.js';

export interface UserSearch {
  q?: string | undefined;
  valid?: boolean | undefined;
  offset: number;
  size: number;
}

/** `%`, `_` and `\` typed by the administrator are themselves, never wildcards. */
function containsPattern(search: string): string {
  const folded = search.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchUsers(db: Queryable, scope: Scope<'users'>, search: UserSearch): Promise<{ users: User[]; totalCount: number }> {
  if (!scope.all) return { users: [], totalCount: 0 };
  const j = jsonSql(dialectOf(db));
  let base = db.selectFrom('users').where('domainId', '=', scope.domainId).where('kind', '=', 'user');
  if (search.valid !== undefined) base = base.where('valid', '=', toDb.bool(dialectOf(db), search.valid));
  if (search.q) {
    const pattern = containsPattern(search.q);
    const contains = (column: 'code' | 'name' | 'email'): RawBuilder<SqlBool> =>
      sql<SqlBool>`(${j.foldCase(sql<string>`${sql.ref(column)}`)} LIKE ${pattern} ESCAPE ${sql.lit('\\')})`;
    base = base.where((eb) => eb.or([contains('code'), contains('name'), contains('email')]));
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      // Unset sort orders last on both databases (SQLite sorts NULL first, PostgreSQL last).
      .orderBy((eb) => eb('sortOrder', 'is', null))
      .orderBy('sortOrder', 'asc')
      .orderBy('id', 'asc')
      .offset(search.offset)
      .limit(search.size)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { users: rows.map(toUser), totalCount: fromDb.count(count.n) };
}
