import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Records. Field values live in one JSON document per record, keyed by the field's internal id
// (`f12`, never its code): renaming a field touches no record, and a field deleted and created
// again under the same code starts empty. System fields have columns of their own.
//
//   data = { "<fieldId>": StoredValue, …, "<subtableId>": [{ "id": "17", "value": { "<innerId>": StoredValue } }] }
//
// StoredValue per type is defined in common/fields/value-types.ts.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('records')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    // 0 when the record was written through an API token (kintone's "Administrator").
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('modifier_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pk', ['domain_id', 'app_id', 'id'])
    .addForeignKeyConstraint('records_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  // Unique fields: one row per (field, normalised value). The primary key makes two records
  // with the same value impossible even when two transactions race.
  await db.schema
    .createTable('record_unique_values')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_unique_values_pk', ['domain_id', 'app_id', 'field_id', 'value'])
    .addForeignKeyConstraint('record_unique_values_record_fk', ['domain_id', 'app_id', 'record_id'], 'records', ['domain_id', 'app_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('record_unique_values_record_ix')
    .on('record_unique_values')
    .columns(['domain_id', 'app_id', 'record_id'])
    .execute();

  // Which record and field an attached file belongs to, so a download can ask "may this caller
  // read that field of that record now?" (probe F1).
  await db.schema.alterTable('files').addColumn('app_id', 'integer').execute();
  await db.schema.alterTable('files').addColumn('record_id', 'integer').execute();
  await db.schema.alterTable('files').addColumn('field_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').dropColumn('field_id').execute();
  await db.schema.alterTable('files').dropColumn('record_id').execute();
  await db.schema.alterTable('files').dropColumn('app_id').execute();
  await db.schema.dropTable('record_unique_values').execute();
  await db.schema.dropTable('records').execute();
}
