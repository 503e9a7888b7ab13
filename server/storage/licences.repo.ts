// Contracts, guest trials and trial reminders (see migrations/0017-licences.ts).
import type { ContractJson } from '../../common/api/licences.js';
import type { Course, Term } from '../../common/licences/courses.js';
import type { ViewPlan } from '../../common/licences/view-plans.js';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import { codeKey } from './users.repo.js';

export async function findContract(db: Queryable, domainId: string): Promise<ContractJson | null> {
  const row = await db.selectFrom('domainContracts').selectAll().where('domainId', '=', domainId).executeTakeFirst();
  if (!row) return null;
  return {
    course: row.course as Course,
    term: row.term as Term,
    userLicences: row.userLicences,
    guestLicences: row.guestLicences,
    startDate: row.startDate,
    endDate: row.endDate,
    viewPlan: row.viewPlan as ViewPlan | null,
    trialReminderDays: fromDb.json<number[]>(row.trialReminderDays, []),
  };
}

export async function saveContract(db: Queryable, domainId: string, c: ContractJson, now: Date): Promise<void> {
  const values = {
    course: c.course,
    term: c.term,
    userLicences: c.userLicences,
    guestLicences: c.guestLicences,
    startDate: c.startDate,
    endDate: c.endDate,
    viewPlan: c.viewPlan,
    trialReminderDays: toDb.json(c.trialReminderDays),
    updatedAt: toDb.time(now),
  };
  await db
    .insertInto('domainContracts')
    .values({ domainId, ...values, createdAt: toDb.time(now) })
    .onConflict((oc) => oc.column('domainId').doUpdateSet(values))
    .execute();
}

export async function deleteContract(db: Queryable, domainId: string): Promise<boolean> {
  const result = await db.deleteFrom('domainContracts').where('domainId', '=', domainId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Takes the contract row's lock until the transaction ends (an UPDATE that changes nothing locks
 * the row in PostgreSQL; SQLite has one writer anyway), so two requests that each add the last
 * permitted user cannot both succeed.
 */
export async function lockContract(db: Queryable, domainId: string): Promise<void> {
  await db.updateTable('domainContracts').set((eb) => ({ userLicences: eb.ref('userLicences') })).where('domainId', '=', domainId).execute();
}

/** A guest's first sign-in: its profile's first-login time, and its address's trial, each set once. */
export async function recordGuestFirstSignIn(db: Queryable, domainId: string, user: { id: number; email: string }, now: Date): Promise<void> {
  const at = toDb.time(now);
  await db
    .updateTable('guestProfiles')
    .set({ firstLoginAt: at })
    .where('domainId', '=', domainId)
    .where('userId', '=', user.id)
    .where('firstLoginAt', 'is', null)
    .execute();
  await db
    .insertInto('guestTrials')
    .values({ domainId, emailKey: codeKey(user.email), startedAt: at })
    .onConflict((oc) => oc.columns(['domainId', 'emailKey']).doNothing())
    .execute();
}

/** When each address's trial started, for the addresses given (absent: not started). */
export async function trialStarts(db: Queryable, domainId: string, emails: string[]): Promise<Map<string, Date>> {
  const keys = [...new Set(emails.map(codeKey))];
  const out = new Map<string, Date>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('guestTrials')
      .select(['emailKey', 'startedAt'])
      .where('domainId', '=', domainId)
      .where('emailKey', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.emailKey, fromDb.time(r.startedAt));
  }
  return out;
}

export interface LicensedGuest {
  id: number;
  email: string;
  name: string;
  company: string;
  valid: boolean;
  lastLoginAt: Date | null;
  trialStartedAt: Date | null;
}

/** Every guest account of the domain with its trial's start, in id order. */
export async function licensedGuests(db: Queryable, domainId: string): Promise<LicensedGuest[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('guestProfiles as p', (j) => j.onRef('p.domainId', '=', 'u.domainId').onRef('p.userId', '=', 'u.id'))
    .select(['u.id', 'u.email', 'u.name', 'u.valid', 'u.lastLoginAt', 'p.company'])
    .where('u.domainId', '=', domainId)
    .where('u.kind', '=', 'guest')
    .orderBy('u.id')
    .execute();
  const starts = await trialStarts(db, domainId, rows.map((r) => r.email));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    company: r.company ?? '',
    valid: fromDb.bool(r.valid),
    lastLoginAt: fromDb.timeOrNull(r.lastLoginAt),
    trialStartedAt: starts.get(codeKey(r.email)) ?? null,
  }));
}

/** Active and suspended regular users. */
export async function countUsers(db: Queryable, domainId: string): Promise<{ active: number; suspended: number }> {
  const rows = await db
    .selectFrom('users')
    .select((eb) => ['valid', eb.fn.countAll<number>().as('n')])
    .where('domainId', '=', domainId)
    .where('kind', '=', 'user')
    .groupBy('valid')
    .execute();
  let active = 0;
  let suspended = 0;
  for (const r of rows) {
    if (fromDb.bool(r.valid)) active += fromDb.count(r.n);
    else suspended += fromDb.count(r.n);
  }
  return { active, suspended };
}

export async function countApps(db: Queryable, domainId: string): Promise<number> {
  const row = await db.selectFrom('apps').select((eb) => eb.fn.countAll<number>().as('n')).where('domainId', '=', domainId).executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}

export async function countSpaces(db: Queryable, domainId: string): Promise<number> {
  const row = await db.selectFrom('spaces').select((eb) => eb.fn.countAll<number>().as('n')).where('domainId', '=', domainId).executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}

/** Reminders already sent for these addresses: "emailKey:daysBefore". */
export async function sentReminders(db: Queryable, domainId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('licenceReminders').select(['emailKey', 'daysBefore']).where('domainId', '=', domainId).execute();
  return new Set(rows.map((r) => `${r.emailKey}:${r.daysBefore}`));
}

/** Marks a reminder sent; false when another instance marked it first. */
export async function markReminderSent(db: Queryable, domainId: string, emailKey: string, daysBefore: number, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('licenceReminders')
    .values({ domainId, emailKey, daysBefore, sentAt: toDb.time(now) })
    .onConflict((oc) => oc.columns(['domainId', 'emailKey', 'daysBefore']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
