import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// Permissions name groups and departments (app, record and field permissions, assignees), so
// the directory version of 0008 must also move when someone joins or leaves one, or when a
// department moves under another.
const MEMBERSHIPS = ['group_users', 'user_organizations'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of MEMBERSHIPS) {
      const bump = (row: 'new' | 'old') => sql.raw(`update domains set directory_version = directory_version + 1 where id = ${row}.domain_id;`);
      await sql`create trigger ${sql.raw(`${t}_directory_insert`)} after insert on ${sql.table(t)} begin ${bump('new')} end`.execute(db);
      await sql`create trigger ${sql.raw(`${t}_directory_delete`)} after delete on ${sql.table(t)} begin ${bump('old')} end`.execute(db);
    }
    await sql`create trigger organizations_directory_parent after update of parent_id on organizations
      when old.parent_id is not new.parent_id begin
        update domains set directory_version = directory_version + 1 where id = new.domain_id; end`.execute(db);
    return;
  }
  for (const t of MEMBERSHIPS) {
    await sql`create trigger ${sql.raw(`${t}_directory_change`)} after insert or delete on ${sql.table(t)}
      for each row execute function directory_changed()`.execute(db);
  }
  await sql`create trigger organizations_directory_parent after update of parent_id on organizations
    for each row when (old.parent_id is distinct from new.parent_id) execute function directory_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of MEMBERSHIPS) for (const k of ['insert', 'delete']) await sql.raw(`drop trigger ${t}_directory_${k}`).execute(db);
    await sql`drop trigger organizations_directory_parent`.execute(db);
    return;
  }
  for (const t of MEMBERSHIPS) await sql.raw(`drop trigger ${t}_directory_change on ${t}`).execute(db);
  await sql`drop trigger organizations_directory_parent on organizations`.execute(db);
}
