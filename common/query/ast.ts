// The parsed shape of a kintone query. The SQL compiler and the web UI's filter builder are
// written against these names, so they change only together with both.

export interface Query {
  where: Expr | null;
  orderBy: SortKey[];
  limit: number | null;
  offset: number | null;
}

/** `and` / `or` nodes always have two or more items and never directly contain their own kind. */
export type Expr = { kind: 'and'; items: Expr[] } | { kind: 'or'; items: Expr[] } | Cond;

export type CompareOp = '=' | '!=' | '>' | '<' | '>=' | '<=';

export type Cond =
  | { kind: 'compare'; field: FieldRef; op: CompareOp; value: Value }
  | { kind: 'in'; field: FieldRef; negated: boolean; values: Value[] }
  | { kind: 'like'; field: FieldRef; negated: boolean; value: string }
  | { kind: 'empty'; field: FieldRef; negated: boolean };

/** `ref.f` → `{ code: 'f', related: 'ref' }`; `pos` is the offset of the reference in the text. */
export interface FieldRef {
  code: string;
  related?: string;
  pos: number;
}

/** Function names are upper-cased by the parser; arguments are kept as written. */
export type Value =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'function'; name: string; args: string[]; pos: number };

export interface SortKey {
  field: FieldRef;
  direction: 'asc' | 'desc';
}

export const COMPARE_OPS: readonly CompareOp[] = ['=', '!=', '>', '<', '>=', '<='];

/** Whether any condition calls a function (TODAY(), LOGINUSER() …): their values depend on who asks. */
export function usesFunctions(expr: Expr | null): boolean {
  if (expr === null) return false;
  if (expr.kind === 'and' || expr.kind === 'or') return expr.items.some(usesFunctions);
  if (expr.kind === 'compare') return expr.value.kind === 'function';
  if (expr.kind === 'in') return expr.values.some((v) => v.kind === 'function');
  return false;
}
