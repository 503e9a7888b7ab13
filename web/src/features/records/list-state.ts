// The record list's state lives in the address (`?view=3&q=…&sort=…&page=2&size=40&kw=…`), so
// a reload, the back button and a shared link show the same records, and the record details
// screen can walk the same list (previous / next). `q` is the where-part in kintone's query
// language (absent: the view's own filter), `sort` the order-by keys (absent: the view's).
import type { Property } from '../../../../common/fields/index.js';
import type { Expr, SortKey } from '../../../../common/query/index.js';
import type { ViewJson } from '../../../../common/api/app-reads.js';
import { joinExprs, keywordExpr, parseSort, whereOf } from './query/filter';

export const PAGE_SIZES = [20, 40, 60, 80, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface ListState {
  view: string | null;
  q: string | null;
  sort: string | null;
  page: number;
  size: number;
  kw: string;
  graph: string | null;
}

export function readListState(params: URLSearchParams): ListState {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    view: params.get('view'),
    q: params.get('q'),
    sort: params.get('sort'),
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    kw: params.get('kw') ?? '',
    graph: params.get('graph'),
  };
}

export function writeListState(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.view !== null) p.set('view', s.view);
  if (s.q !== null) p.set('q', s.q);
  if (s.sort !== null) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.size !== DEFAULT_PAGE_SIZE) p.set('size', String(s.size));
  if (s.kw) p.set('kw', s.kw);
  if (s.graph) p.set('graph', s.graph);
  return p;
}

/** kintone's preset view when an app has none: every record, newest first. */
export const ALL_RECORDS_VIEW: ViewJson = { id: '', type: 'LIST', name: '', index: '0', filterCond: '', sort: '' };

/** The app's views in their order, or the preset (すべて) one. */
export function orderedViews(views: Record<string, ViewJson> | undefined): ViewJson[] {
  const list = Object.values(views ?? {}).sort((a, b) => Number(a.index) - Number(b.index));
  return list.length ? list : [ALL_RECORDS_VIEW];
}

export function currentView(views: ViewJson[], id: string | null): ViewJson {
  return views.find((v) => v.id === id) ?? views[0] ?? ALL_RECORDS_VIEW;
}

/** Types with a value a list column can show. */
const NOT_A_COLUMN = new Set(['GROUP', 'REFERENCE_TABLE', 'SUBTABLE', 'CATEGORY', 'LABEL', 'SPACER', 'HR']);

/** The columns of a view: a list view's own, else every top-level field that has a value. */
export function viewColumns(view: ViewJson, properties: Record<string, Property>): string[] {
  if (view.type === 'LIST' && view.fields && view.fields.length) return view.fields;
  return Object.values(properties)
    .filter((p) => !NOT_A_COLUMN.has(p.type) && !((p.type === 'STATUS' || p.type === 'STATUS_ASSIGNEE') && p.enabled !== true))
    .map((p) => p.code);
}

const KEYWORD_TYPES = new Set(['SINGLE_LINE_TEXT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'LINK']);

/** The top-level text fields the keyword box searches, among those the caller sees. */
export function keywordFields(properties: Record<string, Property>, visible: ReadonlySet<string> | null): string[] {
  return Object.values(properties)
    .filter((p) => KEYWORD_TYPES.has(p.type) && (visible === null || visible.has(p.code)))
    .map((p) => p.code);
}

export interface EffectiveQuery {
  /** The filter alone (the view's, or the person's): what a graph and bulk deletion take. */
  filter: Expr | null;
  /** The filter and the keyword together: what the list shows. */
  where: Expr | null;
  orderBy: SortKey[];
  /** The person's own filter text did not parse (a hand-edited address). */
  invalid: boolean;
}

export function effectiveQuery(s: ListState, view: ViewJson, keywordCodes: readonly string[]): EffectiveQuery {
  const viewFilter = whereOf(view.filterCond ?? '') ?? null;
  const own = s.q !== null ? whereOf(s.q) : viewFilter;
  // A hand-edited address that does not parse falls back to the view's own filter.
  const filter = own === undefined ? viewFilter : own;
  return {
    filter,
    where: joinExprs('and', [filter, keywordExpr(s.kw, keywordCodes)]),
    orderBy: parseSort(s.sort ?? view.sort ?? ''),
    invalid: own === undefined,
  };
}
