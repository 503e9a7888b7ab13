// `like` as case-insensitive containment. kintone's `like` is a word/n-gram search (spec §5.1);
// until the n-gram index exists this is the whole of it, kept in one function so the index
// can replace it without touching the compiler.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { JsonSql } from '../../storage/json-sql.js';

/** `%`, `_` and `\` in the search text are themselves, never wildcards (spec/security.md X3). */
export function likePattern(search: string): string {
  const folded = search.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True when `text` (NULL counts as '') contains `search`; never NULL. */
export function likeCondition(j: JsonSql, text: RawBuilder<string | null>, search: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${j.foldCase(sql<string>`coalesce(${text}, '')`)} LIKE ${likePattern(search)} ESCAPE ${sql.lit('\\')})`;
}

/** Types whose text is kept in record_search (server/domain/records/persist.ts). */
const INDEXED = new Set(['SINGLE_LINE_TEXT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'LINK']);

/**
 * The index's candidates, when it can answer: a top-level indexed field and a search of at least
 * three characters (trigrams). The exact condition is still applied to them.
 */
export function indexCandidates(
  j: JsonSql,
  index: { domainId: string; appId: number } | undefined,
  field: { type: string; fieldId: string; subtable?: unknown },
  search: string,
): RawBuilder<SqlBool> | null {
  if (!index || field.subtable || !INDEXED.has(field.type) || [...search].length < 3) return null;
  const candidates = j.searchCandidates({ ...index, fieldId: field.fieldId }, search, likePattern(search));
  return sql<SqlBool>`(${sql.ref('r.id')} IN ${candidates})`;
}
