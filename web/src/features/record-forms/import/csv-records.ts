// CSV rows → kintone records: which fields a column may fill, matching columns to fields by name
// or code, each cell as the value a write sends (dates as kintone writes them, date-times from
// the person's time zone to UTC, several choices or people one per line as kintone exports them),
// the problems a preview can already see, and the writes in bulkRequest-sized pieces.
import type { Property } from '../../../../../common/fields/index.js';
import { canonicalDate, canonicalNumber, canonicalTime } from '../../../../../common/fields/scalars.js';
import { optionsOf } from '../inputs/choice-inputs';
import { localInputToUtc } from '../model/zoned';

export const IMPORTABLE = new Set([
  'SINGLE_LINE_TEXT',
  'MULTI_LINE_TEXT',
  'RICH_TEXT',
  'NUMBER',
  'RADIO_BUTTON',
  'DROP_DOWN',
  'CHECK_BOX',
  'MULTI_SELECT',
  'DATE',
  'TIME',
  'DATETIME',
  'LINK',
  'USER_SELECT',
  'ORGANIZATION_SELECT',
  'GROUP_SELECT',
  'RECORD_NUMBER',
]);

/** Fields a column can fill (top level; a lookup's copies and computed text are the server's). */
export function importableFields(properties: Record<string, Property>, lookupCopies: ReadonlySet<string>): Property[] {
  return Object.values(properties).filter(
    (p) => IMPORTABLE.has(p.type) && !lookupCopies.has(p.code) && !(p.type === 'SINGLE_LINE_TEXT' && typeof p.expression === 'string' && p.expression !== ''),
  );
}

/** Fields that can name the record to update: the record number, or a text or number field with unique values. */
export function keyFields(fields: Property[]): Property[] {
  return fields.filter((p) => p.type === 'RECORD_NUMBER' || (p.unique === true && (p.type === 'SINGLE_LINE_TEXT' || p.type === 'NUMBER')));
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** For each column, the field whose code or name it carries (the code wins), or '' to skip it. */
export function autoMap(headers: string[], fields: Property[]): string[] {
  const used = new Set<string>();
  return headers.map((h) => {
    const key = norm(h);
    const p = fields.find((f) => !used.has(f.code) && norm(f.code) === key) ?? fields.find((f) => !used.has(f.code) && norm(String(f.label ?? '')) === key);
    if (!p) return '';
    used.add(p.code);
    return p.code;
  });
}

export type CellProblem = { kind: 'notNumber' } | { kind: 'notOption'; value: string } | { kind: 'badDate' };

export interface CellValue {
  /** What the write sends. */
  value: unknown;
  /** As the preview shows it. */
  shown: string;
  problem?: CellProblem;
}

const lines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

function dateOf(cell: string): string | undefined {
  return canonicalDate(cell.trim().replace(/\//g, '-'));
}

/** One cell as the value of field `p`. Empty cells send an empty value. */
export function cellValue(p: Property, raw: string, timeZone: string): CellValue {
  const cell = raw.trim();
  switch (p.type) {
    case 'NUMBER': {
      if (!cell) return { value: '', shown: '' };
      const n = canonicalNumber(cell.replace(/,/g, ''));
      return n === undefined ? { value: cell, shown: cell, problem: { kind: 'notNumber' } } : { value: n, shown: n };
    }
    case 'RADIO_BUTTON':
    case 'DROP_DOWN':
      if (cell && !optionsOf(p).includes(cell)) return { value: cell, shown: cell, problem: { kind: 'notOption', value: cell } };
      return { value: cell, shown: cell };
    case 'CHECK_BOX':
    case 'MULTI_SELECT': {
      const chosen = lines(raw);
      const bad = chosen.find((c) => !optionsOf(p).includes(c));
      return { value: chosen, shown: chosen.join(', '), ...(bad ? { problem: { kind: 'notOption' as const, value: bad } } : {}) };
    }
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT': {
      const codes = lines(raw);
      return { value: codes.map((code) => ({ code })), shown: codes.join(', ') };
    }
    case 'DATE': {
      if (!cell) return { value: '', shown: '' };
      const d = dateOf(cell);
      return d ? { value: d, shown: d } : { value: cell, shown: cell, problem: { kind: 'badDate' } };
    }
    case 'TIME': {
      if (!cell) return { value: '', shown: '' };
      const t = canonicalTime(cell);
      return t ? { value: t, shown: t } : { value: cell, shown: cell, problem: { kind: 'badDate' } };
    }
    case 'DATETIME': {
      if (!cell) return { value: '', shown: '' };
      const m = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})[ T](\d{1,2}:\d{2})/.exec(cell);
      const date = m ? dateOf(m[1]!) : undefined;
      const time = m ? canonicalTime(m[2]!) : undefined;
      const utc = date && time ? localInputToUtc(`${date}T${time}`, timeZone) : undefined;
      return utc ? { value: utc, shown: `${date} ${time}` } : { value: cell, shown: cell, problem: { kind: 'badDate' } };
    }
    default:
      return { value: raw, shown: raw };
  }
}

export interface ImportRow {
  /** Line of the file (the header is line 1). */
  line: number;
  cells: Array<{ code: string; type: string; cell: CellValue }>;
}

export interface ImportPlan {
  mode: 'add' | 'update';
  keyField?: Property;
}

/**
 * The rows as kintone's record writes take them: `add` → records for POST records.json (a record
 * number column is the server's to give, so it is left out); `update` → PUT records.json items
 * naming the record by its number (`id`) or by the key field (`updateKey`), for an upsert.
 */
export function recordsOf(rows: ImportRow[], plan: ImportPlan): Array<Record<string, unknown>> {
  return rows.map((row) => {
    const record: Record<string, { value: unknown }> = {};
    let key: unknown = '';
    for (const { code, cell } of row.cells) {
      if (plan.mode === 'update' && code === plan.keyField?.code) key = cell.value;
      else if (cell !== undefined && !isRecordNumber(row, code)) record[code] = { value: cell.value };
    }
    if (plan.mode === 'add') return record;
    if (plan.keyField?.type === 'RECORD_NUMBER') return { id: String(key).replace(/^.*-/, ''), record };
    return { updateKey: { field: plan.keyField!.code, value: key }, record };
  });
}

function isRecordNumber(row: ImportRow, code: string): boolean {
  return row.cells.some((c) => c.code === code && c.type === 'RECORD_NUMBER');
}

export const PER_REQUEST = 100;
export const PER_BULK = 20;
/** What one bulkRequest holds; larger files go through our import endpoint (import-run.ts). */
export const MAX_BULK_ROWS = PER_REQUEST * PER_BULK;
export { MAX_IMPORT_RECORDS as MAX_ROWS } from '../../../../../common/api/record-import.js';

/** Consecutive pieces of at most `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
