import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Notifications (kintone's portal notifications): one row per recipient and event, kept 70
// days. A row holds only pointers and facts of the event — which app, record and comment, who
// acted, which fields changed (by internal id), the status moved — never a value: what the
// recipient is shown is built when they read it, from the record and comment as they are then
// and as the recipient may see them (spec/security.md §2).
//
//   kind   = 'mention' | 'assigned' | 'commentAdded' | 'recordAdded' | 'recordEdited'
//          | 'statusChanged' | 'perRecord' | 'reminder' | 'fileImported'
//   to_me  = in the "To me" stream (mentions, assignments, per-record and reminder targets, the
//            people a record's fields name); otherwise in "All" only
//   sender = the user who acted; 0 for an API token (kintone's "Administrator"); null for none
//   detail = {"fields": ["f3", …]} | {"action", "from", "to"} | {"title"} …
//
// user_notification_settings: a user's own choice to get notifications by e-mail too.
// reminder_marks: per app, the time up to which reminders have been sent, so that each
// reminder fires once per record and date value even with several servers.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('notifications')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('recipient_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_me', t.bool, (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'integer')
    .addColumn('comment_id', 'integer')
    .addColumn('sender_id', 'integer')
    .addColumn('detail', t.json, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('read_at', t.time)
    .addPrimaryKeyConstraint('notifications_pk', ['domain_id', 'id'])
    .addForeignKeyConstraint('notifications_recipient_fk', ['domain_id', 'recipient_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('notifications_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('notifications_recipient_ix').on('notifications').columns(['domain_id', 'recipient_id', 'id']).execute();
  await db.schema.createIndex('notifications_created_ix').on('notifications').columns(['created_at']).execute();

  await db.schema
    .createTable('user_notification_settings')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('email', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_notification_settings_pk', ['domain_id', 'user_id'])
    .addForeignKeyConstraint('user_notification_settings_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('reminder_marks')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'integer', (c) => c.notNull())
    .addColumn('checked_until', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_marks_pk', ['domain_id', 'app_id'])
    .addForeignKeyConstraint('reminder_marks_app_fk', ['domain_id', 'app_id'], 'apps', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_marks').execute();
  await db.schema.dropTable('user_notification_settings').execute();
  await db.schema.dropTable('notifications').execute();
}
