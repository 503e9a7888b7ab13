// Boolean plumbing shared by the compiler's modules. Every predicate built here is either
// TRUE or FALSE for each row — never NULL — wherever it may end up under a negation.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { COMPARE_OPS, type CompareOp } from '../../../common/query/ast.js';
import type { JsonSql } from '../../storage/json-sql.js';
import type { CompileContext } from './types.js';

export type Bool = RawBuilder<SqlBool>;

export const TRUE: Bool = sql<SqlBool>`(1 = 1)`;
export const FALSE: Bool = sql<SqlBool>`(1 = 0)`;

export function and(parts: Bool[]): Bool {
  if (parts.length === 0) return TRUE;
  if (parts.length === 1) return parts[0] as Bool;
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

export function or(parts: Bool[]): Bool {
  if (parts.length === 0) return FALSE;
  if (parts.length === 1) return parts[0] as Bool;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

const negations = new WeakMap<Bool, Bool>();

/**
 * NOT that treats an unknown (NULL) as false first, so a negation never drops a row silently.
 * not(not(p)) is p again: where p is unknown both are false to WHERE, and any further
 * negation comes through here.
 */
export function not(p: Bool): Bool {
  const inner = negations.get(p);
  if (inner) return inner;
  const negated = sql<SqlBool>`((${p}) IS NOT TRUE)`;
  negations.set(negated, p);
  return negated;
}

/** The operator text comes from the AST's closed set, checked again because ASTs can be built by hand. */
export function compareOp(op: CompareOp): RawBuilder<unknown> {
  if (!COMPARE_OPS.includes(op)) throw new Error('unknown comparison operator');
  return sql.raw(op === '!=' ? '<>' : op);
}

export function inList(expr: RawBuilder<unknown>, values: readonly unknown[]): Bool {
  return sql<SqlBool>`(${expr} IN (${sql.join(values as unknown[])}))`;
}

export function exists(from: RawBuilder<unknown>, where?: Bool): Bool {
  return where ? sql<SqlBool>`EXISTS (SELECT 1 FROM ${from} WHERE ${where})` : sql<SqlBool>`EXISTS (SELECT 1 FROM ${from})`;
}

/** What one compilation shares: the dialect's fragments, alias numbering, and what it saw. */
export interface Env {
  ctx: CompileContext;
  j: JsonSql;
  /** A fresh alias for a subquery over JSON elements (`e1`, `t2`, …: never from input). */
  alias(prefix: 'e' | 't'): string;
  likeUsed: boolean;
  userIds(codes: string[]): Promise<number[]>;
}
