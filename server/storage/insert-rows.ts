// Multi-row INSERTs for the record write path. Bulk adds write hundreds of rows a request, and
// Kysely's builder spends longer assembling such an INSERT than the database takes to run it,
// so these are written as text, each shape once.
import { CompiledQuery } from 'kysely';
import type { Queryable } from './db.js';
import { dialectOf } from './dialect.js';

/** A column and its PostgreSQL type (for unnest). */
export type Column = readonly [name: string, pgType: 'text' | 'integer' | 'jsonb' | 'timestamptz'];

const insertText = new Map<string, string>();

function cachedText(key: string, make: () => string): string {
  let text = insertText.get(key);
  if (text === undefined) insertText.set(key, (text = make()));
  return text;
}

/** Multi-row INSERTs of `rows` (values in `columns` order). */
export async function insertRows(db: Queryable, table: string, columns: readonly Column[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(db) === 'postgres') return insertRowsPostgres(db, table, columns, rows);
  // SQLite compiles each text once and keeps it: statements of 256, 128, …, 1 rows let a
  // handful of texts serve every row count.
  const names = columns.map(([name]) => name).join(', ');
  for (let i = 0; i < rows.length; ) {
    let size = 256;
    while (size > rows.length - i) size >>= 1;
    const text = cachedText(`sqlite ${table} ${names} ${size}`, () => {
      // A JSON column is kept as JSONB (dialect.ts, recordDocToDb).
      const tuple = `(${columns.map(([, type]) => (type === 'jsonb' ? 'jsonb(?)' : '?')).join(', ')})`;
      return `insert into ${table} (${names}) values ${Array.from({ length: size }, () => tuple).join(', ')}`;
    });
    const values: unknown[] = [];
    for (let r = i; r < i + size; r++) for (const v of rows[r]!) values.push(v);
    await db.executeQuery(CompiledQuery.raw(text, values));
    i += size;
  }
}

/**
 * PostgreSQL parses and plans every statement it is sent. Columns of plain types go as one
 * array each (unnest): a short statement with a few parameters, whatever the row count. A JSON
 * column would have to travel as an array literal of JSON texts, so such rows go as VALUES.
 */
async function insertRowsPostgres(db: Queryable, table: string, columns: readonly Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  if (!columns.some(([, type]) => type === 'jsonb')) {
    const text = cachedText(`postgres ${table} ${names}`, () => `insert into ${table} (${names}) select * from unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(text, columns.map((_, c) => rows.map((r) => r[c]))));
    return;
  }
  const per = Math.floor(60_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    let n = 0;
    const tuples = chunk.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`);
    const values: unknown[] = [];
    for (const r of chunk) for (const v of r) values.push(v);
    await db.executeQuery(CompiledQuery.raw(`insert into ${table} (${names}) values ${tuples.join(', ')}`, values));
  }
}
