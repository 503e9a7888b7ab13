import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Apps and their settings. An app's whole definition (settings, fields, layout, views) is one
// JSON document per stage: `preview` is edited, `live` is what records obey, and deploy copies
// one onto the other in a single transaction.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('apps')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('space_id', 'integer')
    .addColumn('thread_id', 'integer')
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('modifier_id', 'integer', (c) => c.notNull())
    .addColumn('modified_at', t.time, (c) => c.notNull())
    .addColumn('deployed', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('apps_pk', ['domain_id', 'id'])
    .execute();
  await db.schema
    .createIndex('apps_code_uq')
    .on('apps')
    .columns(['domain_id', 'code'])
    .unique()
    .where(sql.ref('code'), '<>', '')
    .execute();

  await db.schema
    .createTable('app_definitions')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    // Text, not jsonb: jsonb reorders object keys, and field order is part of an app.
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('app_definitions_pk', ['domain_id', 'app_id', 'stage'])
    .addForeignKeyConstraint('app_definitions_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('app_deploys')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', t.time, (c) => c.notNull())
    .addColumn('finished_at', t.time)
    .addPrimaryKeyConstraint('app_deploys_pk', ['domain_id', 'app_id'])
    .addForeignKeyConstraint('app_deploys_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_deploys').execute();
  await db.schema.dropTable('app_definitions').execute();
  await db.schema.dropTable('apps').execute();
}
