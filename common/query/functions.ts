// The query functions, their arities and argument rules. Shared by checkQuery (which refuses a
// bad call with kintone's code) and resolveDateFunction (which must never trust its input).

import { QueryError } from './errors.js';

export const DATE_FUNCTIONS = [
  'TODAY',
  'YESTERDAY',
  'TOMORROW',
  'FROM_TODAY',
  'THIS_WEEK',
  'LAST_WEEK',
  'NEXT_WEEK',
  'THIS_MONTH',
  'LAST_MONTH',
  'NEXT_MONTH',
  'THIS_YEAR',
  'LAST_YEAR',
  'NEXT_YEAR',
] as const;

export const KNOWN_FUNCTIONS = ['NOW', ...DATE_FUNCTIONS, 'LOGINUSER', 'PRIMARY_ORGANIZATION'] as const;
export type FunctionName = (typeof KNOWN_FUNCTIONS)[number];

export const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
export const FROM_TODAY_UNITS = ['DAYS', 'WEEKS', 'MONTHS', 'YEARS'] as const;
export type FromTodayUnit = (typeof FROM_TODAY_UNITS)[number];

export function isKnownFunction(name: string): name is FunctionName {
  return (KNOWN_FUNCTIONS as readonly string[]).includes(name);
}

/** Arguments as [min, max] counts. */
function arity(name: FunctionName): [number, number] {
  if (name === 'FROM_TODAY') return [2, 2];
  if (name.endsWith('_WEEK') || name.endsWith('_MONTH')) return [0, 1];
  return [0, 0];
}

/** A call as checked: the arguments decoded into what the date arithmetic needs. */
export type CheckedCall =
  | { name: 'FROM_TODAY'; amount: number; unit: FromTodayUnit }
  | { name: 'THIS_WEEK' | 'LAST_WEEK' | 'NEXT_WEEK'; weekday: number | null }
  | { name: 'THIS_MONTH' | 'LAST_MONTH' | 'NEXT_MONTH'; day: number | 'LAST' | null }
  | { name: Exclude<FunctionName, 'FROM_TODAY' | `${string}_WEEK` | `${string}_MONTH`> };

/**
 * Validates arity and arguments. `field` and `op` only feed the message for an unknown
 * function (GAIA_IQ03 names the field and what was used on it).
 */
export function checkCall(fn: { name: string; args: readonly string[] }, field = '', op = `${fn.name}()`): CheckedCall {
  const name = fn.name.toUpperCase();
  if (!isKnownFunction(name)) throw new QueryError('GAIA_IQ03', { params: { field, op } });
  const [min, max] = arity(name);
  if (fn.args.length < min || fn.args.length > max) throw new QueryError('GAIA_IL08');
  const arg = fn.args[0];
  if (name === 'FROM_TODAY') {
    // At most five digits keeps the arithmetic within Date's range (spec/security.md X2).
    if (!/^-?\d{1,5}$/.test(arg as string)) throw new QueryError('GAIA_IL08');
    const unit = (fn.args[1] as string).toUpperCase();
    if (!(FROM_TODAY_UNITS as readonly string[]).includes(unit)) throw new QueryError('GAIA_IQ25');
    return { name, amount: Number(arg), unit: unit as FromTodayUnit };
  }
  if (name === 'THIS_WEEK' || name === 'LAST_WEEK' || name === 'NEXT_WEEK') {
    if (arg === undefined) return { name, weekday: null };
    const weekday = (WEEKDAYS as readonly string[]).indexOf(arg.toUpperCase());
    // kintone has no dedicated code for a bad weekday; IL08 is its generic "invalid query".
    if (weekday < 0) throw new QueryError('GAIA_IL08');
    return { name, weekday };
  }
  if (name === 'THIS_MONTH' || name === 'LAST_MONTH' || name === 'NEXT_MONTH') {
    if (arg === undefined) return { name, day: null };
    if (arg.toUpperCase() === 'LAST') return { name, day: 'LAST' };
    const day = /^\d{1,2}$/.test(arg) ? Number(arg) : 0;
    if (day < 1 || day > 31) throw new QueryError('GAIA_IQ23', { params: { value: arg } });
    return { name, day };
  }
  return { name } as CheckedCall;
}
