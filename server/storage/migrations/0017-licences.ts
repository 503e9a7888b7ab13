import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Licences and billing (issue: licences, guest licences and the 30-day guest trial).
//
//   domain_contracts  one row per domain that models a contract: course, term, licence counts,
//                     the term's dates (YYYY-MM-DD, Japan's calendar) and the public-view plan.
//                     No row: nothing is limited or billed (a self-hosted install as it comes).
//   guest_trials      when each guest address first signed in, kept by the address (email_key,
//                     lower-cased) so that deleting and re-inviting a guest never restarts a
//                     trial already used
//   licence_reminders which trial-end reminders went out (one per address and days-before)
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('domain_contracts')
    .addColumn('domain_id', 'text', (c) => c.primaryKey().references('domains.id').onDelete('cascade'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('user_licences', 'integer', (c) => c.notNull())
    .addColumn('guest_licences', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('view_plan', 'text')
    .addColumn('trial_reminder_days', t.json, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guest_trials')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('started_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('guest_trials_pk', ['domain_id', 'email_key'])
    .execute();

  await db.schema
    .createTable('licence_reminders')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('licence_reminders_pk', ['domain_id', 'email_key', 'days_before'])
    .execute();

  // Guests who already signed in keep the trial they started.
  await sql`
    insert into guest_trials (domain_id, email_key, started_at)
    select p.domain_id, lower(u.email), min(p.first_login_at)
    from guest_profiles p join users u on u.domain_id = p.domain_id and u.id = p.user_id
    where p.first_login_at is not null
    group by p.domain_id, lower(u.email)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['licence_reminders', 'guest_trials', 'domain_contracts']) {
    await db.schema.dropTable(table).execute();
  }
}
