import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// PostgreSQL tells every server process when a table that a public view's visitor lookup reads
// has changed (storage/change-feed.ts): a statement-level trigger notifies the channel
// `engawa_changes` with the schema's name, at commit, once per transaction. A process keeps the
// lookup's last answer only while it hears nothing (SQLite needs no trigger: it has its own
// change stamp, dialect.ts).
export const CHANGE_CHANNEL = 'engawa_changes';
const TABLES = ['public_views', 'domains', 'users', 'apps', 'app_definitions'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return;
  await sql`create function engawa_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(CHANGE_CHANNEL)}, current_schema());
      return null;
    end $$`.execute(db);
  for (const t of TABLES) {
    await sql`create trigger ${sql.raw(`${t}_changed`)} after insert or update or delete or truncate on ${sql.table(t)}
      for each statement execute function engawa_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return;
  for (const t of TABLES) await sql.raw(`drop trigger ${t}_changed on ${t}`).execute(db);
  await sql`drop function engawa_changed()`.execute(db);
}
