// MyPage's date comparisons: a record's DATE or DATETIME field on, before or after the visitor's
// date (an attribute such as a contract's end: `YYYY-MM-DD`, a real day of the years 1000–9998 —
// anything else matches nothing). A DATE compares by its day; a DATETIME by the instants the day spans in the view
// creator's time zone (as a calendar view's days are theirs): "on" is within the day, "before"
// earlier than its start, "after" from the start of the next day. Conditions of the query's tree,
// the bounds literals.
import { daysFromCivil, civilFromDays, dayStartIn } from '../../../../common/query/dates.js';
import type { Expr, FieldRef } from '../../../../common/query/index.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day itself when `value` is a real `YYYY-MM-DD` day; null otherwise. */
export function dayOf(value: string): string | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years far out would put a day's bounds outside what a date-time literal may be.
  if (y < 1000 || y > 9998 || mo < 1 || mo > 12 || d < 1) return null;
  const back = civilFromDays(daysFromCivil(y, mo, d));
  return back.y === y && back.m === mo && back.d === d ? value : null;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const n = civilFromDays(daysFromCivil(y, m, d) + 1);
  return `${String(n.y).padStart(4, '0')}-${String(n.m).padStart(2, '0')}-${String(n.d).padStart(2, '0')}`;
}

/** The condition, or null when the value is no day (which then matches nothing). */
export function dateMatch(op: 'on' | 'before' | 'after', field: FieldRef, type: string, value: string, timeZone: string): Expr | null {
  const day = dayOf(value);
  if (!day || (type !== 'DATE' && type !== 'DATETIME')) return null;
  const at = (o: '=' | '<' | '>=' | '>', v: string): Expr => ({ kind: 'compare', field, op: o, value: { kind: 'string', value: v } });
  if (type === 'DATE') return op === 'on' ? at('=', day) : op === 'before' ? at('<', day) : at('>', day);
  const start = dayStartIn(day, timeZone);
  const end = dayStartIn(nextDay(day), timeZone);
  if (op === 'before') return at('<', start);
  if (op === 'after') return at('>=', end);
  return { kind: 'and', items: [at('>=', start), at('<', end)] };
}
