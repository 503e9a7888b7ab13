// From the values a scan reads (stored forms: canonical decimals, `YYYY-MM-DD`, JSON arrays as
// text, user ids, timestamps) to a graph's categories and to the samples its aggregations add up.
// A record whose group value is empty falls in no category, as in kintone.
import { parseDuration } from '../../../common/calc/time.js';
import { formatDateTime } from '../../../common/fields/index.js';
import type { ValueKind } from '../../../common/reports/fields.js';
import { type ZoneClock, dateKey, instantKey, timeKey } from './periods.js';
import type { PlannedGroup } from './plan.js';
import { type Exact, parseExact } from './exact.js';

/** An aggregated value: exact decimals for numbers and durations (seconds), else an ordered text. */
export type Sample = Exact | { at: number; text: string };

function list(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== 'string' || raw === '') return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function instant(raw: unknown): number {
  if (raw instanceof Date) return raw.getTime();
  return typeof raw === 'string' && raw !== '' ? Date.parse(raw) : NaN;
}

const one = (key: string | null): string[] => (key === null ? [] : [key]);

/** The categories of one record for a group: none (empty), one, or several (selections). */
export function groupReader(g: PlannedGroup, clock: ZoneClock, firstMonth: number): (raw: unknown) => string[] {
  switch (g.kind) {
    case 'text':
      return (raw) => (typeof raw === 'string' && raw.trim() !== '' ? [raw] : []);
    case 'number':
    case 'option':
    case 'status':
      return (raw) => (typeof raw === 'string' && raw !== '' ? [raw] : typeof raw === 'number' ? [String(raw)] : []);
    case 'options':
      return (raw) => [...new Set(list(raw).filter((v): v is string => typeof v === 'string' && v !== ''))];
    case 'entity':
      return (raw) => [...new Set(list(raw).flatMap((e) => (e && typeof (e as { code?: unknown }).code === 'string' ? [(e as { code: string }).code] : [])))];
    case 'user':
      // The creator or modifier column: a user id (0 for writes through an API token).
      return (raw) => (raw === null || raw === undefined ? [] : [String(Number(raw))]);
    case 'date':
      return (raw) => (typeof raw === 'string' ? one(dateKey(raw, g.per ?? 'DAY', firstMonth)) : []);
    case 'datetime':
      return (raw) => one(instantKey(instant(raw), g.per ?? 'MINUTE', clock, firstMonth));
    case 'time':
      return (raw) => (typeof raw === 'string' ? one(timeKey(raw, g.per)) : []);
  }
}

/** A record's value of an aggregated field as a sample; null when it is empty. */
export function sampleReader(kind: ValueKind): (raw: unknown) => Sample | null {
  switch (kind) {
    case 'number':
      return (raw) => (typeof raw === 'string' && raw !== '' ? parseExact(raw) : typeof raw === 'number' ? parseExact(String(raw)) : null);
    case 'duration':
      return (raw) => {
        const seconds = typeof raw === 'string' ? parseDuration(raw) : null;
        return seconds === null ? null : { int: BigInt(seconds), scale: 0 };
      };
    case 'date':
      return (raw) => (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? { at: Date.parse(`${raw}T00:00:00Z`), text: raw } : null);
    case 'datetime':
      return (raw) => {
        const at = instant(raw);
        const text = Number.isFinite(at) ? formatDateTime(new Date(at)) : undefined;
        return text === undefined ? null : { at: Date.parse(text), text };
      };
    case 'time':
      return (raw) => (typeof raw === 'string' && /^\d{2}:\d{2}$/.test(raw) ? { at: (Number(raw.slice(0, 2)) * 60 + Number(raw.slice(3))) * 60_000, text: raw } : null);
  }
}
