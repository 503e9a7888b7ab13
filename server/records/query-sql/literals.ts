// Query literals turned into the canonical shapes records are stored in, so that a bound
// value compares with stored ones as text. A literal that cannot be read is the caller's
// syntax error (CB_VA01), never a database error.
import type { Cond, Value } from '../../../common/query/ast.js';
import { QueryError } from '../../../common/query/errors.js';

export const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const MIN_MS = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');
export const MINUTE_MS = 60_000;

export function syntax(): QueryError {
  return new QueryError('CB_VA01', { messageKey: 'querySyntax' });
}

export function notNumber(): QueryError {
  return new QueryError('CB_VA01', { messageKey: 'notNumber' });
}

/** An operator the field's type does not take: checkQuery refuses it first; this is the backstop. */
export function unsupported(cond: Cond, field: { code: string }): QueryError {
  const op =
    cond.kind === 'compare' ? cond.op : cond.kind === 'empty' ? (cond.negated ? 'is not' : 'is') : `${cond.negated ? 'not ' : ''}${cond.kind}`;
  return new QueryError('GAIA_IQ03', { params: { field: field.code, op } });
}

/** Strings and bare numbers alike (kintone accepts `"5"` and `5`); a function is not a literal. */
export function literalText(v: Value, field: string): string {
  if (v.kind === 'function') throw new QueryError('GAIA_IQ03', { params: { field, op: `${v.name}()` } });
  return v.value;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] as number));
}

export function parseDate(text: string): string {
  const m = DATE.exec(text);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) throw syntax();
  return text;
}

export function parseTime(text: string): string {
  const m = TIME.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw syntax();
  return text;
}

/** Milliseconds of the UTC minute the literal falls in (seconds are ignored, as kintone does). */
export function parseDateTimeMs(text: string): number {
  const m = DATETIME.exec(text);
  if (!m) throw syntax();
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 59) throw syntax();
  const zone = m[7] as string;
  let offset = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) throw syntax();
    offset = (digits.startsWith('-') ? -1 : 1) * (oh * 60 + om) * MINUTE_MS;
  }
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, 0, 0);
  const ms = wall.getTime() - offset;
  if (ms < MIN_MS || ms > MAX_MS) throw syntax();
  return ms;
}

/** DATETIME fields store `YYYY-MM-DDTHH:MM:00Z`. */
export function storedDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}:00Z`;
}

/**
 * created_at / updated_at: the shape toDb.time writes, which SQLite compares as text and
 * PostgreSQL reads as a timestamptz. Clamped so the year keeps four digits.
 */
export function columnInstant(ms: number): string {
  return new Date(Math.min(MAX_MS, Math.max(MIN_MS, ms))).toISOString();
}

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;

/**
 * A record number as written: `12`, `"12"`, `"12.5"` or `"APPCODE-12"` (the prefix must be this
 * app's code). Null when it cannot name a record of this app.
 */
export function recordNumber(text: string, appCode: string): { floor: bigint; ceil: bigint } | null {
  if (text === '') return null;
  let digits = text;
  const dash = text.lastIndexOf('-');
  if (dash > 0) {
    if (appCode === '' || text.slice(0, dash) !== appCode) return null;
    digits = text.slice(dash + 1);
    if (!/^\d+$/.test(digits)) return null;
  }
  const m = /^(-?)(\d{1,400})(?:\.(\d{1,400}))?$/.exec(digits);
  if (!m) throw notNumber();
  const whole = BigInt(`${m[1]}${m[2]}`);
  const fraction = /[1-9]/.test(m[3] ?? '');
  if (!fraction) return { floor: whole, ceil: whole };
  return m[1] === '-' ? { floor: whole - 1n, ceil: whole } : { floor: whole, ceil: whole + 1n };
}

/** Bounds outside the id column's integer range are decided without asking the database. */
export type IdBound = { kind: 'value'; value: number } | { kind: 'below' } | { kind: 'above' };

export function idBound(n: bigint): IdBound {
  if (n < INT_MIN) return { kind: 'below' };
  if (n > INT_MAX) return { kind: 'above' };
  return { kind: 'value', value: Number(n) };
}
