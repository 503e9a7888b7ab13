import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Record history: versions of a record, each the record's data as it was stored after that
// revision (`records.data`'s form, keyed by internal field id), who wrote it and when, what kind
// of write it was, and which top-level fields it changed. Saves that change nothing leave no
// row (kintone shows a gap). A record's first version, its creation, is written only when the
// record is first changed: bulk adds write nothing here. The rows hang off the record, so
// deleting a record (or its app, or its domain) takes its history along.
//
//   kind    = 'ADD' | 'EDIT' | 'STATUS' | 'REVERT'
//   changed = ["<fieldId>", …], or null where the history of the record begins with an unknown
//             change (history turned on again, or records older than history)
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('record_versions')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('changed', t.json)
    // 0 when written through an API token (kintone's "Administrator").
    .addColumn('modifier_id', 'integer', (c) => c.notNull())
    .addColumn('modified_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('record_versions_pk', ['domain_id', 'app_id', 'record_id', 'revision'])
    .addForeignKeyConstraint('record_versions_record_fk', ['domain_id', 'app_id', 'record_id'], 'records', ['domain_id', 'app_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_versions').execute();
}
