import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// E-mailed links with which a domain administrator locked out by the IP allow-list switches it
// off (kintone Help "IP Address Restrictions"). Like password_resets: token_hash is the SHA-256
// of the link's token, never usable as stored; used_at is set once, when the link is used.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('allow_list_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('used_at', t.time)
    .addForeignKeyConstraint('allow_list_resets_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('allow_list_resets_user_ix').on('allow_list_resets').columns(['domain_id', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('allow_list_resets').execute();
}
