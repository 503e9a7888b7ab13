// Date functions of the query language as half-open ranges. TODAY() and friends mean the
// calling user's calendar day, so they are computed in the user's IANA zone (spec §5.2) with
// Intl alone: this module also runs in the browser and carries no date library.

import type { CompareOp } from './ast.js';
import { QueryError } from './errors.js';
import { checkCall, type CheckedCall } from './functions.js';

export type DateFieldType = 'DATE' | 'DATETIME' | 'CREATED_TIME' | 'UPDATED_TIME';

/**
 * DATE fields: `YYYY-MM-DD`, from inclusive, to exclusive. Date-time fields: UTC instants
 * `YYYY-MM-DDTHH:MM:SSZ`. NOW() is an instant: from = to = the current minute.
 */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
// Keep every result a four-digit year, so that the strings still sort like the dates.
const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

export function resolveDateFunction(
  fn: { name: string; args: string[] },
  now: Date,
  timeZone: string,
  fieldType: DateFieldType,
): DateRange {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  const call = checkCall(fn, fieldType);
  if (call.name === 'LOGINUSER' || call.name === 'PRIMARY_ORGANIZATION' || (call.name === 'NOW' && fieldType === 'DATE')) {
    throw new QueryError('GAIA_IQ03', { params: { field: fieldType, op: `${call.name}()` } });
  }
  if (call.name === 'NOW') {
    const minute = iso(Math.floor(now.getTime() / 60_000) * 60_000);
    return { from: minute, to: minute };
  }
  const today = localDay(now.getTime(), timeZone);
  const [from, to] = dayRange(call, today);
  const lo = clampDay(from);
  const hi = clampDay(to);
  if (fieldType === 'DATE') return { from: formatDay(lo), to: formatDay(hi) };
  return { from: iso(startOfDay(lo, timeZone)), to: iso(startOfDay(hi, timeZone)) };
}

/** [from, to) in days since 1970-01-01 (the zone's calendar). */
function dayRange(call: CheckedCall, today: number): [number, number] {
  const day = (d: number): [number, number] => [d, d + 1];
  switch (call.name) {
    case 'TODAY':
      return day(today);
    case 'YESTERDAY':
      return day(today - 1);
    case 'TOMORROW':
      return day(today + 1);
    case 'FROM_TODAY':
      return day(fromToday(today, call.amount, call.unit));
    case 'THIS_WEEK':
    case 'LAST_WEEK':
    case 'NEXT_WEEK': {
      const shift = call.name === 'THIS_WEEK' ? 0 : call.name === 'LAST_WEEK' ? -7 : 7;
      const sunday = today - weekday(today) + shift;
      return call.weekday === null ? [sunday, sunday + 7] : day(sunday + call.weekday);
    }
    case 'THIS_MONTH':
    case 'LAST_MONTH':
    case 'NEXT_MONTH': {
      const { y, m } = civilFromDays(today);
      const { y: year, m: month } = addMonths(y, m, call.name === 'THIS_MONTH' ? 0 : call.name === 'LAST_MONTH' ? -1 : 1);
      const first = daysFromCivil(year, month, 1);
      const length = monthLength(year, month);
      if (call.day === null) return [first, first + length];
      // A day the month lacks (THIS_MONTH(31) in February) means its last day.
      const d = call.day === 'LAST' ? length : Math.min(call.day, length);
      return day(first + d - 1);
    }
    case 'THIS_YEAR':
    case 'LAST_YEAR':
    case 'NEXT_YEAR': {
      const y = civilFromDays(today).y + (call.name === 'THIS_YEAR' ? 0 : call.name === 'LAST_YEAR' ? -1 : 1);
      return [daysFromCivil(y, 1, 1), daysFromCivil(y + 1, 1, 1)];
    }
    default:
      throw new QueryError('GAIA_IL08');
  }
}

function fromToday(today: number, amount: number, unit: 'DAYS' | 'WEEKS' | 'MONTHS' | 'YEARS'): number {
  if (unit === 'DAYS') return today + amount;
  if (unit === 'WEEKS') return today + 7 * amount;
  const { y, m, d } = civilFromDays(today);
  const target = addMonths(y, m, unit === 'MONTHS' ? amount : 12 * amount);
  // Jan 31 + 1 month is the end of February, as calendars (and kintone's UI) count.
  return daysFromCivil(target.y, target.m, Math.min(d, monthLength(target.y, target.m)));
}

export type RangeBound = { op: CompareOp; value: string };

/** The bounds are joined with `combine`; the SQL compiler binds each value as a parameter. */
export interface RangeComparison {
  combine: 'and' | 'or';
  bounds: RangeBound[];
}

/**
 * What `field <op> FUNCTION()` means for a range: `=` is "within", `!=` "outside", `<` before
 * it starts, `<=` before it ends, `>` after it ends, `>=` from its start. An instant (NOW())
 * compares as itself.
 */
export function compareRange(op: CompareOp, range: DateRange): RangeComparison {
  const { from, to } = range;
  if (from === to) return { combine: 'and', bounds: [{ op, value: from }] };
  switch (op) {
    case '=':
      return { combine: 'and', bounds: [{ op: '>=', value: from }, { op: '<', value: to }] };
    case '!=':
      return { combine: 'or', bounds: [{ op: '<', value: from }, { op: '>=', value: to }] };
    case '<':
      return { combine: 'and', bounds: [{ op: '<', value: from }] };
    case '<=':
      return { combine: 'and', bounds: [{ op: '<', value: to }] };
    case '>':
      return { combine: 'and', bounds: [{ op: '>=', value: to }] };
    case '>=':
      return { combine: 'and', bounds: [{ op: '>=', value: from }] };
  }
}

// ---- Civil-calendar arithmetic on day numbers (proleptic Gregorian, no Date quirks) ----

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + delta;
  return { y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 };
}

function monthLength(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** 0 = Sunday. 1970-01-01 was a Thursday. */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function clampDay(days: number): number {
  return Math.min(MAX_DAY, Math.max(MIN_DAY, days));
}

function formatDay(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

// ---- Time zones through Intl ----

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    // Zones come from user settings; the cap only guards against a caller passing junk.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at `ms`, read as if it were UTC. */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  // Zones west of UTC put the very first instants we compute in 1 BC, which is year 0.
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const days = daysFromCivil(year, Number(parts.month), Number(parts.day));
  return days * DAY_MS + Number(parts.hour) * 3_600_000 + Number(parts.minute) * 60_000 + Number(parts.second) * 1000;
}

function localDay(ms: number, timeZone: string): number {
  return Math.floor(wallClock(ms, timeZone) / DAY_MS);
}

/**
 * The instant the zone's day begins. Offsets are probed twice because they change; when
 * midnight itself is skipped (a DST jump at 00:00) the day begins at the later instant.
 */
function startOfDay(days: number, timeZone: string): number {
  const wall = days * DAY_MS;
  const offset1 = wallClock(wall, timeZone) - wall;
  const t1 = wall - offset1;
  const offset2 = wallClock(t1, timeZone) - t1;
  if (offset2 === offset1) return t1;
  const t2 = wall - offset2;
  const offset3 = wallClock(t2, timeZone) - t2;
  return offset3 === offset2 ? t2 : Math.max(t1, t2);
}

/** The instant (`YYYY-MM-DDTHH:MM:SSZ`) at which the day `YYYY-MM-DD` begins in the zone. */
export function dayStartIn(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return iso(startOfDay(clampDay(daysFromCivil(y, m, d)), timeZone));
}
