// A report's `periodicReport` (kintone's scheduled graph mail): accepted, checked for shape and
// stored, so clients that send it round-trip it. Engawa does not send periodic reports yet.
import type { ProblemSink } from '../fields/problems.js';
import { isObject } from '../fields/types.js';

export const PERIODIC_EVERY = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR'] as const;
export type PeriodicEvery = (typeof PERIODIC_EVERY)[number];

export interface PeriodicReport {
  active: boolean;
  period: { every: PeriodicEvery } & Partial<Record<'month' | 'dayOfMonth' | 'time' | 'pattern' | 'dayOfWeek' | 'minute', string>>;
}

const DAYS_OF_MONTH = Array.from({ length: 31 }, (_, i) => String(i + 1));
const CHECKS: Record<string, (v: string) => boolean> = {
  month: (v) => /^(?:[1-9]|1[0-2])$/.test(v),
  dayOfMonth: (v) => DAYS_OF_MONTH.includes(v) || v === 'END_OF_MONTH',
  time: (v) => /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(v),
  pattern: (v) => ['JAN_APR_JUL_OCT', 'FEB_MAY_AUG_NOV', 'MAR_JUN_SEP_DEC'].includes(v),
  dayOfWeek: (v) => ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].includes(v),
  minute: (v) => ['0', '10', '20', '30', '40', '50'].includes(v),
};

/** The settings each schedule takes (kintone's PeriodicReportPeriod* shapes). */
const FIELDS: Record<PeriodicEvery, readonly string[]> = {
  YEAR: ['month', 'dayOfMonth', 'time'],
  QUARTER: ['pattern', 'dayOfMonth', 'time'],
  MONTH: ['dayOfMonth', 'time'],
  WEEK: ['dayOfWeek', 'time'],
  DAY: ['time'],
  HOUR: ['minute'],
};

function flag(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** null clears it; an object replaces what it names on top of `base`; undefined keeps `base`. */
export function parsePeriodicReport(v: unknown, at: string, sink: ProblemSink, base: PeriodicReport | null = null): PeriodicReport | null | undefined {
  if (v === undefined) return base;
  if (v === null) return null;
  if (!isObject(v)) return void sink.add(at, 'invalid');
  const before = sink.count;
  const active = v.active === undefined ? (base?.active ?? false) : flag(v.active);
  if (active === undefined) sink.add(`${at}.active`, 'invalid');
  const raw = v.period === undefined ? base?.period : v.period;
  if (!isObject(raw)) return void sink.add(`${at}.period`, raw === undefined || raw === null ? 'required' : 'invalid');
  const every = raw.every;
  if (typeof every !== 'string' || !(PERIODIC_EVERY as readonly string[]).includes(every)) return void sink.add(`${at}.period.every`, every === undefined ? 'required' : 'enumValue');
  const period: PeriodicReport['period'] = { every: every as PeriodicEvery };
  for (const name of FIELDS[every as PeriodicEvery]) {
    const value = typeof raw[name] === 'number' ? String(raw[name]) : raw[name];
    if (value === undefined || value === null || value === '') sink.add(`${at}.period.${name}`, 'required');
    else if (typeof value !== 'string' || !CHECKS[name]!(value)) sink.add(`${at}.period.${name}`, 'invalid');
    else (period as Record<string, string>)[name] = value;
  }
  return sink.count === before ? { active: active!, period } : undefined;
}
