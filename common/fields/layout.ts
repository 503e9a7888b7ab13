// The form layout (`app/form/layout`): rows of fields and decorations, table blocks and field
// groups. Checked for shape and for the fields it places: each exists, sits where its kind may
// sit, and appears once. Sizes are strings, as kintone answers them.
import { type Problem, ProblemSink, echo } from './problems.js';
import { type FieldType, type Property, isFieldType, isObject, isSystemType } from './types.js';

export type LayoutElement = Record<string, unknown> & { type: string };
export type LayoutRow =
  | { type: 'ROW'; fields: LayoutElement[] }
  | { type: 'SUBTABLE'; code: string; fields: LayoutElement[] }
  | { type: 'GROUP'; code: string; layout: { type: 'ROW'; fields: LayoutElement[] }[] };

const MAX_ROWS = 1000;
const MAX_ROW_ELEMENTS = 100;
const MAX_LABEL_HTML = 10_000;
const DECORATIONS = new Set(['LABEL', 'SPACER', 'HR']);
// Types with a box of their own on the form, never an element of a row.
const NOT_IN_ROW: ReadonlySet<FieldType> = new Set(['SUBTABLE', 'GROUP', 'CATEGORY', 'STATUS', 'STATUS_ASSIGNEE']);

/** kintone's default element sizes, used where a layout leaves a size out. */
function defaultSize(type: string): Record<string, string> | undefined {
  if (type === 'REFERENCE_TABLE') return undefined;
  if (type === 'MULTI_LINE_TEXT' || type === 'RICH_TEXT') return { width: '315', innerHeight: '125' };
  if (type === 'SPACER') return { width: '193', height: '40' };
  if (type === 'HR') return { width: '600' };
  return { width: '193' };
}

function sizeKeys(type: string): string[] {
  const d = defaultSize(type);
  return d ? Object.keys(d) : [];
}

function parseSize(type: string, v: unknown, key: string, sink: ProblemSink): Record<string, string> | undefined {
  const d = defaultSize(type);
  if (!d) return undefined;
  if (v === undefined || v === null) return d;
  if (!isObject(v)) return void sink.add(key, 'invalid');
  const out: Record<string, string> = {};
  for (const k of sizeKeys(type)) {
    const raw = v[k] ?? d[k];
    const s = typeof raw === 'number' ? String(raw) : raw;
    if (typeof s !== 'string' || !/^\d{1,5}$/.test(s)) return void sink.add(`${key}.${k}`, 'invalid');
    out[k] = String(Number(s));
  }
  return out;
}

class Placement {
  private readonly placed = new Set<string>();
  constructor(readonly sink: ProblemSink) {}
  once(code: string, key: string): void {
    if (this.placed.has(code)) this.sink.add(key, 'layoutDuplicate', { code: echo(code) });
    this.placed.add(code);
  }
}

function parseElement(v: unknown, key: string, pool: Record<string, Property>, inTable: boolean, place: Placement): LayoutElement | undefined {
  const sink = place.sink;
  if (!isObject(v)) return void sink.add(key, 'invalid');
  const type = v.type;
  if (typeof type === 'string' && DECORATIONS.has(type) && !inTable) {
    const el: LayoutElement = { type };
    if (type === 'LABEL') {
      if (typeof (v.label ?? '') !== 'string') return void sink.add(`${key}.label`, 'invalid');
      if (String(v.label ?? '').length > MAX_LABEL_HTML) return void sink.add(`${key}.label`, 'tooLong', { n: MAX_LABEL_HTML + 1 });
      el.label = v.label ?? '';
    }
    if (type === 'SPACER') {
      if (typeof (v.elementId ?? '') !== 'string' || String(v.elementId ?? '').length > 100) return void sink.add(`${key}.elementId`, 'invalid');
      el.elementId = v.elementId ?? '';
    }
    const size = parseSize(type, v.size, `${key}.size`, sink);
    if (!size) return undefined;
    el.size = size;
    return el;
  }
  if (!isFieldType(type)) return void sink.add(`${key}.type`, 'enumValue');
  const code = v.code;
  const field = typeof code === 'string' && Object.hasOwn(pool, code) ? pool[code] : undefined;
  if (typeof code !== 'string' || !field) return void sink.add(`${key}.code`, 'fieldNotFound', { code: echo(String(code)) });
  if (field.type !== type || NOT_IN_ROW.has(type)) return void sink.add(`${key}.code`, 'layoutMisplaced', { code: echo(code) });
  place.once(code, `${key}.code`);
  if (type === 'REFERENCE_TABLE') return { type, code };
  const size = parseSize(type, v.size, `${key}.size`, sink);
  return size && { type, code, size };
}

function parseElements(v: unknown, key: string, pool: Record<string, Property>, inTable: boolean, place: Placement): LayoutElement[] | undefined {
  if (!Array.isArray(v)) return void place.sink.add(key, v === undefined ? 'required' : 'invalid');
  if (v.length > MAX_ROW_ELEMENTS) return void place.sink.add(key, 'tooMany', { n: MAX_ROW_ELEMENTS });
  const out = v.map((e, j) => parseElement(e, `${key}[${j}]`, pool, inTable, place));
  return out.every((e) => e !== undefined) ? (out as LayoutElement[]) : undefined;
}

function containerOf(v: Record<string, unknown>, key: string, type: FieldType, fields: Record<string, Property>, place: Placement): Property | undefined {
  const code = v.code;
  const field = typeof code === 'string' && Object.hasOwn(fields, code) ? fields[code] : undefined;
  if (typeof code !== 'string' || !field) return void place.sink.add(`${key}.code`, 'fieldNotFound', { code: echo(String(code)) });
  if (field.type !== type) return void place.sink.add(`${key}.code`, 'layoutMisplaced', { code: echo(code) });
  place.once(code, `${key}.code`);
  return field;
}

function parseRow(v: unknown, key: string, fields: Record<string, Property>, place: Placement, inGroup: boolean): LayoutRow | undefined {
  const sink = place.sink;
  if (!isObject(v)) return void sink.add(key, 'invalid');
  if (v.type === 'ROW') {
    const els = parseElements(v.fields, `${key}.fields`, fields, false, place);
    return els && { type: 'ROW', fields: els };
  }
  if (inGroup) return void sink.add(`${key}.type`, 'enumValue');
  if (v.type === 'SUBTABLE') {
    const table = containerOf(v, key, 'SUBTABLE', fields, place);
    const pool = table && isObject(table.fields) ? (table.fields as Record<string, Property>) : {};
    const els = parseElements(v.fields, `${key}.fields`, pool, true, place);
    return table && els && { type: 'SUBTABLE', code: table.code, fields: els };
  }
  if (v.type === 'GROUP') {
    const group = containerOf(v, key, 'GROUP', fields, place);
    if (!Array.isArray(v.layout)) return void sink.add(`${key}.layout`, v.layout === undefined ? 'required' : 'invalid');
    const rows = v.layout.map((r, i) => parseRow(r, `${key}.layout[${i}]`, fields, place, true));
    if (!group || !rows.every((r) => r !== undefined)) return undefined;
    return { type: 'GROUP', code: group.code, layout: rows as { type: 'ROW'; fields: LayoutElement[] }[] };
  }
  return void sink.add(`${key}.type`, 'enumValue');
}

/** PUT `app/form/layout`. `fields` is the app's form (preview), keyed by code. */
export function parseLayout(input: unknown, fields: Record<string, Property>): { layout: LayoutRow[]; problems: Record<string, Problem[]> } {
  const sink = new ProblemSink();
  const place = new Placement(sink);
  if (!Array.isArray(input)) {
    sink.add('layout', input === undefined || input === null ? 'required' : 'invalid');
    return { layout: [], problems: sink.all };
  }
  if (input.length > MAX_ROWS) {
    sink.add('layout', 'tooMany', { n: MAX_ROWS });
    return { layout: [], problems: sink.all };
  }
  const rows = input.map((r, i) => parseRow(r, `layout[${i}]`, fields, place, false));
  return { layout: sink.empty ? (rows as LayoutRow[]) : [], problems: sink.all };
}

/** The layout of an app whose layout was never saved: one row per field, in form order. */
export function defaultLayout(fields: Record<string, Property>): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const p of Object.values(fields)) {
    if (isSystemType(p.type)) continue;
    if (p.type === 'SUBTABLE') {
      const inner = isObject(p.fields) ? Object.values(p.fields as Record<string, Property>) : [];
      rows.push({ type: 'SUBTABLE', code: p.code, fields: inner.map((q) => ({ type: q.type, code: q.code, size: defaultSize(q.type) })) });
    } else if (p.type === 'GROUP') rows.push({ type: 'GROUP', code: p.code, layout: [] });
    else if (p.type === 'REFERENCE_TABLE') rows.push({ type: 'ROW', fields: [{ type: p.type, code: p.code }] });
    else rows.push({ type: 'ROW', fields: [{ type: p.type, code: p.code, size: defaultSize(p.type) }] });
  }
  return rows;
}
