// Which fields a graph (kintone's "report") may group by and aggregate, and as what. A table so
// the settings check, the aggregation engine and the web app's graph builder agree; the server
// still decides (the builder only offers what this table allows).
import type { Property } from '../fields/index.js';

export const GROUP_PERIODS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE'] as const;
export type GroupPeriod = (typeof GROUP_PERIODS)[number];

/**
 * How a group field's values become categories:
 * text (the value), number (the value, ordered numerically), option (one option), options (each
 * selected option: a record falls in several categories), entity (each selected user, department
 * or group), status, user (the creator or modifier column), date / datetime (by period; datetimes
 * in the caller's time zone), time (by hour or minute).
 */
export type GroupKind = 'text' | 'number' | 'option' | 'options' | 'entity' | 'status' | 'user' | 'date' | 'datetime' | 'time';

/** What an aggregated field holds: SUM and AVERAGE take number and duration, MAX and MIN all. */
export type ValueKind = 'number' | 'duration' | 'date' | 'datetime' | 'time';

const CALC_KIND: Record<string, ValueKind> = {
  NUMBER: 'number',
  NUMBER_DIGIT: 'number',
  DATE: 'date',
  DATETIME: 'datetime',
  TIME: 'time',
  HOUR_MINUTE: 'duration',
  DAY_HOUR_MINUTE: 'duration',
};

const GROUP_KINDS: Partial<Record<string, GroupKind>> = {
  SINGLE_LINE_TEXT: 'text',
  LINK: 'text',
  NUMBER: 'number',
  RADIO_BUTTON: 'option',
  DROP_DOWN: 'option',
  CHECK_BOX: 'options',
  MULTI_SELECT: 'options',
  CATEGORY: 'options',
  USER_SELECT: 'entity',
  ORGANIZATION_SELECT: 'entity',
  GROUP_SELECT: 'entity',
  STATUS_ASSIGNEE: 'entity',
  STATUS: 'status',
  CREATOR: 'user',
  MODIFIER: 'user',
  DATE: 'date',
  DATETIME: 'datetime',
  CREATED_TIME: 'datetime',
  UPDATED_TIME: 'datetime',
  TIME: 'time',
};

const VALUE_KINDS: Partial<Record<string, ValueKind>> = {
  NUMBER: 'number',
  DATE: 'date',
  DATETIME: 'datetime',
  CREATED_TIME: 'datetime',
  UPDATED_TIME: 'datetime',
  TIME: 'time',
};

function calcKind(p: Property): ValueKind {
  return CALC_KIND[typeof p.format === 'string' ? p.format : 'NUMBER'] ?? 'number';
}

/** null: the field cannot group a graph (texts of several lines, files, tables and their columns…). */
export function groupKindOf(p: Property): GroupKind | null {
  if (p.type === 'CALC') {
    const k = calcKind(p);
    // A duration groups nothing meaningful; the date kinds group by period like their fields.
    return k === 'duration' ? null : k;
  }
  return GROUP_KINDS[p.type] ?? null;
}

/** null: the field holds nothing to aggregate. */
export function valueKindOf(p: Property): ValueKind | null {
  if (p.type === 'CALC') return calcKind(p);
  return VALUE_KINDS[p.type] ?? null;
}

/** The periods a group of this kind takes; `required`: a date or datetime group must name one. */
export function periodsOf(kind: GroupKind): { periods: readonly GroupPeriod[]; required: boolean } {
  switch (kind) {
    case 'date':
      return { periods: ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY'], required: true };
    case 'datetime':
      return { periods: GROUP_PERIODS, required: true };
    case 'time':
      return { periods: ['HOUR', 'MINUTE'], required: false };
    default:
      return { periods: [], required: false };
  }
}

export type AggregationType = 'COUNT' | 'SUM' | 'AVERAGE' | 'MAX' | 'MIN';

export function aggregates(type: Exclude<AggregationType, 'COUNT'>, kind: ValueKind): boolean {
  return type === 'MAX' || type === 'MIN' || kind === 'number' || kind === 'duration';
}

/**
 * Fields a graph may name, by code: top-level fields only (kintone's graphs do not reach into
 * tables), without those in `hidden` — to a caller who may not read a field, it does not exist.
 */
export function reportFieldPool(fields: Record<string, Property>, hidden: ReadonlySet<string> = new Set()): Map<string, Property> {
  const pool = new Map<string, Property>();
  for (const p of Object.values(fields)) if (!hidden.has(p.code)) pool.set(p.code, p);
  return pool;
}
