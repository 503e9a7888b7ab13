// The contract's course and term, the price table and what each course allows. Prices are yen
// per person per month, tax excluded (MISSION §6). Every rule that differs by course reads
// these tables; nothing compares course names elsewhere.

export const COURSES = ['light', 'standard', 'wide'] as const;
export type Course = (typeof COURSES)[number];

export const TERMS = ['monthly', 'annual'] as const;
export type Term = (typeof TERMS)[number];

export interface CoursePrices {
  /** A regular user's licence, yen per month. */
  user: number;
  /** A guest's licence, yen per month. Wide-course guests are priced as Standard guests. */
  guest: number;
}

export const PRICES: Readonly<Record<Course, CoursePrices>> = {
  light: { user: 1_000, guest: 700 },
  standard: { user: 1_800, guest: 1_440 },
  wide: { user: 3_000, guest: 1_440 },
};

/**
 * What a course allows, where kintone's courses differ. `null`: no limit. The API rows apply to
 * requests made with the password header or an API token (the official clients, scripts); the
 * web application's own session requests are not API use.
 */
export interface CourseLimits {
  /** Apps in the domain (kintone: Light 200, Standard 1,000, Wide 3,000). */
  apps: number | null;
  /** Spaces in the domain, guest spaces included (kintone: 100 / 500 / 1,500). */
  spaces: number | null;
  /** The REST API at all (kintone's Light course has none). */
  api: boolean;
  /** API requests per app per day, reset at 09:00 Japan time (kintone: 10,000 / 100,000). */
  apiRequestsPerAppPerDay: number | null;
}

export const COURSE_LIMITS: Readonly<Record<Course, CourseLimits>> = {
  light: { apps: 200, spaces: 100, api: false, apiRequestsPerAppPerDay: null },
  standard: { apps: 1_000, spaces: 500, api: true, apiRequestsPerAppPerDay: 10_000 },
  wide: { apps: 3_000, spaces: 1_500, api: true, apiRequestsPerAppPerDay: 100_000 },
};

/** A domain without a contract (a self-hosted install that does not model one) has no limits. */
export const UNLIMITED: CourseLimits = { apps: null, spaces: null, api: true, apiRequestsPerAppPerDay: null };

/** Days of a guest's free trial, counted from the day of its first sign-in (day 0). */
export const GUEST_TRIAL_DAYS = 30;

/** Billing days and months are those of Japan, where kintone bills. */
export const BILLING_TIME_ZONE = 'Asia/Tokyo';
