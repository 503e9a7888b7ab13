// Candidates for the record form's people picker: users (and guests), departments or groups whose
// code or name contains a keyword, ASCII case folded alike in both databases. Who may be offered
// is decided by the caller (domain/records/entity-picker.ts); this only finds and orders.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Queryable } from './db.js';
import { dialectOf, toDb } from './dialect.js';
import { jsonSql } from './json-sql.js';

export interface PickerRow {
  id: number;
  code: string;
  codeKey: string;
  name: string;
}

/** `%`, `_` and `\` typed by the person are themselves, never wildcards. */
function containsPattern(keyword: string): string {
  const folded = keyword.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains the keyword, ignoring ASCII case. */
function matches(db: Queryable, keyword: string) {
  const j = jsonSql(dialectOf(db));
  const pattern = containsPattern(keyword);
  return (column: 'code' | 'name' | 'email'): RawBuilder<SqlBool> =>
    sql<SqlBool>`(${j.foldCase(sql<string>`${sql.ref(column)}`)} LIKE ${pattern} ESCAPE ${sql.lit('\\')})`;
}

/**
 * Valid accounts of `kinds` matching the keyword, in id order after `afterId` (the caller pages
 * through them while it filters by place).
 */
export async function pickUsers(
  db: Queryable,
  domainId: string,
  search: { keyword?: string | undefined; kinds: Array<'user' | 'guest'>; afterId: number; limit: number },
): Promise<PickerRow[]> {
  let q = db
    .selectFrom('users')
    .select(['id', 'code', 'codeKey', 'name'])
    .where('domainId', '=', domainId)
    .where('kind', 'in', search.kinds)
    .where('valid', '=', toDb.bool(dialectOf(db), true))
    .where('id', '>', search.afterId);
  if (search.keyword) {
    const like = matches(db, search.keyword);
    q = q.where((eb) => eb.or([like('code'), like('name'), like('email')]));
  }
  const rows = await q.orderBy('id', 'asc').limit(search.limit).execute();
  return rows.map((r) => ({ id: Number(r.id), code: r.code, codeKey: r.codeKey, name: r.name }));
}

/** Departments or groups matching the keyword; `codeKeys` (when given) limits them to those. */
export async function pickGroupsOrOrganizations(
  db: Queryable,
  domainId: string,
  table: 'groups' | 'organizations',
  search: { keyword?: string | undefined; codeKeys?: string[]; limit: number },
): Promise<PickerRow[]> {
  if (search.codeKeys && search.codeKeys.length === 0) return [];
  let q = db.selectFrom(table).select(['id', 'code', 'codeKey', 'name']).where('domainId', '=', domainId);
  if (search.codeKeys) q = q.where('codeKey', 'in', search.codeKeys);
  if (search.keyword) {
    const like = matches(db, search.keyword);
    q = q.where((eb) => eb.or([like('code'), like('name')]));
  }
  const rows = await q.orderBy('id', 'asc').limit(search.limit).execute();
  return rows.map((r) => ({ id: Number(r.id), code: r.code, codeKey: r.codeKey, name: r.name }));
}
