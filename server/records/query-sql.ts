// A parsed, checked kintone query → SQL over `records as r`, the same meaning on SQLite and
// PostgreSQL (spec/kintone-rest-api.md §5). Every value is a bound parameter; identifiers come
// only from ctx.fields (internal `f<n>` ids) or are generated here (spec/security.md X1–X3).
// The dialect's JSON spelling lives in storage/json-sql.ts; nothing here branches on it.
import { sql } from 'kysely';
import type { Cond, Expr, FieldRef, Query, SortKey } from '../../common/query/ast.js';
import { QueryError } from '../../common/query/errors.js';
import { jsonSql } from '../storage/json-sql.js';
import { condition, type RowCondition, rowsCondition } from './query-sql/conditions.js';
import { compileOrder } from './query-sql/order.js';
import { and, type Bool, type Env, or } from './query-sql/sql-helpers.js';
import type { CompileContext, CompiledQuery, SqlField } from './query-sql/types.js';

export type { CompileContext, CompiledOrder, CompiledQuery, SqlField } from './query-sql/types.js';
export { likePattern } from './query-sql/like.js';

export const DEFAULT_LIMIT = 100;

const ID_FIELD: SqlField = { code: '$id', type: '__ID__', fieldId: '' };

export async function compileQuery(query: Query, ctx: CompileContext): Promise<CompiledQuery> {
  const env = createEnv(ctx);
  const where = query.where ? await expression(env, query.where) : null;
  const orderBy = compileOrder(env, query.orderBy, (key: SortKey) => resolve(ctx, key.field));
  return { where, orderBy, limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0, likeUsed: env.likeUsed };
}

function createEnv(ctx: CompileContext): Env {
  let aliases = 0;
  // One lookup per distinct list of codes: a query may repeat `作成者 in ("a")` many times.
  const resolved = new Map<string, Promise<number[]>>();
  return {
    ctx,
    j: jsonSql(ctx.dialect),
    alias: (prefix) => `${prefix}${++aliases}`,
    likeUsed: false,
    userIds: (codes) => {
      const key = JSON.stringify([...new Set(codes)].sort());
      let ids = resolved.get(key);
      if (!ids) resolved.set(key, (ids = ctx.resolveUserIds([...new Set(codes)])));
      return ids;
    },
  };
}

/** Own properties only, so `__proto__` or `constructor` resolve to nothing (X10). */
function resolve(ctx: CompileContext, ref: FieldRef): SqlField {
  // Related-records references (`ref.field`) need the other app's records: not compiled here.
  if (ref.related === undefined) {
    const field = Object.hasOwn(ctx.fields, ref.code) ? ctx.fields[ref.code] : ref.code === '$id' ? ID_FIELD : undefined;
    if (field) return field;
  }
  const label = ref.related === undefined ? ref.code : `${ref.related}.${ref.code}`;
  throw new QueryError('GAIA_IQ11', { params: { field: label } });
}

// Sequential rather than Promise.all: aliases are numbered in the order of the text, so the
// same query always compiles to the same SQL (statement caches, readable logs).
async function expression(env: Env, expr: Expr): Promise<Bool> {
  if (expr.kind === 'or') {
    const parts: Bool[] = [];
    for (const item of expr.items) parts.push(await expression(env, item));
    return or(parts);
  }
  return conjunction(env, expr.kind === 'and' ? expr.items : [expr]);
}

/**
 * The conditions of one `and` on fields of the same subtable become one row condition (the
 * same-row rule), placed where the first of them stood; everything else keeps its place.
 */
async function conjunction(env: Env, items: Expr[]): Promise<Bool> {
  type Slot = { kind: 'done'; sql: Bool } | { kind: 'rows'; table: { fieldId: string }; conds: RowCondition[] };
  const slots: Slot[] = [];
  const tables = new Map<string, Extract<Slot, { kind: 'rows' }>>();
  for (const item of flatten(items)) {
    if (item.kind === 'or') {
      slots.push({ kind: 'done', sql: await expression(env, item) });
      continue;
    }
    if (item.field.related !== undefined && env.ctx.relatedCondition) {
      slots.push({ kind: 'done', sql: await env.ctx.relatedCondition(item) });
      continue;
    }
    const field = resolve(env.ctx, item.field);
    if (!field.subtable) {
      slots.push({ kind: 'done', sql: await condition(env, item, field, sql.ref('r.data')) });
      continue;
    }
    let slot = tables.get(field.subtable.fieldId);
    if (!slot) {
      slot = { kind: 'rows', table: field.subtable, conds: [] };
      tables.set(field.subtable.fieldId, slot);
      slots.push(slot);
    }
    slot.conds.push({ cond: item, field });
  }
  const parts: Bool[] = [];
  for (const slot of slots) parts.push(slot.kind === 'done' ? slot.sql : await rowsCondition(env, slot.table, slot.conds));
  return and(parts);
}

/** The parser never nests `and` in `and`; a hand-built AST might, and must mean the same. */
function flatten(items: Expr[]): Array<Cond | Extract<Expr, { kind: 'or' }>> {
  const out: Array<Cond | Extract<Expr, { kind: 'or' }>> = [];
  for (const item of items) {
    if (item.kind === 'and') out.push(...flatten(item.items));
    else out.push(item);
  }
  return out;
}
