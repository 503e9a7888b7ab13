import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// How people get in, and the proofs they show (issue: invitations, two-step verification and
// access restrictions). Every token and code is kept as a SHA-256 hash, never usable as stored.
//
//   guest_invitations   one row per invited address and guest space; token_hash is the link's
//                       single-use secret, cleared when used or cancelled
//   login_challenges    a sign-in waiting for its second factor: the e-mailed code of a guest
//                       (kind 'email') or a user's TOTP (kind 'totp'); id_hash names it to the
//                       browser, code_hash is the e-mailed code's hash (null for TOTP)
//   password_resets     e-mailed reset links
//   password_history    earlier password hashes, for the reuse rule
//   user_totp           a user's TOTP secret (confirmed_at null while enrolling) and hashed
//                       recovery codes (["<sha256>", …]; a used one is removed)
//   client_certificates certificates issued to users for "secure access"; fingerprint_sha256
//                       is the DER certificate's hash in lower-case hex
//   certificate_authorities  each domain's own CA that signs those certificates (created on
//                       first use); its private key never leaves the server
// The domain's security settings (password policy, two-step for guests, TOTP required, IP
// allow-list, Basic gate, secure access) live in domains.settings.security.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('guest_invitations')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('space_id', 'integer', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('inviter_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('sent_at', t.time, (c) => c.notNull())
    .addColumn('send_count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('accepted_at', t.time)
    .addColumn('accepted_user_id', 'integer')
    .addColumn('cancelled_at', t.time)
    .addPrimaryKeyConstraint('guest_invitations_pk', ['domain_id', 'id'])
    .addForeignKeyConstraint('guest_invitations_space_fk', ['domain_id', 'space_id'], 'spaces', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('guest_invitations_token_ix').on('guest_invitations').column('token_hash').unique().execute();
  await db.schema.createIndex('guest_invitations_space_ix').on('guest_invitations').columns(['domain_id', 'space_id', 'email_key']).execute();

  await db.schema
    .createTable('login_challenges')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('used_at', t.time)
    .addForeignKeyConstraint('login_challenges_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('login_challenges_user_ix').on('login_challenges').columns(['domain_id', 'user_id']).execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('used_at', t.time)
    .addForeignKeyConstraint('password_resets_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('password_resets_user_ix').on('password_resets').columns(['domain_id', 'user_id']).execute();

  await db.schema
    .createTable('password_history')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('changed_at', t.time, (c) => c.notNull())
    .addForeignKeyConstraint('password_history_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('password_history_user_ix').on('password_history').columns(['domain_id', 'user_id', 'changed_at']).execute();

  await db.schema
    .createTable('user_totp')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', t.time)
    .addColumn('last_step', 'integer')
    .addColumn('recovery_codes', t.json, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_totp_pk', ['domain_id', 'user_id'])
    .addForeignKeyConstraint('user_totp_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('client_certificates')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer_id', 'integer', (c) => c.notNull())
    .addColumn('issued_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('revoked_at', t.time)
    .addPrimaryKeyConstraint('client_certificates_pk', ['domain_id', 'id'])
    .addForeignKeyConstraint('client_certificates_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('client_certificates_fingerprint_ix').on('client_certificates').column('fingerprint_sha256').unique().execute();

  await db.schema
    .createTable('certificate_authorities')
    .addColumn('domain_id', 'text', (c) => c.primaryKey())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('private_key_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addForeignKeyConstraint('certificate_authorities_domain_fk', ['domain_id'], 'domains', ['id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['certificate_authorities', 'client_certificates', 'user_totp', 'password_history', 'password_resets', 'login_challenges', 'guest_invitations']) {
    await db.schema.dropTable(table).execute();
  }
}
