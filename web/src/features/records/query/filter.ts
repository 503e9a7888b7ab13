// The record list's filter as a person builds it — a flat list of conditions joined by "all"
// (and) or "any" (or) — and its translation to and from kintone's query language through
// common/query's AST, so values are always escaped by printQuery and never concatenated here.
// A view's filterCond (or any where-part) that is not flat cannot be shown as conditions;
// filterFromText answers null for it and the list keeps it as written.
import type { Expr, QueryOperator, SortKey, Value } from '../../../../../common/query/index.js';
import { parseQuery, printExpr, printQuery } from '../../../../../common/query/index.js';

export type FilterOp = QueryOperator;

export interface FilterCondition {
  field: string;
  op: FilterOp;
  /** One value for comparisons and like, any number for in / not in, none for is (not) empty. */
  values: Value[];
}

export interface Filter {
  match: 'and' | 'or';
  conditions: FilterCondition[];
}

export const EMPTY_FILTER: Filter = { match: 'and', conditions: [] };

const NO_VALUE: ReadonlySet<FilterOp> = new Set(['is', 'is not']);
const MANY_VALUES: ReadonlySet<FilterOp> = new Set(['in', 'not in']);

export function takesNoValue(op: FilterOp): boolean {
  return NO_VALUE.has(op);
}

export function takesManyValues(op: FilterOp): boolean {
  return MANY_VALUES.has(op);
}

export const text = (value: string): Value => ({ kind: 'string', value });
export const call = (name: string, args: string[] = []): Value => ({ kind: 'function', name, args, pos: 0 });

/** Whether a condition says enough to be part of the query (a half-filled row is left out). */
export function isComplete(c: FilterCondition): boolean {
  if (c.field === '') return false;
  if (takesNoValue(c.op)) return true;
  if (takesManyValues(c.op)) return c.values.length > 0;
  const v = c.values[0];
  return v !== undefined && (v.kind === 'function' || v.value !== '');
}

function condOf(c: FilterCondition): Expr {
  const field = { code: c.field, pos: 0 };
  switch (c.op) {
    case 'in':
    case 'not in':
      return { kind: 'in', field, negated: c.op === 'not in', values: c.values };
    case 'like':
    case 'not like': {
      const v = c.values[0];
      return { kind: 'like', field, negated: c.op === 'not like', value: v && v.kind !== 'function' ? v.value : '' };
    }
    case 'is':
    case 'is not':
      return { kind: 'empty', field, negated: c.op === 'is not' };
    default:
      return { kind: 'compare', field, op: c.op, value: c.values[0] ?? text('') };
  }
}

/** and / or of the items, flattened so the AST stays normalized (printQuery round-trips it). */
export function joinExprs(kind: 'and' | 'or', items: ReadonlyArray<Expr | null>): Expr | null {
  const flat: Expr[] = [];
  for (const e of items) {
    if (e === null) continue;
    if (e.kind === kind) flat.push(...e.items);
    else flat.push(e);
  }
  if (flat.length === 0) return null;
  if (flat.length === 1) return flat[0]!;
  return { kind, items: flat };
}

export function exprOfFilter(f: Filter): Expr | null {
  return joinExprs(f.match, f.conditions.filter(isComplete).map(condOf));
}

function conditionOf(e: Expr): FilterCondition | null {
  if (e.kind === 'and' || e.kind === 'or') return null;
  // `related.field` conditions (Related Records columns) have no row in the builder.
  if (e.field.related !== undefined) return null;
  const field = e.field.code;
  switch (e.kind) {
    case 'compare':
      return { field, op: e.op, values: [e.value] };
    case 'in':
      return { field, op: e.negated ? 'not in' : 'in', values: e.values };
    case 'like':
      return { field, op: e.negated ? 'not like' : 'like', values: [text(e.value)] };
    case 'empty':
      return { field, op: e.negated ? 'is not' : 'is', values: [] };
  }
}

/** A where-expression as builder rows, or null when it is nested deeper than one and/or. */
export function filterFromExpr(e: Expr | null): Filter | null {
  if (e === null) return EMPTY_FILTER;
  if (e.kind === 'and' || e.kind === 'or') {
    const conditions = e.items.map(conditionOf);
    if (conditions.some((c) => c === null)) return null;
    return { match: e.kind, conditions: conditions as FilterCondition[] };
  }
  const c = conditionOf(e);
  return c ? { match: 'and', conditions: [c] } : null;
}

/** The where-part of a query as an expression; a text that does not parse, or has options, is null. */
export function whereOf(text: string): Expr | null | undefined {
  if (text.trim() === '') return null;
  try {
    const q = parseQuery(text);
    if (q.orderBy.length > 0 || q.limit !== null || q.offset !== null) return undefined;
    return q.where;
  } catch {
    return undefined;
  }
}

export function filterFromText(text: string): Filter | null {
  const where = whereOf(text);
  return where === undefined ? null : filterFromExpr(where);
}

export function whereText(e: Expr | null): string {
  return e === null ? '' : printExpr(e);
}

/** `like` on each text field: the keyword box finds records that mention the words anywhere. */
export function keywordExpr(keyword: string, codes: readonly string[]): Expr | null {
  const words = keyword.trim();
  if (words === '' || codes.length === 0) return null;
  return joinExprs(
    'or',
    codes.map((code) => ({ kind: 'like', field: { code, pos: 0 }, negated: false, value: words })),
  );
}

/** `order by` keys from a view's `sort` (`Record_number desc, title asc`); bad text sorts nothing. */
export function parseSort(text: string): SortKey[] {
  if (text.trim() === '') return [];
  try {
    return parseQuery(`order by ${text}`).orderBy;
  } catch {
    return [];
  }
}

export function printSort(keys: readonly SortKey[]): string {
  return printQuery({ where: null, orderBy: [...keys], limit: null, offset: null }).replace(/^order by /, '');
}

export interface QueryParts {
  where: Expr | null;
  orderBy: readonly SortKey[];
  limit?: number;
  offset?: number;
}

/** The full query text for records.json (or, without limit and offset, for a cursor). */
export function composeQuery(q: QueryParts): string {
  return printQuery({ where: q.where, orderBy: [...q.orderBy], limit: q.limit ?? null, offset: q.offset ?? null });
}
