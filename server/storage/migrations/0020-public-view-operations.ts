import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Public views, running them (issue 9 leftovers):
//
//   public_views.frame_ancestors   JSON array of https origins allowed to show the visitor page
//                                  in a frame (CSP frame-ancestors); null or []: none may.
//   public_views.busy_mailed_on    the day (YYYY-MM-DD, UTC) administrators were last told the view
//                                  was busy: claimed by a conditional update, so at most one
//                                  e-mail per view and day whatever the number of processes.
//   public_view_visitor_syncs      a view's scheduled visitor sync: the source app and fields (as
//                                  POST visitors/sync.json takes them), the manager it reads as,
//                                  how often, when next (claimed by a conditional update: one
//                                  process runs each), and the last run's time, result or error.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema.alterTable('public_views').addColumn('frame_ancestors', t.json).execute();
  await db.schema.alterTable('public_views').addColumn('busy_mailed_on', 'text').execute();

  await db.schema
    .createTable('public_view_visitor_syncs')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('email_field', 'text', (c) => c.notNull())
    .addColumn('name_field', 'text')
    .addColumn('attributes', t.json, (c) => c.notNull())
    .addColumn('manager_id', 'integer', (c) => c.notNull())
    .addColumn('every', 'text', (c) => c.notNull())
    .addColumn('next_run_at', t.time, (c) => c.notNull())
    .addColumn('last_run_at', t.time)
    .addColumn('last_result', t.json)
    .addColumn('last_error', 'text')
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('public_view_visitor_syncs_pk', ['domain_id', 'view_id'])
    .addForeignKeyConstraint('public_view_visitor_syncs_view_fk', ['domain_id', 'view_id'], 'public_views', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('public_view_visitor_syncs_due_ix').on('public_view_visitor_syncs').column('next_run_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_view_visitor_syncs').execute();
  await db.schema.alterTable('public_views').dropColumn('busy_mailed_on').execute();
  await db.schema.alterTable('public_views').dropColumn('frame_ancestors').execute();
}
