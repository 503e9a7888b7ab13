// Billing days and months, in Japan's calendar (UTC+9 all year: Japan has no daylight saving,
// so a fixed offset is exact). Days are 'YYYY-MM-DD' strings and months 'YYYY-MM', which sort
// and compare as text.

const OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

export type Day = string;
export type Month = string;

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The Japanese calendar day an instant falls on. */
export function dayOf(instant: Date): Day {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a day begins (00:00 in Japan). */
export function dayStart(day: Day): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Is this a real calendar day (not 2026-02-30)? */
export function isDay(s: string): boolean {
  return DAY_PATTERN.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function firstDay(month: Month): Day {
  return `${month}-01`;
}

export function lastDay(month: Month): Day {
  return addDays(firstDay(addMonths(month, 1)), -1);
}

/** Months from `a` to `b`, both included (0 when b is before a). */
export function monthsInclusive(a: Month, b: Month): number {
  const index = (m: Month) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return Math.max(0, index(b) - index(a) + 1);
}

/**
 * The same day `years` later; 29 February becomes 28 February in a common year, as contracts
 * count it.
 */
export function addYears(day: Day, years: number): Day {
  const y = Number(day.slice(0, 4)) + years;
  const candidate = `${String(y).padStart(4, '0')}${day.slice(4)}`;
  return isDay(candidate) ? candidate : `${String(y).padStart(4, '0')}-02-28`;
}
