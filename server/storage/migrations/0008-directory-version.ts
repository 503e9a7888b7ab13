import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// A per-domain counter that moves whenever a user, department or group appears, disappears or
// changes its code or name: the names shown in records. Kept by triggers, so no write path can
// forget it; record texts rendered with older names are recognised as stale by it.
const TABLES = ['users', 'organizations', 'groups'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('domains').addColumn('directory_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  if (dialectOf(db) === 'sqlite') {
    for (const t of TABLES) {
      const bump = (row: 'new' | 'old') => sql.raw(`update domains set directory_version = directory_version + 1 where id = ${row}.domain_id;`);
      await sql`create trigger ${sql.raw(`${t}_directory_insert`)} after insert on ${sql.table(t)} begin ${bump('new')} end`.execute(db);
      await sql`create trigger ${sql.raw(`${t}_directory_delete`)} after delete on ${sql.table(t)} begin ${bump('old')} end`.execute(db);
      await sql`create trigger ${sql.raw(`${t}_directory_update`)} after update of code, name on ${sql.table(t)}
        when old.code is not new.code or old.name is not new.name begin ${bump('new')} end`.execute(db);
    }
    return;
  }
  await sql`create function directory_changed() returns trigger language plpgsql as $$
    begin
      update domains set directory_version = directory_version + 1
        where id = case when tg_op = 'DELETE' then old.domain_id else new.domain_id end;
      return null;
    end $$`.execute(db);
  for (const t of TABLES) {
    await sql`create trigger ${sql.raw(`${t}_directory_change`)} after insert or delete on ${sql.table(t)}
      for each row execute function directory_changed()`.execute(db);
    await sql`create trigger ${sql.raw(`${t}_directory_update`)} after update of code, name on ${sql.table(t)}
      for each row when (old.code is distinct from new.code or old.name is distinct from new.name)
      execute function directory_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of TABLES) for (const k of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${t}_directory_${k}`).execute(db);
  } else {
    for (const t of TABLES) {
      await sql.raw(`drop trigger ${t}_directory_change on ${t}`).execute(db);
      await sql.raw(`drop trigger ${t}_directory_update on ${t}`).execute(db);
    }
    await sql`drop function directory_changed()`.execute(db);
  }
  await db.schema.alterTable('domains').dropColumn('directory_version').execute();
}
