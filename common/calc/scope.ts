// What a formula can see of a record. The server builds one scope per evaluation: for a formula
// at the top level, every field by code (a table column as `rows`); for a formula inside a
// table, the same but with that table's columns as the current row's cells (`value`).

import type { CalcFormat } from './ast.js';
import { Dec, ZERO, quantise, parseDecimal, type Num } from './decimal.js';
import { cannotCompute, wrongType } from './failure.js';
import { fieldKind, type FieldKind } from './field-types.js';
import { PROVISIONAL } from './provisional.js';
import type { Runtime, Value } from './runtime.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from './time.js';

/** A field value exactly as the REST API carries it (spec/kintone-rest-api.md §4.1). */
export type RecordValue =
  | string
  | number
  | null
  | undefined
  | readonly string[]
  | { readonly code: string; readonly name?: string };

interface EntryBase {
  /** The field's type; a LOOKUP gives the type it copies as (SINGLE_LINE_TEXT or NUMBER). */
  type: string;
  /** For CALC: its format, so a date/time CALC is read back as seconds. Default NUMBER. */
  format?: CalcFormat;
}

/** A top-level field, or a column of the row a formula inside that table is evaluated for. */
export interface ScalarEntry extends EntryBase {
  value: RecordValue;
}

/** A table column seen from a formula outside the table: one value per row, `[]` with no rows. */
export interface ColumnEntry extends EntryBase {
  rows: readonly RecordValue[];
}

export type ScopeEntry = ScalarEntry | ColumnEntry;

/** Field code → entry. Codes are looked up as own properties only (a code may be `constructor`). */
export type FormulaScope = Readonly<Record<string, ScopeEntry>>;

export function readField(rt: Runtime, code: string): Value {
  // Deploy-time checks guarantee every referenced field; a missing one means a stale formula.
  if (!Object.hasOwn(rt.scope, code)) cannotCompute();
  const entry = rt.scope[code] as ScopeEntry;
  const kind = fieldKind(entry.type) ?? wrongType();
  if ('rows' in entry) return readColumn(rt, entry, kind);
  if (kind === 'options') return { kind: 'strings', values: asList(entry.value) };
  if (kind === 'string') return { kind: 'string', value: asString(entry.value) };
  const n = readNumber(rt, entry, entry.value);
  return n === null ? { kind: 'number', value: ZERO, empty: true } : { kind: 'number', value: n, empty: false };
}

function readColumn(rt: Runtime, entry: ColumnEntry, kind: FieldKind): Value {
  if (!Array.isArray(entry.rows)) wrongType();
  if (kind === 'string') return { kind: 'strings', values: entry.rows.map(asString) };
  if (kind === 'options') return wrongType();
  // An empty cell counts as 0 (§2.4).
  return { kind: 'numbers', values: entry.rows.map((v) => readNumber(rt, entry, v) ?? ZERO) };
}

function asString(v: RecordValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  // Only CREATOR / MODIFIER carry an object: `{code, name}` (§2.1).
  if (typeof v !== 'object' || Array.isArray(v) || typeof (v as { code?: unknown }).code !== 'string') {
    return wrongType();
  }
  const user = v as { code: string; name?: unknown };
  return PROVISIONAL.userFieldReadsCode || typeof user.name !== 'string' ? user.code : user.name;
}

function asList(v: RecordValue): string[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v.map(String) : wrongType();
}

/** `null` for an empty (or unreadable) value. */
function readNumber(rt: Runtime, entry: EntryBase, v: RecordValue): Num | null {
  if (typeof v === 'number') v = Number.isFinite(v) ? String(v) : '';
  if (typeof v !== 'string') return v === null || v === undefined ? null : wrongType();
  if (v.trim() === '') return null;
  const seconds = readSeconds(entry, v);
  if (seconds === undefined) {
    const n = parseDecimal(v);
    return n === null ? null : quantise(n, rt.numbers);
  }
  return seconds === null ? null : quantise(new Dec(seconds), rt.timeReads);
}

/** Seconds for date/time values, `null` when unreadable, `undefined` for plain numbers. */
function readSeconds(entry: EntryBase, v: string): number | null | undefined {
  const type = entry.type === 'CALC' ? (entry.format ?? PROVISIONAL.defaultFormat) : entry.type;
  switch (type) {
    case 'DATE':
      return parseDate(v);
    case 'TIME':
      return parseTime(v);
    case 'DATETIME':
    case 'CREATED_TIME':
    case 'UPDATED_TIME':
      return parseDateTime(v);
    case 'HOUR_MINUTE':
    case 'DAY_HOUR_MINUTE':
      return parseDuration(v);
    default:
      return undefined;
  }
}
