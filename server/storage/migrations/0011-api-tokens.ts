import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// API tokens per app. Only a hash of the token is kept. `rights` are the flags as edited in the
// app's settings (null once deleted there), `live_rights` what deploy made effective (null until
// the first deploy): like every setting, a token works only once the app is updated.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('rights', t.json)
    .addColumn('live_rights', t.json)
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addForeignKeyConstraint('api_tokens_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('api_tokens_app_ix').on('api_tokens').columns(['domain_id', 'app_id', 'id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
}
