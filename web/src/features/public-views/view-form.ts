// The create/edit form's state and how it maps to and from the server's view: settings of a list
// view, the password (absent: unchanged; null: removed), the allow-list one address a line, the
// sites that may embed the view one origin a line. Where the server's objections go:
// view-form-errors.ts. Pure.
import type { Property } from '../../../../common/fields/index.js';
import type { PublicViewJson, PublicViewKind } from '../../../../common/api/public-views.js';
import type { SearchItem } from '../../../../common/api/public-search-forms.js';
import { isSortableType } from '../../../../common/query/index.js';
import type { ViewDraft } from './api';
import type { DashboardItem } from '../../../../common/api/public-view-kinds.js';
import { type AdvancedGraphForm, EMPTY_ADVANCED, advancedOfSettings, settingsOfAdvanced } from './advanced-graph-form';
import type { MatchRow } from './match-editor';

export interface SortRow {
  field: string;
  order: 'asc' | 'desc';
}

/** The settings of the kinds beyond the list that this form edits (common/api/public-view-kinds.ts). */
export interface KindForm {
  /** card and calendar: the title field; card: the image (FILE) field. */
  titleField: string;
  imageField: string;
  /** calendar: the date or date-time field, an optional end of the same type, month or week. */
  startField: string;
  endField: string;
  mode: 'month' | 'week';
  /** segment: the field whose values make the tabs. */
  segmentField: string;
  /** graph: one aggregation grouped by one field. */
  chartType: 'BAR' | 'COLUMN' | 'LINE' | 'PIE';
  groupField: string;
  aggregationType: 'COUNT' | 'SUM' | 'AVERAGE' | 'MAX' | 'MIN';
  aggregationField: string;
}

/** Kinds this form makes and changes (every kind); another would keep its settings as they are. */
export const FORM_KINDS: ReadonlySet<PublicViewKind> = new Set(['list', 'card', 'calendar', 'graph', 'advancedGraph', 'segment', 'dashboard', 'myPage']);
/** Kinds that show pages of records: fields, detail pages, sort, page size. */
export const RECORD_KINDS: ReadonlySet<PublicViewKind> = new Set(['list', 'card', 'segment', 'myPage']);

export interface ViewForm {
  kind: PublicViewKind;
  k: KindForm;
  /** advancedGraph: its graph (advanced-graph-form.ts). */
  adv: AdvancedGraphForm;
  /** dashboard: its blocks. */
  dash: DashboardItem[];
  /** myPage: the fields matched with the signed-in visitor. */
  match: MatchRow[];
  title: string;
  description: string;
  fields: string[];
  detailEnabled: boolean;
  detailSame: boolean;
  detailFields: string[];
  filter: string;
  sort: SortRow[];
  pageSize: string;
  search: boolean;
  /** A list view's search form items (the other kinds have none). */
  searchForm: SearchItem[];
  above: string;
  below: string;
  passwordOn: boolean;
  password: string;
  ipAllow: string;
  /** Https origins that may show the visitor page in a frame, one a line. */
  frameAncestors: string;
}

const EMPTY_KIND: KindForm = {
  titleField: '',
  imageField: '',
  startField: '',
  endField: '',
  mode: 'month',
  segmentField: '',
  chartType: 'COLUMN',
  groupField: '',
  aggregationType: 'COUNT',
  aggregationField: '',
};

export const EMPTY_FORM: ViewForm = {
  kind: 'list',
  k: EMPTY_KIND,
  adv: EMPTY_ADVANCED,
  dash: [],
  match: [{ field: '', attribute: 'email', op: 'eq' }],
  title: '',
  description: '',
  fields: [],
  detailEnabled: true,
  detailSame: true,
  detailFields: [],
  filter: '',
  sort: [],
  pageSize: '20',
  search: false,
  searchForm: [],
  above: '',
  below: '',
  passwordOn: false,
  password: '',
  ipAllow: '',
  frameAncestors: '',
};

/** What the server never shows to visitors (server/domain/public-views/check-settings.ts). */
const NOT_SHOWN = new Set(['GROUP', 'REFERENCE_TABLE', 'LABEL', 'SPACER', 'HR']);
const SWITCHED = new Set(['STATUS', 'STATUS_ASSIGNEE', 'CATEGORY']);

/** The app's fields a view may show, in the form's order of the properties. */
export function showableFields(properties: Record<string, Property>): Property[] {
  return Object.values(properties).filter((p) => !NOT_SHOWN.has(p.type) && (!SWITCHED.has(p.type) || p.enabled === true));
}

export function sortableFields(properties: Record<string, Property>): Property[] {
  return Object.values(properties).filter((p) => isSortableType(p.type));
}

type KindSettings = {
  card?: { title?: string; image?: string };
  calendar?: { title?: string; start?: string; end?: string; mode?: 'month' | 'week' };
  segment?: { field?: string };
  graph?: { chartType?: KindForm['chartType']; group?: { field?: string }; aggregation?: { type?: KindForm['aggregationType']; field?: string } };
};

function kindOfSettings(st: KindSettings): KindForm {
  return {
    titleField: st.card?.title ?? st.calendar?.title ?? '',
    imageField: st.card?.image ?? '',
    startField: st.calendar?.start ?? '',
    endField: st.calendar?.end ?? '',
    mode: st.calendar?.mode ?? 'month',
    segmentField: st.segment?.field ?? '',
    chartType: st.graph?.chartType ?? 'COLUMN',
    groupField: st.graph?.group?.field ?? '',
    aggregationType: st.graph?.aggregation?.type ?? 'COUNT',
    aggregationField: st.graph?.aggregation?.field ?? '',
  };
}

export function formOfView(v: PublicViewJson): ViewForm {
  const st = v.settings;
  return {
    kind: v.kind,
    k: kindOfSettings(st as KindSettings),
    adv: v.kind === 'advancedGraph' ? advancedOfSettings((st as { graph?: Parameters<typeof advancedOfSettings>[0] }).graph) : EMPTY_ADVANCED,
    dash: v.kind === 'dashboard' ? [...((st as { dashboard?: { items: DashboardItem[] } }).dashboard?.items ?? [])] : [],
    match: v.kind === 'myPage' ? ((st as { match?: MatchRow[] }).match ?? []).map((m) => ({ ...m })) : EMPTY_FORM.match,
    title: v.title,
    description: v.description,
    fields: [...st.fields],
    detailEnabled: st.detail.enabled,
    detailSame: !st.detail.fields,
    detailFields: [...(st.detail.fields ?? st.fields)],
    filter: st.filter,
    sort: st.sort.map((k) => ({ field: k.field, order: k.order })),
    pageSize: String(st.pageSize),
    search: st.search,
    searchForm: (st.searchForm ?? []).map((item) => (item.kind === 'text' ? { ...item, fields: [...item.fields] } : { ...item })),
    above: st.blocks.above,
    below: st.blocks.below,
    passwordOn: v.hasPassword,
    password: '',
    ipAllow: v.ipAllow.join('\n'),
    frameAncestors: v.frameAncestors.join('\n'),
  };
}

/** A textarea's entries: one a line, trimmed, blank lines dropped (as sent, so error indexes match). */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The request body's view part; `existing`: the view being edited (its password state). */
export function draftOfForm(f: ViewForm, existing?: PublicViewJson): ViewDraft {
  const n = Number(f.pageSize);
  const draft: ViewDraft = {
    title: f.title,
    description: f.description,
    settings: settingsOfForm(f, n),
    ipAllow: linesOf(f.ipAllow),
    frameAncestors: linesOf(f.frameAncestors),
  };
  // A kind this form does not edit keeps its settings untouched.
  if (!FORM_KINDS.has(f.kind)) delete draft.settings;
  if (f.passwordOn && f.password) draft.password = f.password;
  else if (!f.passwordOn && existing?.hasPassword) draft.password = null;
  return draft;
}

function settingsOfForm(f: ViewForm, n: number): Record<string, unknown> {
  const blocks = { above: f.above, below: f.below };
  const detail = f.detailEnabled && !f.detailSame ? { enabled: true, fields: f.detailFields } : { enabled: f.detailEnabled };
  const filter = f.filter.trim();
  const k = f.k;
  switch (f.kind) {
    case 'calendar':
      return { detail: { enabled: f.detailEnabled }, filter, search: f.search, blocks, calendar: { title: k.titleField, start: k.startField, ...(k.endField ? { end: k.endField } : {}), mode: k.mode } };
    case 'graph':
      return {
        filter,
        blocks,
        graph: { chartType: k.chartType, group: { field: k.groupField }, aggregation: { type: k.aggregationType, ...(k.aggregationType !== 'COUNT' ? { field: k.aggregationField } : {}) } },
      };
    case 'advancedGraph':
      return { filter, blocks, graph: settingsOfAdvanced(f.adv) };
    case 'dashboard':
      return { blocks, dashboard: { items: f.dash } };
    default:
      break;
  }
  const base: Record<string, unknown> = {
    fields: f.fields,
    detail,
    filter,
    sort: f.sort.filter((key) => key.field),
    // A number the server refuses beside the input, rather than a silently changed one.
    pageSize: f.pageSize.trim() === '' || !Number.isFinite(n) ? f.pageSize : n,
    search: f.search,
    blocks,
  };
  if (f.kind === 'list' || f.kind === 'myPage') base.searchForm = f.searchForm;
  if (f.kind === 'myPage') base.match = f.match;
  if (f.kind === 'card') base.card = { title: k.titleField, ...(k.imageField ? { image: k.imageField } : {}) };
  if (f.kind === 'segment') base.segment = { field: k.segmentField };
  return base;
}
