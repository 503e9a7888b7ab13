// Canonical forms of numbers, dates and times, shared by field settings (defaults, limits) and
// record values. Each parser answers the canonical string or undefined for junk; "empty" is the
// caller's business.
import { Decimal } from 'decimal.js';

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

// A canonical number is written out in full, so an exponent such as 1e999999999 would be a
// gigabyte of zeros. kintone keeps far fewer digits than this; the cap only stops abuse.
const MAX_EXPONENT = 1000;

/** `"1.5e1"` → `"15"`, `" 42 "` → `"42"`, `"-0"` → `"0"`; undefined when not a number. */
export function canonicalNumber(input: string | number): string | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    input = String(input);
  }
  const text = input.trim();
  if (!NUMBER_TEXT.test(text)) return undefined;
  const d = new Decimal(text);
  if (!d.isFinite() || Math.abs(d.e) > MAX_EXPONENT) return undefined;
  return d.isZero() ? '0' : d.toFixed();
}

export function compareNumbers(a: string, b: string): number {
  return new Decimal(a).comparedTo(new Decimal(b));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * kintone's date inputs: `YYYY-MM-DD`, and the shortened `YYYY`, `YYYY-M`, `YYYY-MM`, `YYYY-M-D`
 * (a missing month or day is the first). Answers `YYYY-MM-DD`.
 */
export function canonicalDate(input: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(input.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  return validDate(y, mo, d) ? `${m[1]}-${pad(mo)}-${pad(d)}` : undefined;
}

/** `HH:MM` or `H:MM`, no time zone. Answers `HH:MM`. */
export function canonicalTime(input: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h <= 23 && mi <= 59 ? `${pad(h)}:${pad(mi)}` : undefined;
}

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`, or a bare date meaning UTC midnight. Seconds
 * are dropped (kintone keeps minutes). A time without an offset is read as UTC.
 * Answers `YYYY-MM-DDTHH:MM:00Z`.
 */
export function canonicalDateTime(input: string): string | undefined {
  const text = input.trim();
  const date = canonicalDateOnly(text);
  if (date) return `${date}T00:00:00Z`;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  let offset = 0;
  const zone = m[7];
  if (zone && zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(-2));
    if (oh > 23 || om > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return formatDateTime(new Date(Date.UTC(y, mo - 1, d, h, mi) - offset * 60_000));
}

function canonicalDateOnly(text: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? canonicalDate(text) : undefined;
}

/** An instant at minute precision in UTC, as every kintone datetime is written. */
export function formatDateTime(at: Date): string | undefined {
  const y = at.getUTCFullYear();
  if (!Number.isFinite(y) || y < 1000 || y > 9999) return undefined;
  return `${y}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00Z`;
}

/** The wall-clock date and time of `at` in an IANA time zone (for "today" and "now" defaults). */
export function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const p of fmt.formatToParts(at)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
