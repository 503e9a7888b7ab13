import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Record cursors: a query's result read page by page. The set is fixed when the cursor is made
// (records added later are left out, via max_record_id); pages are read by key, not by offset,
// when the order allows it, so exporting a million records costs the same per page throughout.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('record_cursors')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('fields', t.json)
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('max_record_id', 'integer', (c) => c.notNull())
    .addColumn('last_record_id', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('total_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_cursors_domain_ix').on('record_cursors').columns(['domain_id', 'expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_cursors').execute();
}
