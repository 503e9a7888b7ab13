// The contract, licence usage and estimates (ours; administrators only). kintone bills through
// cybozu.com; Engawa models the same contract so that administrators see what their guests cost
// before the bill arrives (MISSION §6, features D).
import { z } from 'zod';
import { type Day, isDay } from '../licences/calendar.js';
import { COURSES, type Course, type CourseLimits, TERMS, type Term } from '../licences/courses.js';
import type { LicenceState } from '../licences/guest-licence.js';
import { VIEW_PLANS, type ViewPlan } from '../licences/view-plans.js';
import { intParam } from './params.js';

export const CONTRACT_PATH = '/v1/licences/contract.json';
export const LICENCE_USAGE_PATH = '/v1/licences/usage.json';
export const LICENCE_GUESTS_PATH = '/v1/licences/guests.json';
export const ESTIMATE_PATH = '/v1/licences/estimate.json';
export const ESTIMATE_CSV_PATH = '/v1/licences/estimate.csv';

/** Default days before a guest's trial ends when administrators are reminded. */
export const DEFAULT_TRIAL_REMINDER_DAYS = [7, 1];

const day = z.string().refine(isDay, 'invalid');

/**
 * PUT the contract: a whole contract when the domain has none, otherwise only what changes.
 * `guests.course` / `guests.term` may be sent only to say the same as the contract's: guest
 * licences always share them (CB_LI04 otherwise).
 */
export const contractInput = z.object({
  course: z.enum(COURSES).optional(),
  term: z.enum(TERMS).optional(),
  userLicences: intParam(1, 1_000_000).optional(),
  startDate: day.optional(),
  /** Annual terms: the term's last day (default: a year after the start, less a day). */
  endDate: day.nullable().optional(),
  guests: z
    .object({
      licences: intParam(0, 1_000_000),
      course: z.enum(COURSES).optional(),
      term: z.enum(TERMS).optional(),
    })
    .optional(),
  /** The public-view plan; null: none. */
  viewPlan: z.enum(VIEW_PLANS).nullable().optional(),
  /** Days before a trial ends when administrators are told (each 1–30, at most 5). */
  trialReminderDays: z.array(intParam(1, 30)).max(5).optional(),
});
export type ContractInput = z.output<typeof contractInput>;

export interface ContractJson {
  course: Course;
  term: Term;
  userLicences: number;
  guestLicences: number;
  startDate: Day;
  /** Annual terms: the current term's last day; null for monthly terms. */
  endDate: Day | null;
  viewPlan: ViewPlan | null;
  trialReminderDays: number[];
}

export interface ContractResponse {
  /** Null: the domain has no contract, and nothing is limited or billed. */
  contract: ContractJson | null;
}

export type LicenceWarning =
  | { code: 'guestLicencesExceeded'; inUse: number; licences: number }
  | { code: 'userLicencesExceeded'; inUse: number; licences: number };

export interface UsageJson {
  contract: ContractJson | null;
  users: { active: number; suspended: number; licences: number | null };
  guests: { trial: number; required: number; notRequired: number; licences: number | null };
  apps: { count: number; limit: number | null };
  spaces: { count: number; limit: number | null };
  limits: CourseLimits;
  warnings: LicenceWarning[];
}

export const licenceGuestsQuery = z.object({
  offset: intParam(0, 1_000_000).optional(),
  limit: intParam(1, 500).optional(),
  state: z.enum(['trial', 'required', 'notRequired']).optional(),
});

export interface GuestLicenceJson {
  id: string;
  email: string;
  name: string;
  company: string;
  valid: boolean;
  lastLoginAt: string | null;
  state: LicenceState;
  trialEnds: Day | null;
}

/** GET /v1/licences/guests.json. */
export interface LicenceGuestsResponse {
  guests: GuestLicenceJson[];
  totalCount: number;
}

export const estimateQuery = z.object({
  locale: z.enum(['ja', 'en']).optional(),
});

export type EstimateItem = 'users' | 'guests' | 'guestsProRata' | 'viewPlan';

export interface EstimateLine {
  item: EstimateItem;
  /** Licences held under the contract (users, guests) or 1 (the public-view plan). */
  licences: number;
  /** People who need a licence in the period. */
  inUse: number;
  /** What is charged: the larger of the two, or the pro-rata months (guestsProRata). */
  quantity: number;
  /** Months charged per unit. */
  months: number;
  /** Yen per unit per month, tax excluded. */
  unitPrice: number;
  amount: number;
}

export interface EstimatePeriod {
  label: 'currentMonth' | 'nextMonth' | 'currentTerm' | 'nextTerm';
  from: Day;
  to: Day;
  course: Course;
  term: Term;
  lines: EstimateLine[];
  /** Yen, tax excluded. */
  total: number;
}

export interface EstimateJson {
  contract: ContractJson | null;
  periods: EstimatePeriod[];
}
