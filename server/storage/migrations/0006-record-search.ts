import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// An n-gram index for `like`, kintone's word search: one row per record and text field.
// SQLite: an FTS5 table with the trigram tokenizer. PostgreSQL: a table with a pg_trgm GIN
// index. The index only narrows the candidates; the exact condition is still applied to them,
// so results are the same with or without it (and on both databases).
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`create virtual table record_search using fts5(
      content, domain_id unindexed, app_id unindexed, record_id unindexed, field_id unindexed,
      tokenize = 'trigram')`.execute(db);
    return;
  }
  await db.schema
    .createTable('record_search')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_search_pk', ['domain_id', 'app_id', 'record_id', 'field_id'])
    .execute();
  // pg_trgm is a trusted extension; where the database user may not create it, searches still
  // work, by scanning. A savepoint keeps a refusal from aborting the migration.
  await sql`savepoint trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`create index record_search_trgm_ix on record_search using gin (content public.gin_trgm_ops)`.execute(db);
    await sql`release savepoint trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint trgm`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table record_search`.execute(db);
}
