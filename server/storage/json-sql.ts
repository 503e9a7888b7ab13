// SQL fragments that read a record's JSON document. SQLite (JSON1 over TEXT) and PostgreSQL
// (jsonb) spell these differently; the query compiler asks for them by meaning and never
// branches on the dialect itself (dialect.ts is the other place that knows the two apart).
import { type RawBuilder, sql } from 'kysely';
import type { DialectKind } from './dialect.js';

/** A JSON object expression: a record's `data`, or one subtable row's `value`. */
export type JsonDoc = RawBuilder<unknown>;

const FIELD_ID = /^f\d{1,15}$/;
const ALIAS = /^[a-z]\d{1,6}$/;

/**
 * Field ids are spliced into JSON paths as literals (so that expression indexes can match
 * them later); only our own `f<digits>` ids may get there, never anything a caller wrote.
 */
export function assertFieldId(id: string): string {
  if (!FIELD_ID.test(id)) throw new Error('not an internal field id');
  return id;
}

function assertAlias(alias: string): string {
  if (!ALIAS.test(alias)) throw new Error('not a generated alias');
  return alias;
}

// What JavaScript's String.prototype.trim removes: isEmptyValue (value-types.ts) decides
// emptiness with it, and `is empty` must agree with the required-field check.
const WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface JsonSql {
  /** The field's value as text; NULL when absent or JSON null. Arrays come back as JSON text. */
  text(doc: JsonDoc, fieldId: string): RawBuilder<string | null>;
  /**
   * A FROM item over the elements of an array field, one row per element; anything but an
   * array gives no rows. `element` reads a string element, `member` an object element's key.
   */
  elements(doc: JsonDoc, fieldId: string, alias: string): RawBuilder<unknown>;
  element(alias: string): RawBuilder<string | null>;
  member(alias: string, key: 'code' | 'name'): RawBuilder<string | null>;
  /** The inner document of a subtable row taken from elements(). */
  rowDoc(alias: string): JsonDoc;
  /** Canonical decimal text → number; '' (an empty NUMBER) → NULL. Never throws on ''. */
  number(text: RawBuilder<string | null>): RawBuilder<number | null>;
  /** A bound decimal literal in the same numeric type as number(). */
  numberParam(text: string): RawBuilder<number>;
  /** Text compared and ordered by code point in both databases, whatever PostgreSQL's locale. */
  binary(text: RawBuilder<string | null>): RawBuilder<string | null>;
  /**
   * ASCII-only lower-casing. SQLite's lower() knows no other letters, so PostgreSQL is held to
   * the same rule: `like` must find the same records on both (full folding comes with n-grams).
   */
  foldCase(text: RawBuilder<string>): RawBuilder<string>;
  /** Leading and trailing whitespace removed, the full Unicode set (full-width space included). */
  trimSpace(text: RawBuilder<string>): RawBuilder<string>;
  /**
   * Ids of records whose field may contain `search` (≥ 3 characters), from the n-gram index: a
   * superset of the exact matches (the index folds case more widely), never fewer.
   */
  searchCandidates(at: { domainId: string; appId: number; fieldId: string }, search: string, likePattern: string): RawBuilder<unknown>;
}

const sqlite: JsonSql = {
  text: (doc, id) => sql`json_extract(${doc}, ${sql.lit(`$.${assertFieldId(id)}`)})`,
  elements: (doc, id, alias) => {
    const path = sql.lit(`$.${assertFieldId(id)}`);
    return sql`json_each(CASE WHEN json_type(${doc}, ${path}) = 'array' THEN json_extract(${doc}, ${path}) END) AS ${sql.id(assertAlias(alias))}`;
  },
  element: (alias) => sql`${sql.ref(`${assertAlias(alias)}.value`)}`,
  member: (alias, key) => sql`json_extract(${sql.ref(`${assertAlias(alias)}.value`)}, ${sql.lit(`$.${key}`)})`,
  rowDoc: (alias) => sql`json_extract(${sql.ref(`${assertAlias(alias)}.value`)}, '$.value')`,
  // REAL, as the brief for both engines is "compare numerically": canonical decimals beyond
  // 15 significant digits may compare as equal here and not in PostgreSQL's exact numeric.
  number: (text) => sql`CAST(NULLIF(${text}, '') AS REAL)`,
  numberParam: (text) => sql`CAST(${text} AS REAL)`,
  binary: (text) => text,
  foldCase: (text) => sql`lower(${text})`,
  trimSpace: (text) => sql`trim(${text}, ${WHITESPACE})`,
  // FTS5 with the trigram tokenizer: a quoted phrase matches as a substring, case-folded.
  searchCandidates: (at, search) =>
    sql`(SELECT record_id FROM record_search_fts WHERE record_search_fts MATCH ${`content:"${search.replace(/"/g, '""')}"`} AND domain_id = ${at.domainId} AND app_id = ${at.appId} AND field_id = ${assertFieldId(at.fieldId)})`,
};

const postgres: JsonSql = {
  text: (doc, id) => sql`(${doc} ->> ${sql.lit(assertFieldId(id))})`,
  elements: (doc, id, alias) => {
    const value = sql`(${doc} -> ${sql.lit(assertFieldId(id))})`;
    // jsonb_array_elements throws on a scalar, so anything but an array becomes NULL (no rows).
    return sql`jsonb_array_elements(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} END) AS ${sql.id(assertAlias(alias))}(value)`;
  },
  element: (alias) => sql`(${sql.ref(`${assertAlias(alias)}.value`)} #>> '{}')`,
  member: (alias, key) => sql`(${sql.ref(`${assertAlias(alias)}.value`)} ->> ${sql.lit(key)})`,
  rowDoc: (alias) => sql`(${sql.ref(`${assertAlias(alias)}.value`)} -> 'value')`,
  number: (text) => sql`CAST(NULLIF(${text}, '') AS numeric)`,
  numberParam: (text) => sql`CAST(${text} AS numeric)`,
  binary: (text) => sql`(${text} COLLATE "C")`,
  foldCase: (text) => sql`translate(${text}, ${sql.lit(UPPER)}, ${sql.lit(UPPER.toLowerCase())})`,
  trimSpace: (text) => sql`btrim(${text}, ${WHITESPACE})`,
  // ILIKE over the pg_trgm GIN index.
  searchCandidates: (at, _search, pattern) =>
    sql`(SELECT record_id FROM record_search WHERE domain_id = ${at.domainId} AND app_id = ${at.appId} AND field_id = ${assertFieldId(at.fieldId)} AND content ILIKE ${pattern} ESCAPE ${sql.lit('\\')})`,
};

export function jsonSql(kind: DialectKind): JsonSql {
  return kind === 'postgres' ? postgres : sqlite;
}
