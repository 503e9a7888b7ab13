// DATE, TIME, DATETIME and CALC fields formatted as one of them. Their stored forms
// (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM:00Z`) sort as text, so literals are brought into
// the same form and compared by code point.
import { type SqlBool, sql } from 'kysely';
import type { Cond } from '../../../common/query/ast.js';
import { compareRange, resolveDateFunction } from '../../../common/query/dates.js';
import type { JsonDoc } from '../../storage/json-sql.js';
import { literalText, parseDate, parseDateTimeMs, parseTime, storedDateTime, syntax, unsupported } from './literals.js';
import { and, type Bool, compareOp, inList, not, or, type Env } from './sql-helpers.js';
import type { SqlField } from './types.js';

export type DateKind = 'DATE' | 'TIME' | 'DATETIME';

function normalise(kind: DateKind, text: string): string {
  if (kind === 'DATE') return parseDate(text);
  if (kind === 'TIME') return parseTime(text);
  return storedDateTime(parseDateTimeMs(text));
}

/**
 * Empty values (NULL, or '' as CALC and older DATETIME values have it) match no comparison.
 * `!=` is therefore kintone's "is set and differs": NOT(=) restricted to non-empty values.
 * `= ""` / `!= ""` ask whether the field is empty at all.
 */
export function dateCondition(env: Env, cond: Cond, field: SqlField, doc: JsonDoc, kind: DateKind): Bool {
  const { j } = env;
  const value = sql<string | null>`NULLIF(${j.text(doc, field.fieldId)}, '')`;
  const text = j.binary(value);
  if (cond.kind === 'in') {
    const items = cond.values.map((v) => literalText(v, field.code));
    const listed = [...new Set(items.filter((t) => t !== '').map((t) => normalise(kind, t)))];
    const parts: Bool[] = [];
    if (listed.length > 0) parts.push(inList(text, listed));
    if (items.includes('')) parts.push(sql<SqlBool>`(${value} IS NULL)`);
    return cond.negated ? not(or(parts)) : or(parts);
  }
  if (cond.kind !== 'compare') throw unsupported(cond, field);
  const v = cond.value;
  if (v.kind === 'function') {
    // Only real DATE / DATETIME fields take date functions (checkQuery's table, §5.2).
    if (field.type !== 'DATE' && field.type !== 'DATETIME') throw unsupported(cond, field);
    const range = resolveDateFunction(v, env.ctx.now, env.ctx.timeZone, field.type);
    const { combine, bounds } = compareRange(cond.op, range);
    const parts = bounds.map((b) => sql<SqlBool>`(${text} ${compareOp(b.op)} ${b.value})`);
    return combine === 'or' ? or(parts) : and(parts);
  }
  if (v.value === '') {
    if (cond.op === '=') return sql<SqlBool>`(${value} IS NULL)`;
    if (cond.op === '!=') return sql<SqlBool>`(${value} IS NOT NULL)`;
    throw syntax();
  }
  return sql<SqlBool>`(${text} ${compareOp(cond.op)} ${normalise(kind, v.value)})`;
}
