import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// SQLite keeps each record's document as JSONB, its binary JSON, rather than JSON text: a search
// or a count that reads a field of every record of an app (values are not indexed) no longer
// parses each document's text, and takes about half the time (dialect.ts, recordDocToDb).
// PostgreSQL's column is jsonb from the start. The conversion reads and writes every record once.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`update records set data = jsonb(data) where typeof(data) = 'text'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`update records set data = json(data) where typeof(data) = 'blob'`.execute(db);
}
