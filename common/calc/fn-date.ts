// DATE_FORMAT (spec/calc-formulas.md §3): a point in time printed in a zone with kintone's
// tokens. Any character that is not a token is copied as it is.

import type { Locale } from '../errors.js';
import { LIMITS, type Node } from './ast.js';
import { cannotCompute, wrongType } from './failure.js';
import { PROVISIONAL } from './provisional.js';
import { asString, text, type Runtime, type Value } from './runtime.js';
import { pad } from './time.js';
import { formatOffset, zoned, type Zoned } from './zone.js';

/** 1000-01-01T00:00:00Z … 9999-12-31T23:59:59Z. */
export const DATE_FORMAT_MIN = -30_610_224_000;
export const DATE_FORMAT_MAX = 253_402_300_799;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Render = (t: Zoned, locale: Locale) => string;

const h12 = (t: Zoned) => t.hour % 12 || 12;

// Longest first where tokens share a letter, so `MMMM` is never read as `MM` twice.
const TOKENS: ReadonlyArray<[string, Render]> = [
  ['YYYY', (t) => pad(t.year, 4)],
  ['MMMM', (t, l) => (l === 'ja' ? `${t.month}月` : (MONTHS[t.month - 1] ?? ''))],
  ['MMM', (t, l) => (l === 'ja' ? `${t.month}月` : (MONTHS[t.month - 1] ?? '').slice(0, 3))],
  ['MM', (t) => pad(t.month)],
  ['M', (t) => String(t.month)],
  ['dd', (t) => pad(t.day)],
  ['d', (t) => String(t.day)],
  ['HH', (t) => pad(t.hour)],
  ['H', (t) => String(t.hour)],
  ['hh', (t) => pad(h12(t))],
  ['h', (t) => String(h12(t))],
  ['KK', (t) => pad(t.hour % 12)],
  ['K', (t) => String(t.hour % 12)],
  ['kk', (t) => pad(t.hour || 24)],
  ['k', (t) => String(t.hour || 24)],
  ['a', (t, l) => (t.hour < 12 ? (l === 'ja' ? '午前' : 'AM') : l === 'ja' ? '午後' : 'PM')],
  ['mm', (t) => pad(t.minute)],
  ['m', (t) => String(t.minute)],
  ['ss', (t) => pad(t.second)],
  ['s', (t) => String(t.second)],
  ['ZZZ', (t) => t.zone],
  ['ZZ', (t) => formatOffset(t.offset, true)],
  ['Z', (t) => formatOffset(t.offset, false)],
];

export function formatInstant(seconds: number, pattern: string, zone: string, locale: Locale): string {
  if (seconds < DATE_FORMAT_MIN || seconds > DATE_FORMAT_MAX) cannotCompute();
  const t = zoned(seconds, zone) ?? cannotCompute();
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const token = TOKENS.find(([name]) => pattern.startsWith(name, i));
    if (token) {
      out += token[1](t, locale);
      i += token[0].length;
    } else {
      out += pattern[i];
      i += 1;
    }
    if (out.length > LIMITS.maxStringLength) cannotCompute();
  }
  return out;
}

export function DATE_FORMAT(args: readonly Node[], rt: Runtime): Value {
  const [tArg, fmtArg, zoneArg] = args;
  const t = rt.evaluate(tArg ?? wrongType());
  const pattern = asString(rt.evaluate(fmtArg ?? wrongType()));
  const zone = asString(rt.evaluate(zoneArg ?? wrongType()));
  if (t.kind !== 'number') return wrongType();
  if (t.empty && PROVISIONAL.dateFormatOfEmptyIsEmpty) return text('');
  // Fractional seconds are dropped toward zero (§3).
  const seconds = t.value.trunc().toNumber();
  return text(formatInstant(seconds, pattern, zone === 'system' ? rt.timeZone : zone, rt.locale));
}
