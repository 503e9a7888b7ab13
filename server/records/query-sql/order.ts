// `order by`. One rule for empty values on both databases, written out rather than left to
// each engine's NULL ordering (SQLite puts NULLs first ascending, PostgreSQL last): an empty
// value sorts after every value in `asc` and before every value in `desc`, as if it were the
// largest. Ties are broken by the record id in the direction of the last key, so pages of a
// listing neither repeat nor skip records.
import { type RawBuilder, sql } from 'kysely';
import type { SortKey } from '../../../common/query/ast.js';
import { QueryError } from '../../../common/query/errors.js';
import { assertFieldId } from '../../storage/json-sql.js';
import { calcDateKind } from './conditions.js';
import type { Env } from './sql-helpers.js';
import type { CompiledOrder, SqlField } from './types.js';

const ID = sql.ref('r.id');
const TEXT_SORTED = new Set(['SINGLE_LINE_TEXT', 'LINK', 'RADIO_BUTTON', 'DROP_DOWN', 'STATUS', 'DATE', 'TIME', 'DATETIME']);

/** The sort value, and whether it can be empty (NULL). */
function sortValue(env: Env, field: SqlField): { value: RawBuilder<unknown>; nullable: boolean } | null {
  const { j } = env;
  switch (field.type) {
    case '__ID__':
    case 'RECORD_NUMBER':
      return { value: ID, nullable: false };
    case 'CREATED_TIME':
      return { value: sql.ref('r.createdAt'), nullable: false };
    case 'UPDATED_TIME':
      return { value: sql.ref('r.updatedAt'), nullable: false };
    case 'CREATOR':
    case 'MODIFIER': {
      // By login name, as kintone lists them; a user since deleted (or 0, an API token) is empty.
      const column = sql.ref(field.type === 'CREATOR' ? 'r.creatorId' : 'r.modifierId');
      const code = sql<string | null>`(SELECT ${sql.ref('u.code')} FROM ${sql.table('users')} AS ${sql.id('u')} WHERE ${sql.ref('u.domainId')} = ${sql.ref('r.domainId')} AND ${sql.ref('u.id')} = ${column})`;
      return { value: j.binary(code), nullable: true };
    }
  }
  if (field.subtable || field.fieldId === '') return null;
  const raw = j.text(sql.ref('r.data'), assertFieldId(field.fieldId));
  if (field.type === 'NUMBER' || (field.type === 'CALC' && !calcDateKind(field))) return { value: j.number(raw), nullable: true };
  if (TEXT_SORTED.has(field.type) || field.type === 'CALC') return { value: j.binary(sql`NULLIF(${raw}, '')`), nullable: true };
  return null;
}

export function compileOrder(env: Env, keys: SortKey[], resolve: (key: SortKey) => SqlField): CompiledOrder[] {
  if (keys.length === 0) return [{ sql: ID, direction: 'desc' }];
  const out: CompiledOrder[] = [];
  let last: { isId: boolean; direction: 'asc' | 'desc' } = { isId: false, direction: 'desc' };
  for (const key of keys) {
    const field = resolve(key);
    const sort = sortValue(env, field);
    if (!sort) throw new QueryError('GAIA_IQ03', { params: { field: key.field.code, op: 'order by' } });
    if (sort.nullable) out.push({ sql: sql`CASE WHEN ${sort.value} IS NULL THEN 1 ELSE 0 END`, direction: key.direction });
    out.push({ sql: sort.value, direction: key.direction });
    last = { isId: sort.value === ID, direction: key.direction };
  }
  if (!last.isId) out.push({ sql: ID, direction: last.direction });
  return out;
}
