// Search forms (common/api/public-search-forms.ts): checking a view's items when it is saved, and
// turning what a visitor filled into a condition of the query's tree — each value a literal in
// the tree, ANDed with the fixed filter by the reader (never spliced into query text, never able
// to widen the view). Any kind can use `visitorSearch` with its reader; list does.
import type { Property } from '../../../../common/fields/index.js';
import { MAX_CHOICES_PICKED, MAX_SEARCH_TEXT, type SearchForm, type SearchItem, type SearchValues, type VisitorSearchItem } from '../../../../common/api/public-search-forms.js';
import type { Expr } from '../../../../common/query/index.js';
import { AppError, type FieldProblem } from '../../app-error.js';
import type { RecordSchema } from '../../records/schema.js';
import { reads } from '../check-settings.js';

const TYPES: Record<SearchItem['kind'], ReadonlySet<string>> = {
  text: new Set(['SINGLE_LINE_TEXT', 'LINK', 'MULTI_LINE_TEXT', 'RICH_TEXT']),
  choice: new Set(['DROP_DOWN', 'RADIO_BUTTON', 'CHECK_BOX', 'MULTI_SELECT']),
  dateRange: new Set(['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME']),
  numberRange: new Set(['NUMBER', 'CALC']),
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
const DAY_MS = 86_400_000;

export const itemFields = (item: SearchItem): string[] => (item.kind === 'text' ? item.fields : [item.field]);

/**
 * The items as saved: keys unique, every field one the list shows (so a search never reaches a
 * field visitors do not see, P2), of a type that fits, and readable by each of `schemas`.
 */
export function checkSearchForm(items: SearchForm, shown: readonly string[], schemas: RecordSchema[]): SearchForm {
  const seen = new Set<string>();
  const errors: Record<string, FieldProblem[]> = {};
  items.forEach((item, i) => {
    if (seen.has(item.key.toLowerCase())) errors[`settings.searchForm[${i}].key`] = [{ key: 'duplicate' }];
    seen.add(item.key.toLowerCase());
  });
  if (Object.keys(errors).length) throw new AppError('CB_VA01', { errors });
  for (const item of items) {
    for (const code of itemFields(item)) {
      const ok = shown.includes(code) && schemas.every((s) => reads(s, code) && TYPES[item.kind].has(typeOf(s, code)));
      if (!ok) throw new AppError('CB_PV34', { params: { item: item.key, field: code } });
    }
  }
  return items.map((item) => (item.kind === 'text' ? { ...item, fields: [...new Set(item.fields)] } : item));
}

/** What visitors get to draw the form; a field the creator no longer reads drops out. */
export function visitorSearchItems(items: SearchForm, schema: RecordSchema, shown: readonly string[]): VisitorSearchItem[] {
  return items
    .filter((item) => itemFields(item).some((c) => shown.includes(c)))
    .map((item) => {
      const p = schema.fields[itemFields(item)[0]!] as Property;
      const label = item.label || String(p.label ?? p.code);
      return item.kind === 'choice' ? { key: item.key, kind: item.kind, label, options: optionsOf(p) } : { key: item.key, kind: item.kind, label };
    });
}

export interface VisitorSearch {
  /** Null: nothing filled; false: can match nothing (the item's fields dropped out). */
  expr: Expr | null | false;
  /** The filled values, canonical, for the cache key. */
  key: string;
}

/**
 * The visitor's values as a condition over `shown` (the fields visitors get now). Unknown items,
 * values outside a choice's options and malformed dates or numbers are refused (CB_PV35).
 */
export function visitorSearch(items: SearchForm, values: SearchValues, schema: RecordSchema, shown: readonly string[]): VisitorSearch {
  const { filled, key } = parseSearchValues(items, values);
  const conds: Expr[] = [];
  let none = false;
  for (const item of items) {
    const got = filled.get(item.key);
    if (!got) continue;
    const fields = itemFields(item).filter((c) => shown.includes(c));
    const cond = condition(item, got, fields, schema);
    if (cond === false) none = true;
    else if (cond) conds.push(cond);
  }
  if (none) return { expr: false, key };
  return { expr: conds.length === 0 ? null : conds.length === 1 ? conds[0]! : { kind: 'and', items: conds }, key };
}

type Filled = Map<string, { value?: string[]; from?: string; to?: string }>;

/**
 * The values by item, and their canonical form for a cache key — without the app's schema, so
 * an unknown item is refused before any cache is looked at. Options and dates are checked by
 * `visitorSearch`.
 */
export function parseSearchValues(items: SearchForm, values: SearchValues): { filled: Filled; key: string } {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const filled: Filled = new Map();
  for (const [raw, v] of Object.entries(values)) {
    const m = /^(.*?)(?:\.(from|to))?$/.exec(raw)!;
    const item = byKey.get(m[1]!);
    const part = (m[2] ?? 'value') as 'value' | 'from' | 'to';
    const ranged = item?.kind === 'dateRange' || item?.kind === 'numberRange';
    if (!item || ranged !== (part !== 'value')) throw refused();
    const list = Array.isArray(v) ? v : [v];
    const entry = filled.get(item.key) ?? {};
    if (part === 'value') entry.value = list;
    else if (list.length !== 1) throw refused();
    else entry[part] = list[0]!;
    filled.set(item.key, entry);
  }
  return { filled, key: JSON.stringify([...filled.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

function condition(item: SearchItem, got: { value?: string[]; from?: string; to?: string }, fields: string[], schema: RecordSchema): Expr | null | false {
  if (item.kind === 'text') {
    if (got.value!.length !== 1) throw refused();
    const q = got.value![0]!.normalize('NFC').trim();
    if (q.length > MAX_SEARCH_TEXT) throw refused();
    if (q === '') return null;
    if (fields.length === 0) return false;
    const likes: Expr[] = fields.map((code) => ({ kind: 'like', field: { code, pos: 0 }, negated: false, value: q }));
    return likes.length === 1 ? likes[0]! : { kind: 'or', items: likes };
  }
  const field = fields[0];
  const p = field ? (schema.fields[field] as Property | undefined) : undefined;
  if (item.kind === 'choice') {
    const picked = [...new Set(got.value!)].filter((v) => v !== '');
    if (picked.length > MAX_CHOICES_PICKED) throw refused();
    if (!p || !field) return picked.length === 0 ? null : false;
    const options = optionsOf(p);
    if (picked.some((v) => !options.includes(v))) throw refused();
    if (picked.length === 0) return null;
    return { kind: 'in', field: { code: field, pos: 0 }, negated: false, values: picked.map((v) => ({ kind: 'string', value: v })) };
  }
  const from = got.from?.trim() || undefined;
  const to = got.to?.trim() || undefined;
  const bounds: Array<[op: '>=' | '<=' | '<', text: string]> = [];
  if (item.kind === 'numberRange') {
    for (const v of [from, to]) if (v !== undefined && !NUMBER.test(v)) throw refused();
    if (from !== undefined) bounds.push(['>=', from]);
    if (to !== undefined) bounds.push(['<=', to]);
  } else {
    const dateOnly = typeOf(schema, field ?? '') === 'DATE';
    for (const v of [from, to]) if (v !== undefined && !validDate(v, dateOnly)) throw refused();
    if (from !== undefined) bounds.push(['>=', dateOnly || !DATE.test(from) ? from : `${from}T00:00:00Z`]);
    // A day given as the end includes that whole day.
    if (to !== undefined) bounds.push(dateOnly || !DATE.test(to) ? ['<=', to] : ['<', new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().replace('.000Z', 'Z')]);
  }
  if (bounds.length === 0) return null;
  if (!p || !field) return false;
  const conds: Expr[] = bounds.map(([op, text]) => ({
    kind: 'compare',
    field: { code: field, pos: 0 },
    op,
    value: item.kind === 'numberRange' ? { kind: 'number', value: text } : { kind: 'string', value: text },
  }));
  return conds.length === 1 ? conds[0]! : { kind: 'and', items: conds };
}

function validDate(v: string, dateOnly: boolean): boolean {
  if (DATE.test(v)) return !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  return !dateOnly && DATETIME.test(v) && !Number.isNaN(Date.parse(v));
}

function typeOf(schema: RecordSchema, code: string): string {
  return (schema.fields[code] as Property | undefined)?.type ?? '';
}

function optionsOf(p: Property): string[] {
  const options = (p.options ?? {}) as Record<string, { label?: string; index?: string }>;
  return Object.entries(options)
    .sort(([, a], [, b]) => Number(a.index ?? 0) - Number(b.index ?? 0))
    .map(([k]) => k);
}

const refused = () => new AppError('CB_PV35');
