// Saved views (`app/views`): a PUT replaces the whole set. Only the shape and the fields a view
// names are checked here; its filterCond and sort are queries, checked by the query module.
import { type Problem, ProblemSink, charLength, echo } from './problems.js';
import { parseBool } from './property-attrs.js';
import { type Property, dict, isObject, ownEntries } from './types.js';

export type View = Record<string, unknown> & { type: 'LIST' | 'CALENDAR' | 'CUSTOM'; index: string; name: string };

export const MAX_VIEWS = 1000;
export const MAX_VIEW_NAME = 64;
const MAX_LIST_FIELDS = 1000;
const MAX_HTML = 1_000_000;
// Containers hold no value a column or a calendar could show.
const NOT_SHOWN = new Set(['SUBTABLE', 'GROUP', 'REFERENCE_TABLE', 'CATEGORY']);

function fieldPool(fields: Record<string, Property>): Map<string, Property> {
  const pool = new Map<string, Property>();
  for (const p of Object.values(fields)) {
    pool.set(p.code, p);
    if (p.type === 'SUBTABLE' && isObject(p.fields)) for (const q of Object.values(p.fields as Record<string, Property>)) pool.set(q.code, q);
  }
  return pool;
}

function text(v: unknown, key: string, sink: ProblemSink, max: number): string | undefined {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return void sink.add(key, 'invalid');
  if (v.length > max) return void sink.add(key, 'tooLong', { n: max + 1 });
  return v;
}

function fieldRef(v: unknown, key: string, pool: Map<string, Property>, sink: ProblemSink, types?: readonly string[]): string | undefined {
  if (typeof v !== 'string' || v === '') return void sink.add(key, 'required');
  const f = pool.get(v);
  if (!f || NOT_SHOWN.has(f.type) || (types && !types.includes(f.type))) return void sink.add(key, 'fieldNotFound', { code: echo(v) });
  return v;
}

function parseView(name: string, v: unknown, pos: number, pool: Map<string, Property>, sink: ProblemSink): (View & { pos: number; rank: number }) | undefined {
  const base = `views.${name}`;
  const before = sink.count;
  if (!isObject(v)) return void sink.add(base, 'invalid');
  if (name.trim() === '') sink.add(`${base}.name`, 'required');
  if (charLength(name) > MAX_VIEW_NAME) sink.add(`${base}.name`, 'tooLong', { n: MAX_VIEW_NAME + 1 });
  if (v.name !== undefined && v.name !== name) sink.add(`${base}.name`, 'invalid');
  const type = v.type;
  if (type !== 'LIST' && type !== 'CALENDAR' && type !== 'CUSTOM') return void sink.add(`${base}.type`, type === undefined ? 'required' : 'enumValue');
  const rawIndex = v.index === undefined || v.index === '' ? pos : Number(v.index);
  if (!Number.isSafeInteger(rawIndex) || rawIndex < 0) sink.add(`${base}.index`, 'notNumber');
  const view: View = {
    type,
    index: '',
    name,
    filterCond: text(v.filterCond, `${base}.filterCond`, sink, 10_000),
    sort: text(v.sort, `${base}.sort`, sink, 10_000),
  };
  if (type === 'LIST') {
    const list = v.fields ?? [];
    if (!Array.isArray(list)) sink.add(`${base}.fields`, 'invalid');
    else if (list.length > MAX_LIST_FIELDS) sink.add(`${base}.fields`, 'tooMany', { n: MAX_LIST_FIELDS });
    else {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        const code = fieldRef(c, `${base}.fields[${i}]`, pool, sink);
        if (code !== undefined && seen.has(code)) sink.add(`${base}.fields[${i}]`, 'duplicateInRequest');
        if (code !== undefined) seen.add(code);
      });
      view.fields = list;
    }
  }
  if (type === 'CALENDAR') {
    view.date = fieldRef(v.date, `${base}.date`, pool, sink, ['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME']);
    view.title = fieldRef(v.title, `${base}.title`, pool, sink);
  }
  if (type === 'CUSTOM') {
    view.html = text(v.html, `${base}.html`, sink, MAX_HTML);
    const pager = v.pager === undefined ? true : parseBool(v.pager);
    if (pager === undefined) sink.add(`${base}.pager`, 'invalid');
    view.pager = pager;
    const device = v.device ?? 'DESKTOP';
    if (device !== 'DESKTOP' && device !== 'ANY') sink.add(`${base}.device`, 'enumValue');
    view.device = device;
  }
  return sink.count === before ? { ...view, pos, rank: rawIndex } : undefined;
}

/**
 * PUT `app/views`: `{name: view}` for the whole set. Answers the views with indexes renumbered
 * 0…n-1 (ties keep request order) and `name` equal to the key; the caller assigns ids.
 */
export function parseViews(input: unknown, fields: Record<string, Property>): { views: Record<string, View>; problems: Record<string, Problem[]> } {
  const sink = new ProblemSink();
  const views = dict<View>();
  if (!isObject(input)) {
    sink.add('views', input === undefined || input === null ? 'required' : 'invalid');
    return { views, problems: sink.all };
  }
  const entries = ownEntries(input);
  if (entries.length > MAX_VIEWS) {
    sink.add('views', 'tooMany', { n: MAX_VIEWS });
    return { views, problems: sink.all };
  }
  const pool = fieldPool(fields);
  const parsed = entries.map(([name, v], pos) => parseView(name, v, pos, pool, sink));
  if (!sink.empty) return { views, problems: sink.all };
  const ranked = (parsed as (View & { pos: number; rank: number })[]).sort((a, b) => a.rank - b.rank || a.pos - b.pos);
  ranked.forEach(({ pos: _pos, rank: _rank, ...view }, i) => (views[view.name] = { ...view, index: String(i) }));
  return { views, problems: sink.all };
}
