// ファイルに書き出す: the records of the current view and filter, read through a cursor 500 at a
// time (with progress and a way to stop), written as CSV by common/csv.ts — UTF-8 with a BOM for
// Excel, formula-looking cells defused. Values as a person reads them: people and departments by
// code (as an import takes them back), date-times in the viewer's zone, several values on lines.
import type { Property } from '../../../../common/fields/index.js';
import { csvText } from '../../../../common/csv.js';
import type { Place } from '../../api/place';
import { type ApiField, type ApiRecord, createCursor, deleteCursor, readCursor } from '../../api/records';
import { formatDateTime } from './fields/format';

export const CURSOR_SIZE = 500;

function cellText(f: ApiField | undefined, timeZone: string): string {
  if (!f) return '';
  const v = f.value;
  switch (f.type) {
    case 'DATETIME':
    case 'CREATED_TIME':
    case 'UPDATED_TIME':
      return formatDateTime(String(v ?? ''), timeZone);
    case 'CREATOR':
    case 'MODIFIER':
      return v && typeof v === 'object' ? String((v as { code: string }).code) : '';
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE':
      return Array.isArray(v) ? (v as Array<{ code: string }>).map((e) => e.code).join('\n') : '';
    case 'FILE':
      return Array.isArray(v) ? (v as Array<{ name: string }>).map((e) => e.name).join('\n') : '';
    case 'SUBTABLE':
      return '';
    default:
      if (Array.isArray(v)) return v.map(String).join('\n');
      return v === null || v === undefined ? '' : String(v);
  }
}

/** The table a column belongs to, when it is a table's column. */
function tableOf(code: string, properties: Record<string, Property>): string | undefined {
  for (const p of Object.values(properties)) {
    if (p.type === 'SUBTABLE' && (p.fields as Record<string, Property> | undefined)?.[code]) return p.code;
  }
  return undefined;
}

export function csvHeader(columns: readonly string[], properties: Record<string, Property>): string[] {
  return columns.map((code) => {
    const table = tableOf(code, properties);
    const inner = table ? (properties[table]!.fields as Record<string, Property>)[code] : properties[code];
    return inner?.label ?? code;
  });
}

export function csvRow(r: ApiRecord, columns: readonly string[], properties: Record<string, Property>, timeZone: string): string[] {
  return columns.map((code) => {
    const table = tableOf(code, properties);
    if (!table) return cellText(r[code], timeZone);
    const rows = r[table]?.value;
    if (!Array.isArray(rows)) return '';
    return (rows as Array<{ value: Record<string, ApiField> }>).map((row) => cellText(row.value[code], timeZone)).join('\n');
  });
}

export function csvFile(header: string[], rows: string[][]): Blob {
  return new Blob([csvText([header, ...rows])], { type: 'text/csv;charset=utf-8' });
}

/** The fields a cursor must read for the columns: a table's column comes inside its table. */
export function cursorFields(columns: readonly string[], properties: Record<string, Property>): string[] {
  return [...new Set(columns.map((c) => tableOf(c, properties) ?? c))];
}

export interface ExportRun {
  place: Place;
  app: string;
  fields: string[];
  /** Filter and sort, no limit or offset. */
  query: string;
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
}

/** Every matching record through a cursor; a cancelled run deletes its cursor on the server. */
export async function readAllRecords(run: ExportRun): Promise<ApiRecord[]> {
  const cursor = await createCursor(run.place, run.app, run.fields, run.query, CURSOR_SIZE);
  const total = Number(cursor.totalCount);
  const out: ApiRecord[] = [];
  run.onProgress(0, total);
  try {
    for (;;) {
      if (run.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const page = await readCursor(run.place, cursor.id, run.signal);
      out.push(...page.records);
      run.onProgress(out.length, total);
      if (!page.next) return out;
    }
  } catch (e) {
    // A cursor read to its end is gone already; one left half-read is closed so it stops counting.
    await deleteCursor(run.place, cursor.id).catch(() => undefined);
    throw e;
  }
}
