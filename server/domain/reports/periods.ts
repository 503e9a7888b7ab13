// Dates, date-times and times as graph categories: the period a value falls in, as a key that
// sorts as text. Date-times fall in the caller's time zone (a record at 23:30 UTC belongs to the
// next day in Tokyo); dates are calendar dates and have no zone. Weeks start on Sunday, as
// THIS_WEEK() does; quarters start at the app's first month of the fiscal year.
import type { GroupPeriod } from '../../../common/reports/fields.js';
import { zoned } from '../../../common/calc/zone.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAY_MS = 86_400_000;
const SLOT_MS = 15 * 60_000;

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Wall-clock time of instants in one zone. Asking Intl for every value would cost more than the
 * rest of an aggregation, so offsets are remembered per UTC day: a day whose offset is the same
 * at its start and at its end has that offset throughout (zones change at most once a day); a
 * day with a change is asked per quarter hour, the finest step any zone's changes take.
 */
export class ZoneClock {
  private readonly days = new Map<number, number | null>();
  private readonly slots = new Map<number, number>();
  constructor(readonly timeZone: string) {}

  private offsetAt(ms: number): number {
    return (zoned(Math.floor(ms / 1000), this.timeZone)?.offset ?? 0) * 1000;
  }

  private offset(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let whole = this.days.get(day);
    if (whole === undefined) {
      const start = this.offsetAt(day * DAY_MS);
      whole = start === this.offsetAt((day + 1) * DAY_MS - 1000) ? start : null;
      if (this.days.size > 100_000) this.days.clear();
      this.days.set(day, whole);
    }
    if (whole !== null) return whole;
    const slot = Math.floor(ms / SLOT_MS);
    let offset = this.slots.get(slot);
    if (offset === undefined) this.slots.set(slot, (offset = this.offsetAt(slot * SLOT_MS)));
    return offset;
  }

  civil(ms: number): Civil {
    const d = new Date(ms + this.offset(ms));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
  }
}

function ymd(c: Pick<Civil, 'year' | 'month' | 'day'>): string {
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** The Sunday on or before a date, as `YYYY-MM-DD`. */
function weekStart(c: Pick<Civil, 'year' | 'month' | 'day'>): string {
  const at = Date.UTC(c.year, c.month - 1, c.day);
  const d = new Date(at - new Date(at).getUTCDay() * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM` of the first month of the quarter, quarters counted from `firstMonth`. */
function quarterStart(c: Pick<Civil, 'year' | 'month'>, firstMonth: number): string {
  const intoYear = (c.month - firstMonth + 12) % 12;
  const month = ((firstMonth - 1 + intoYear - (intoYear % 3)) % 12) + 1;
  return `${pad(month > c.month ? c.year - 1 : c.year, 4)}-${pad(month)}`;
}

function periodKey(c: Civil, per: GroupPeriod, firstMonth: number): string {
  switch (per) {
    case 'YEAR':
      return pad(c.year, 4);
    case 'QUARTER':
      return quarterStart(c, firstMonth);
    case 'MONTH':
      return `${pad(c.year, 4)}-${pad(c.month)}`;
    case 'WEEK':
      return weekStart(c);
    case 'DAY':
      return ymd(c);
    case 'HOUR':
      return `${ymd(c)}T${pad(c.hour)}`;
    case 'MINUTE':
      return `${ymd(c)}T${pad(c.hour)}:${pad(c.minute)}`;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A stored DATE (`YYYY-MM-DD`) → its period key; null for anything else (an empty value). */
export function dateKey(text: string, per: GroupPeriod, firstMonth: number): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  return periodKey({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }, per, firstMonth);
}

/** An instant (ms since the epoch) → its period key in the clock's zone. */
export function instantKey(ms: number, per: GroupPeriod, clock: ZoneClock, firstMonth: number): string | null {
  if (!Number.isFinite(ms)) return null;
  return periodKey(clock.civil(ms), per, firstMonth);
}

/** A stored TIME (`HH:MM`) → `HH` by the hour, else the time itself. */
export function timeKey(text: string, per: GroupPeriod | undefined): string | null {
  if (!/^\d{2}:\d{2}$/.test(text)) return null;
  return per === 'HOUR' ? text.slice(0, 2) : text;
}

/** What to show for a period key: the key, or for weeks and quarters their first and last day or month. */
export function periodLabel(key: string, per: GroupPeriod | undefined): string {
  if (per === 'WEEK') {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    const end = new Date(Date.UTC(y, m - 1, d) + 6 * DAY_MS);
    return `${key} – ${pad(end.getUTCFullYear(), 4)}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
  }
  if (per === 'QUARTER') {
    const [y, m] = key.split('-').map(Number) as [number, number];
    const last = m + 2 > 12 ? { y: y + 1, m: m + 2 - 12 } : { y, m: m + 2 };
    return `${key} – ${pad(last.y, 4)}-${pad(last.m)}`;
  }
  if (per === 'HOUR') return `${key.replace('T', ' ')}:00`;
  if (per === 'MINUTE') return key.replace('T', ' ');
  return key;
}
