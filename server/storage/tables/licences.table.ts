import type { DbJson, DbTime } from '../dialect.js';

/** A domain's contract (see migrations/0017-licences.ts). Dates are YYYY-MM-DD in Japan. */
export interface DomainContractsTable {
  domainId: string;
  course: string;
  term: string;
  userLicences: number;
  guestLicences: number;
  startDate: string;
  endDate: string | null;
  viewPlan: string | null;
  /** number[]: days before a trial ends when administrators are reminded. */
  trialReminderDays: DbJson;
  createdAt: DbTime;
  updatedAt: DbTime;
}

/** When a guest address first signed in: its trial's start, kept across deletion. */
export interface GuestTrialsTable {
  domainId: string;
  emailKey: string;
  startedAt: DbTime;
}

export interface LicenceRemindersTable {
  domainId: string;
  emailKey: string;
  daysBefore: number;
  sentAt: DbTime;
}
