import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Record comments. kintone numbers comments per record from 1 and never hands a number out
// twice, even after the newest comment is deleted: the counter row keeps the last number given.
// Both tables hang off the record, so deleting a record (or its app, or its domain) takes its
// comments along in the same statement.
//
//   mentions = [{ "type": "USER" | "GROUP" | "ORGANIZATION", "code": "<code as the directory spells it>" }]
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('record_comments')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    // The text as posted; the mentioned names are put in front of it when it is read.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('mentions', t.json, (c) => c.notNull())
    // 0 when posted through an API token (kintone's "Administrator").
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('record_comments_pk', ['domain_id', 'app_id', 'record_id', 'id'])
    .addForeignKeyConstraint('record_comments_record_fk', ['domain_id', 'app_id', 'record_id'], 'records', ['domain_id', 'app_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('record_comment_counters')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_comment_counters_pk', ['domain_id', 'app_id', 'record_id'])
    .addForeignKeyConstraint('record_comment_counters_record_fk', ['domain_id', 'app_id', 'record_id'], 'records', ['domain_id', 'app_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_comment_counters').execute();
  await db.schema.dropTable('record_comments').execute();
}
