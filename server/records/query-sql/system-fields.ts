// Conditions on the record's own columns: `$id` / RECORD_NUMBER, CREATOR / MODIFIER and
// CREATED_TIME / UPDATED_TIME. These never live in the JSON document.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CompareOp, Cond } from '../../../common/query/ast.js';
import { compareRange, resolveDateFunction } from '../../../common/query/dates.js';
import { columnInstant, idBound, literalText, MINUTE_MS, parseDateTimeMs, recordNumber, unsupported, type IdBound } from './literals.js';
import { and, type Bool, compareOp, FALSE, inList, not, or, TRUE, type Env } from './sql-helpers.js';
import type { SqlField } from './types.js';

const ID = sql.ref('r.id');

/** `$id op n` where n may be fractional, huge, or another app's `CODE-12`. */
export function idCondition(env: Env, cond: Cond, field: SqlField): Bool {
  if (cond.kind === 'in') {
    const ids = new Set<number>();
    for (const v of cond.values) {
      const n = recordNumber(literalText(v, field.code), env.ctx.appCode);
      const b = n && n.floor === n.ceil ? idBound(n.floor) : null;
      if (b?.kind === 'value') ids.add(b.value);
    }
    const p = ids.size === 0 ? FALSE : inList(ID, [...ids]);
    return cond.negated ? not(p) : p;
  }
  if (cond.kind !== 'compare') throw unsupported(cond, field);
  const n = recordNumber(literalText(cond.value, field.code), env.ctx.appCode);
  // A number this app cannot have ("", another app's code) equals no record.
  if (!n) return cond.op === '!=' ? TRUE : FALSE;
  const exact = n.floor === n.ceil ? idBound(n.floor) : null;
  switch (cond.op) {
    case '=':
      return exact?.kind === 'value' ? sql<SqlBool>`(${ID} = ${exact.value})` : FALSE;
    case '!=':
      return exact?.kind === 'value' ? sql<SqlBool>`(${ID} <> ${exact.value})` : TRUE;
    case '>':
      return bounded(cond.op, idBound(n.floor));
    case '<=':
      return bounded(cond.op, idBound(n.floor));
    case '>=':
    case '<':
      return bounded(cond.op, idBound(n.ceil));
  }
}

/** A bound outside the integer column's range is true or false for every record. */
function bounded(op: CompareOp, b: IdBound): Bool {
  if (b.kind === 'value') return sql<SqlBool>`(${ID} ${compareOp(op)} ${b.value})`;
  const upward = op === '>' || op === '>=';
  return (b.kind === 'below') === upward ? TRUE : FALSE;
}

export async function userColumnCondition(env: Env, cond: Cond, field: SqlField): Promise<Bool> {
  if (cond.kind !== 'in') throw unsupported(cond, field);
  const column = sql.ref(field.type === 'CREATOR' ? 'r.creatorId' : 'r.modifierId');
  const codes: string[] = [];
  const ids = new Set<number>();
  for (const v of cond.values) {
    if (v.kind === 'function' && v.name === 'LOGINUSER') {
      // Under an API token there is no login user: the item names nobody (R14).
      if (env.ctx.user) ids.add(env.ctx.user.id);
    } else {
      const code = literalText(v, field.code);
      if (code !== '') codes.push(code);
    }
  }
  if (codes.length > 0) for (const id of await env.userIds(codes)) ids.add(id);
  const p = ids.size === 0 ? FALSE : inList(column, [...ids]);
  return cond.negated ? not(p) : p;
}

/**
 * created_at / updated_at keep seconds, but kintone shows and compares these fields by the
 * minute: `= "…T10:00Z"` is the whole minute [10:00, 10:01), and so is NOW().
 */
export function instantCondition(env: Env, cond: Cond, field: SqlField): Bool {
  if (cond.kind !== 'compare') throw unsupported(cond, field);
  const column: RawBuilder<unknown> = sql.ref(field.type === 'CREATED_TIME' ? 'r.createdAt' : 'r.updatedAt');
  const v = cond.value;
  let fromMs: number;
  let toMs: number;
  if (v.kind === 'function') {
    const range = resolveDateFunction(v, env.ctx.now, env.ctx.timeZone, field.type as 'CREATED_TIME');
    fromMs = Date.parse(range.from);
    toMs = range.from === range.to ? fromMs + MINUTE_MS : Date.parse(range.to);
  } else {
    // These fields are never empty.
    if (v.value === '') return cond.op === '!=' ? TRUE : FALSE;
    fromMs = parseDateTimeMs(v.value);
    toMs = fromMs + MINUTE_MS;
  }
  const { combine, bounds } = compareRange(cond.op, { from: columnInstant(fromMs), to: columnInstant(toMs) });
  const parts = bounds.map((b) => sql<SqlBool>`(${column} ${compareOp(b.op)} ${b.value})`);
  return combine === 'or' ? or(parts) : and(parts);
}
