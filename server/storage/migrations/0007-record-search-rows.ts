import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// SQLite: the `like` index's rows become findable by record. In 0006 the rows lived in the FTS5
// table itself, where record_id is an unindexed column: every update or delete of a record
// scanned the whole index. Now `record_search` is a regular table keyed like PostgreSQL's
// (domain, app, record, field), and the FTS5 index `record_search_fts` is built over it as an
// external-content table, kept in step in the same transaction. Writers use `record_search`
// alike on both databases (and on SQLite index what they add); the `like` query names
// `record_search_fts`.
// The rows keep their FTS rowids, but the index itself is rebuilt, once.
// PostgreSQL's record_search already has that primary key: nothing changes there.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`alter table record_search rename to record_search_0006`.execute(db);
  await sql`create table record_search (
    id integer primary key,
    domain_id text not null,
    app_id integer not null,
    record_id integer not null,
    field_id text not null,
    content text not null)`.execute(db);
  await sql`create unique index record_search_key on record_search (domain_id, app_id, record_id, field_id)`.execute(db);
  await sql`insert or ignore into record_search (id, domain_id, app_id, record_id, field_id, content)
    select rowid, domain_id, app_id, record_id, field_id, content from record_search_0006`.execute(db);
  await sql`drop table record_search_0006`.execute(db);
  await sql`create virtual table record_search_fts using fts5(
    content, domain_id unindexed, app_id unindexed, record_id unindexed, field_id unindexed,
    tokenize = 'trigram', content = 'record_search', content_rowid = 'id')`.execute(db);
  await sql`insert into record_search_fts (record_search_fts) values ('rebuild')`.execute(db);
  // An external-content index forgets a row only when told what the row held: deletes and
  // updates tell it by trigger. New rows are indexed by the writer, with one INSERT … SELECT per
  // write (records.repo.ts): a trigger would run the index's insert as a sub-statement, and FTS5
  // flushes its pending terms to disk at every statement boundary inside a transaction, which
  // made bulk adds several times slower.
  await sql`create trigger record_search_ad after delete on record_search begin
    insert into record_search_fts (record_search_fts, rowid, content, domain_id, app_id, record_id, field_id)
      values ('delete', old.id, old.content, old.domain_id, old.app_id, old.record_id, old.field_id);
  end`.execute(db);
  await sql`create trigger record_search_au after update on record_search begin
    insert into record_search_fts (record_search_fts, rowid, content, domain_id, app_id, record_id, field_id)
      values ('delete', old.id, old.content, old.domain_id, old.app_id, old.record_id, old.field_id);
    insert into record_search_fts (rowid, content, domain_id, app_id, record_id, field_id)
      values (new.id, new.content, new.domain_id, new.app_id, new.record_id, new.field_id);
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  for (const t of ['record_search_ad', 'record_search_au']) await sql`drop trigger ${sql.id(t)}`.execute(db);
  await sql`drop table record_search_fts`.execute(db);
  await sql`alter table record_search rename to record_search_0007`.execute(db);
  await sql`create virtual table record_search using fts5(
    content, domain_id unindexed, app_id unindexed, record_id unindexed, field_id unindexed,
    tokenize = 'trigram')`.execute(db);
  await sql`insert into record_search (rowid, content, domain_id, app_id, record_id, field_id)
    select id, content, domain_id, app_id, record_id, field_id from record_search_0007`.execute(db);
  await sql`drop table record_search_0007`.execute(db);
}
