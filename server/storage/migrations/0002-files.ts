import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Uploaded files: the rows that name bytes kept on disk under DATA_DIR/files.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('files')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    // No foreign key to users: an attached file outlives the account that uploaded it.
    .addColumn('uploader_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', t.bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time)
    .addColumn('attached_at', t.time)
    .addPrimaryKeyConstraint('files_pk', ['domain_id', 'id'])
    .addUniqueConstraint('files_key_uq', ['domain_id', 'key_hash'])
    .execute();
  // The sweeper looks across domains for lapsed temporary uploads.
  await db.schema.createIndex('files_expiry_ix').on('files').columns(['kind', 'expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
