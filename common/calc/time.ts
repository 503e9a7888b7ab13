// Dates and times as formulas see them: plain seconds (spec/calc-formulas.md §2.3), read from
// and written back to the API's strings (§4.1, §5.2). Everything here is UTC; zones belong to
// DATE_FORMAT alone.

import type { Num } from './decimal.js';

const DAY = 86_400;

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Unix seconds of a UTC wall-clock time; Date.UTC is avoided because it maps years 0–99 to 19xx. */
export function utcSeconds(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime() / 1000;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function civilUtc(seconds: number): Civil {
  const date = new Date(seconds * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const c = civilUtc(utcSeconds(y, mo, d));
  return c.year === y && c.month === mo && c.day === d;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^(-)?(\d{1,15}):(\d{2})$/;

/** `2026-04-25` → seconds at 00:00 UTC of that date. */
export function parseDate(text: string): number | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? utcSeconds(y, mo, d) : null;
}

/** `01:30` → 5400. */
export function parseTime(text: string): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h < 24 && mi < 60 && s < 60 ? h * 3600 + mi * 60 + s : null;
}

/** `2026-04-25T10:00:00Z` (or with an offset) → Unix seconds. */
export function parseDateTime(text: string): number | null {
  const m = DATETIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const zone = m[7] ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4)) * 60);
  return utcSeconds(y, mo, d, h, mi, s) - offset;
}

/** `25:01` (HOUR_MINUTE / DAY_HOUR_MINUTE CALC values) → 90060. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[3]);
  if (minutes > 59) return null;
  const total = Number(m[2]) * 3600 + minutes * 60;
  return m[1] ? -total : total;
}

/** Years a four-digit rendering can show. */
export const MIN_RENDERABLE = utcSeconds(0, 1, 1);
export const MAX_RENDERABLE = utcSeconds(9999, 12, 31, 23, 59, 59);

export function formatDateTimeUtc(seconds: number): string {
  const c = civilUtc(seconds);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}Z`;
}

export function formatDateUtc(seconds: number): string {
  const c = civilUtc(seconds);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** Time of day of `seconds` (taken modulo a day, so negatives wrap), seconds dropped. */
export function formatTimeOfDay(seconds: number): string {
  const inDay = ((Math.floor(seconds / 60) * 60) % DAY + DAY) % DAY;
  return `${pad(Math.floor(inDay / 3600))}:${pad(Math.floor((inDay % 3600) / 60))}`;
}

/**
 * Total hours and minutes of whole `seconds`, seconds dropped toward zero; `padHours` gives
 * `01:05` over `1:05`. Decimal because hours may run past a double's exact integers.
 */
export function formatDuration(seconds: Num, padHours: boolean): string {
  const minutes = seconds.abs().divToInt(60);
  const hours = minutes.divToInt(60).toFixed(0);
  const sign = seconds.isNegative() && !minutes.isZero() ? '-' : '';
  return `${sign}${padHours ? hours.padStart(2, '0') : hours}:${pad(minutes.mod(60).toNumber())}`;
}
