import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Public views (kViewer-style; issue 9): app data published, read-only, to visitors without an
// account.
//
//   public_views          one row per view. `kind` names the view type ('list', 'card', 'calendar',
//                         'graph', 'advancedGraph', 'segment', 'dashboard', 'myPage') and `settings`
//                         holds that kind's JSON, validated by the kind's zod schema
//                         (common/api/public-views.ts), so a new kind needs no migration.
//                         url_token_hash is the SHA-256 of the URL's 256-bit token (never usable as
//                         stored; regenerating replaces it, and the old URL is dead). signing_key
//                         signs the view's attachment URLs and is replaced with the token.
//                         config_version goes up with every change and is part of every cache key.
//                         creator_id is the app manager who made the view: visitors read as that
//                         person, never more (no foreign key: a deleted creator leaves a view that
//                         shows nothing). password_hash is argon2id; ip_allow a JSON list.
//   public_view_sessions  visitors who gave a view's password: the SHA-256 of the cookie's secret,
//                         the view, and an expiry. Changing the password deletes them; `kind` and
//                         `email` leave room for e-mail sign-in.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('public_views')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('settings', t.json, (c) => c.notNull())
    .addColumn('published', t.bool, (c) => c.notNull())
    .addColumn('url_token_hash', 'text', (c) => c.notNull())
    .addColumn('signing_key', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('ip_allow', t.json, (c) => c.notNull())
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('public_views_pk', ['domain_id', 'id'])
    .addForeignKeyConstraint('public_views_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addCheckConstraint('public_views_kind_ck', sqlKinds())
    .execute();
  await db.schema.createIndex('public_views_token_uq').on('public_views').column('url_token_hash').unique().execute();
  await db.schema.createIndex('public_views_app_ix').on('public_views').columns(['domain_id', 'app_id']).execute();

  await db.schema
    .createTable('public_view_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addForeignKeyConstraint('public_view_sessions_view_fk', ['domain_id', 'view_id'], 'public_views', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('public_view_sessions_view_ix').on('public_view_sessions').columns(['domain_id', 'view_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_view_sessions').execute();
  await db.schema.dropTable('public_views').execute();
}

function sqlKinds() {
  // Written out rather than imported: a merged migration must not change when the code does.
  const kinds = ['list', 'card', 'calendar', 'graph', 'advancedGraph', 'segment', 'dashboard', 'myPage'];
  return sql`kind in (${sql.join(kinds.map((k) => sql.lit(k)))})`;
}
