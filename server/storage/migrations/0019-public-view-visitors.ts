import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Public-view visitors (issue 9, part 3): e-mail sign-in, registered visitors, MyPage.
//
//   public_views.email_auth         null: no e-mail sign-in; 'registered' (only registered
//                                   addresses) or 'anyone' (anyone who proves an address).
//   public_view_sessions.last_seen_at  e-mail sessions end after a while idle as well as at
//                                   expires_at (password sessions leave it null).
//   public_view_visitors            a view's registered visitors: the normalised address, a name,
//                                   attributes (JSON object of strings) for MyPage matching, and
//                                   where the row came from ('manual', 'csv', 'app').
//   public_view_sign_ins            codes and links sent and not yet used: id_hash is the SHA-256 of
//                                   a link's token (or of a random id for a code); code_hash an
//                                   HMAC of the code under the view's signing key; browser_hash
//                                   the SHA-256 of the cookie of the browser that asked for a link.
//                                   A use, a fifth wrong code or a newer code deletes the row.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('public_views').addColumn('email_auth', 'text').execute();
  await db.schema.alterTable('public_view_sessions').addColumn('last_seen_at', t.time).execute();
  await db.schema.createIndex('public_view_sessions_expiry_ix').on('public_view_sessions').column('expires_at').execute();

  await db.schema
    .createTable('public_view_visitors')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('public_view_visitors_pk', ['domain_id', 'view_id', 'email'])
    .addForeignKeyConstraint('public_view_visitors_view_fk', ['domain_id', 'view_id'], 'public_views', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('public_view_sign_ins')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text')
    .addColumn('browser_hash', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addForeignKeyConstraint('public_view_sign_ins_view_fk', ['domain_id', 'view_id'], 'public_views', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('public_view_sign_ins_who_ix').on('public_view_sign_ins').columns(['domain_id', 'view_id', 'email', 'kind']).execute();
  await db.schema.createIndex('public_view_sign_ins_expiry_ix').on('public_view_sign_ins').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_view_sign_ins').execute();
  await db.schema.dropTable('public_view_visitors').execute();
  await db.schema.dropIndex('public_view_sessions_expiry_ix').execute();
  await db.schema.alterTable('public_view_sessions').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('public_views').dropColumn('email_auth').execute();
}
