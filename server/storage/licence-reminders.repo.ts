// What the licence reminder job reads beyond licences.repo.ts: the domains it looks at and the
// administrators it tells; and the upkeep of its once-a-day marks in licence_reminders.
import type { Locale } from '../../common/access.js';
import type { Queryable } from './db.js';
import { dialectOf, toDb } from './dialect.js';

/** Domains that model a contract: the only ones anything is billed for. */
export async function domainsWithContracts(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('domainContracts').select('domainId').orderBy('domainId').execute();
  return rows.map((r) => r.domainId);
}

export interface Administrator {
  id: number;
  email: string;
  locale: Locale;
}

/** The domain's administrators who can act on it: regular users, active, with isAdmin. */
export async function domainAdministrators(db: Queryable, domainId: string): Promise<Administrator[]> {
  const yes = toDb.bool(dialectOf(db), true);
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where('domainId', '=', domainId)
    .where('kind', '=', 'user')
    .where('isAdmin', '=', yes)
    .where('valid', '=', yes)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), email: r.email, locale: r.locale }));
}

/** Removes a reserved key's marks older than `keepFrom` (a day number): only the recent ones matter. */
export async function pruneMarks(db: Queryable, domainId: string, emailKey: string, keepFrom: number): Promise<void> {
  await db.deleteFrom('licenceReminders').where('domainId', '=', domainId).where('emailKey', '=', emailKey).where('daysBefore', '<', keepFrom).execute();
}
