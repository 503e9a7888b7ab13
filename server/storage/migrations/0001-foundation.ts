import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Every table carries domain_id first: tenancy is part of every key.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('domains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', t.bool, (c) => c.notNull())
    .addColumn('settings', t.json, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('domain_hosts')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('sequences')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequences_pk', ['domain_id', 'name'])
    .execute();

  await db.schema
    .createTable('setup_tokens')
    .addColumn('domain_id', 'text', (c) => c.primaryKey().references('domains.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('valid', t.bool, (c) => c.notNull())
    .addColumn('is_admin', t.bool, (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('primary_organization_id', 'integer')
    .addColumn('sort_order', 'integer')
    .addColumn('failed_logins', 'integer', (c) => c.notNull())
    .addColumn('locked_until', t.time)
    .addColumn('last_login_at', t.time)
    .addColumn('password_changed_at', t.time, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['domain_id', 'id'])
    .addUniqueConstraint('users_code_key_uq', ['domain_id', 'code_key'])
    .execute();

  for (const table of ['groups', 'organizations']) {
    let b = db.schema
      .createTable(table)
      .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('code_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull());
    if (table === 'organizations') {
      b = b.addColumn('parent_id', 'integer').addColumn('sort_order', 'integer');
    }
    await b
      .addColumn('created_at', t.time, (c) => c.notNull())
      .addColumn('updated_at', t.time, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['domain_id', 'id'])
      .addUniqueConstraint(`${table}_code_key_uq`, ['domain_id', 'code_key'])
      .execute();
  }

  await db.schema
    .createTable('group_users')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_users_pk', ['domain_id', 'group_id', 'user_id'])
    .addForeignKeyConstraint('group_users_group_fk', ['domain_id', 'group_id'], 'groups', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('group_users_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('group_users_user_ix').on('group_users').columns(['domain_id', 'user_id']).execute();

  await db.schema
    .createTable('user_organizations')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_organizations_pk', ['domain_id', 'user_id', 'organization_id'])
    .addForeignKeyConstraint('user_organizations_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('user_organizations_org_fk', ['domain_id', 'organization_id'], 'organizations', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('user_organizations_org_ix')
    .on('user_organizations')
    .columns(['domain_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('last_seen_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('sessions_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('sessions_user_ix').on('sessions').columns(['domain_id', 'user_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('at', t.time, (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_code', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('detail', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_domain_at_ix').on('audit_log').columns(['domain_id', 'at', 'id']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.time, (c) => c.notNull())
    .addColumn('locked_until', t.time)
    .addColumn('last_error', 'text')
    .addColumn('subject', 'text')
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('sent_at', t.time)
    .execute();
  await db.schema.createIndex('mail_outbox_due_ix').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_domain_ix').on('mail_outbox').columns(['domain_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mail_outbox',
    'audit_log',
    'sessions',
    'user_organizations',
    'group_users',
    'organizations',
    'groups',
    'users',
    'setup_tokens',
    'sequences',
    'domain_hosts',
    'domains',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
