// Views as the settings screen edits them, and back to the body of PUT app/views.json (the whole
// set, in order; `index` follows the order). Pure.
import type { Property, View } from '../../../../../common/fields/index.js';
import { parseSort, printSort } from '../../records/query/filter';

export interface ViewDraft {
  name: string;
  type: 'LIST' | 'CALENDAR' | 'CUSTOM';
  fields: string[];
  filterCond: string;
  sort: string;
  date: string;
  title: string;
  /** Anything else a view carries (a custom view's html, pager, device) is kept as it was. */
  rest?: Record<string, unknown>;
}

export function draftsOf(views: Record<string, View & { id?: string }>): ViewDraft[] {
  return Object.values(views)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((v) => {
      const { name, type, fields, filterCond, sort, date, title, index: _index, id: _id, ...rest } = v as View & Record<string, unknown>;
      return {
        name,
        type,
        fields: Array.isArray(fields) ? (fields as string[]) : [],
        filterCond: typeof filterCond === 'string' ? filterCond : '',
        sort: typeof sort === 'string' ? sort : '',
        date: typeof date === 'string' ? date : '',
        title: typeof title === 'string' ? title : '',
        rest,
      };
    });
}

export function viewsBody(list: readonly ViewDraft[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  list.forEach((d, i) => {
    const base = { ...(d.rest ?? {}), type: d.type, name: d.name, index: String(i), filterCond: d.filterCond, sort: d.sort };
    if (d.type === 'LIST') out[d.name] = { ...base, fields: d.fields };
    else if (d.type === 'CALENDAR') out[d.name] = { ...base, date: d.date, title: d.title };
    else out[d.name] = base;
  });
  return out;
}

/** Fields a column or a calendar may show: top-level values and table columns. */
export function columnChoices(fields: Record<string, Property>): Array<{ code: string; label: string; type: string; inTable: boolean }> {
  const out: Array<{ code: string; label: string; type: string; inTable: boolean }> = [];
  const hidden = new Set(['GROUP', 'REFERENCE_TABLE', 'CATEGORY', 'SUBTABLE']);
  for (const p of Object.values(fields)) {
    if ((p.type === 'STATUS' || p.type === 'STATUS_ASSIGNEE') && p.enabled !== true) continue;
    if (p.type === 'SUBTABLE') for (const q of Object.values((p.fields as Record<string, Property> | undefined) ?? {})) out.push({ code: q.code, label: `${q.label} (${p.label})`, type: q.type, inTable: true });
    if (!hidden.has(p.type)) out.push({ code: p.code, label: p.label, type: p.type, inTable: false });
  }
  return out;
}

/** The first sort key of a view's `sort`, if any. */
export function sortOf(text: string): { code: string; order: 'asc' | 'desc' } | null {
  const [first] = parseSort(text);
  return first ? { code: first.field.code, order: first.direction } : null;
}

export function sortText(code: string, order: 'asc' | 'desc'): string {
  return code ? printSort([{ field: { code, pos: 0 }, direction: order }]) : '';
}
