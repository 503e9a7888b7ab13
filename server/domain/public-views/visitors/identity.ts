// MyPage: a signed-in visitor sees only the records whose mapped fields compare with their
// verified address or their registered attributes — equal, a number at most or at least theirs
// ("levels"), a code starting with theirs (hierarchical codes), a date on, before or after theirs,
// or a text containing theirs / a multi-choice or user selection including it. Everything but
// "starts with" is a condition of the query's tree with the visitor's value as a literal (`like`
// for "contains", whose `%`, `_` and `\` are themselves: query-sql/like.ts); "starts with", which
// the query language has no operator for, is one SQL predicate with the value bound as a
// parameter (never text of a query or of a LIKE pattern). Both are ANDed with the fixed filter
// (reader.ts) on every read — list, detail, file, search, paging. The address comes from the
// e-mail session alone, never from the request (P10); a missing, empty or ill-formed value
// matches nothing.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Property } from '../../../../common/fields/index.js';
import type { MyPageSettings } from '../../../../common/api/public-views.js';
import { EMAIL_MATCH_TYPES, type IdentityMatch, MATCH_FIELD_TYPES } from '../../../../common/api/public-visitors.js';
import type { Expr } from '../../../../common/query/index.js';
import type { PublicViewerActor } from '../../../policy/actor.js';
import type { DialectKind } from '../../../storage/dialect.js';
import { assertFieldId, jsonSql } from '../../../storage/json-sql.js';
import { AppError } from '../../app-error.js';
import type { RecordSchema } from '../../records/schema.js';
import { reads } from '../check-settings.js';
import { dateMatch } from './identity-dates.js';

/** The types a field compared by `op` may have; the address is compared for equality only. */
export const MATCH_TYPES = MATCH_FIELD_TYPES;
const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
/** Matches no record: ids start at 1. */
const NOTHING: Expr = { kind: 'compare', field: { code: '$id', pos: 0 }, op: '<', value: { kind: 'number', value: '1' } };
const COMPARE = { eq: '=', le: '<=', ge: '>=' } as const;
/** Multi-valued types whose `in` means "includes"; choices must be one of the options. */
const SELECTIONS = new Set(['CHECK_BOX', 'MULTI_SELECT']);

function fits(m: IdentityMatch, type: string | undefined): boolean {
  if (type === undefined) return false;
  return m.attribute === 'email' ? m.op === 'eq' && EMAIL_MATCH_TYPES.has(type) : MATCH_TYPES[m.op].has(type);
}

/** The MyPage settings as saved: each matched field readable by every schema and of a type that fits its comparison. */
export function checkIdentity<S extends MyPageSettings>(s: S, schemas: RecordSchema[]): S {
  const seen = new Set<string>();
  for (const m of s.match) {
    const key = `${m.field}\0${m.attribute}\0${m.op}`;
    const ok = schemas.every((schema) => reads(schema, m.field) && fits(m, (schema.fields[m.field] as Property | undefined)?.type));
    if (!ok || seen.has(key)) throw new AppError('CB_PV38', { params: { field: m.field } });
    seen.add(key);
  }
  return s;
}

export interface VisitorIdentity {
  email: string;
  attributes: Record<string, string>;
}

/** The visitor's identity, if the gate put one on the actor (an e-mail session of this view). */
export function identityOf(actor: PublicViewerActor): VisitorIdentity | null {
  return actor.email ? { email: actor.email, attributes: actor.attributes ?? {} } : null;
}

/** What the match adds to a visitor's reads: a condition of the tree, and SQL for "starts with". */
export interface IdentityCondition {
  /** Null when every match is a "starts with". */
  expr: Expr | null;
  /** Over the record row `r`; null when no match is a "starts with". */
  where: RawBuilder<SqlBool> | null;
}

const nothing = (): IdentityCondition => ({ expr: NOTHING, where: null });

/** Every match ANDed; nothing at all where a value is missing, empty or does not fit. */
export function identityCondition(
  match: readonly IdentityMatch[],
  who: VisitorIdentity,
  schema: RecordSchema,
  dialect: DialectKind,
  timeZone = 'Asia/Tokyo',
): IdentityCondition {
  const conds: Expr[] = [];
  const wheres: Array<RawBuilder<SqlBool>> = [];
  for (const m of match) {
    const p = schema.fields[m.field] as Property | undefined;
    const value = m.attribute === 'email' ? who.email : Object.hasOwn(who.attributes, m.attribute) ? who.attributes[m.attribute]! : '';
    // Checked when saved; checked again, since the field may have changed type since.
    if (!p || !reads(schema, m.field) || !fits(m, p.type) || !usable(value)) return nothing();
    const field = { code: m.field, pos: 0 };
    if (m.op === 'on' || m.op === 'before' || m.op === 'after') {
      const cond = dateMatch(m.op, field, p.type, value, timeZone);
      if (!cond) return nothing();
      conds.push(cond);
    } else if (m.op === 'contains') {
      if (SELECTIONS.has(p.type) && !Object.hasOwn((p.options ?? {}) as object, value)) return nothing();
      // A selection includes the value; a text contains it, the value a literal of `like`.
      conds.push(p.type === 'SINGLE_LINE_TEXT' || p.type === 'LINK' || p.type === 'MULTI_LINE_TEXT' ? { kind: 'like', field, negated: false, value } : { kind: 'in', field, negated: false, values: [{ kind: 'string', value }] });
    } else if (m.op === 'prefix') {
      const fieldId = schema.fieldIds[m.field];
      if (fieldId === undefined) return nothing();
      wheres.push(startsWith(dialect, fieldId, value));
    } else if (p.type === 'NUMBER') {
      if (!NUMBER.test(value) || (m.op !== 'eq' && m.op !== 'le' && m.op !== 'ge')) return nothing();
      conds.push({ kind: 'compare', field, op: COMPARE[m.op], value: { kind: 'number', value } });
    } else if (p.type === 'DROP_DOWN' || p.type === 'RADIO_BUTTON') {
      // Not one of the options: no record holds it (and the query would refuse it, closing the view).
      if (!Object.hasOwn((p.options ?? {}) as object, value)) return nothing();
      conds.push({ kind: 'in', field, negated: false, values: [{ kind: 'string', value }] });
    } else {
      conds.push({ kind: 'compare', field, op: '=', value: { kind: 'string', value } });
    }
  }
  const expr: Expr | null = conds.length === 0 ? null : conds.length === 1 ? conds[0]! : { kind: 'and', items: conds };
  const where = wheres.length === 0 ? null : wheres.reduce((a, b) => sql<SqlBool>`(${a} AND ${b})`);
  return { expr, where };
}

/** A value that can match at all: not empty, well-formed, without NUL (which no stored text holds). */
function usable(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !value.includes('\u0000') && !/\p{Cs}/u.test(value);
}

/**
 * The record's top-level text field starts with `value`, exactly: the same characters, case
 * and all, on both databases (substr and length count characters in each; `=` compares bytes
 * under SQLite's BINARY and PostgreSQL's deterministic collations). An empty field never does.
 */
function startsWith(dialect: DialectKind, fieldId: string, value: string): RawBuilder<SqlBool> {
  const text = sql<string>`coalesce(${jsonSql(dialect).text(sql.ref('r.data'), assertFieldId(fieldId))}, '')`;
  const v = sql<string>`CAST(${value} AS text)`;
  return sql<SqlBool>`(length(${text}) >= length(${v}) AND substr(${text}, 1, length(${v})) = ${v})`;
}

/** What the cache key must hold of the visitor for a MyPage answer (P9). */
export function identityKey(who: VisitorIdentity | null): string {
  return who ? JSON.stringify([who.email, Object.entries(who.attributes).sort(([a], [b]) => (a < b ? -1 : 1))]) : '';
}
