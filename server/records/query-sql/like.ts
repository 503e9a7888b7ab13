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
