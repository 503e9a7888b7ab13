// The create/edit form's state and how it maps to and from the server's view: settings of a list
// view, the password (absent: unchanged; null: removed), the allow-list one address a line. And
// where the server's objections go: beside the part of the form they are about. Pure.
import type { Property } from '../../../../common/fields/index.js';
import type { PublicViewJson, PublicViewKind } from '../../../../common/api/public-views.js';
import type { SearchItem } from '../../../../common/api/public-search-forms.js';
import { isSortableType } from '../../../../common/query/index.js';
import { ApiError } from '../../api/client';
import type { ViewDraft } from './api';

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

/** Kinds this form makes and changes; the others keep their settings as they are (API). */
export const FORM_KINDS: ReadonlySet<PublicViewKind> = new Set(['list', 'card', 'calendar', 'graph', 'segment']);

export interface ViewForm {
  kind: PublicViewKind;
  k: KindForm;
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
  };
}

/** The request body's view part; `existing`: the view being edited (its password state). */
export function draftOfForm(f: ViewForm, existing?: PublicViewJson): ViewDraft {
  const n = Number(f.pageSize);
  const draft: ViewDraft = {
    title: f.title,
    description: f.description,
    settings: settingsOfForm(f, n),
    ipAllow: f.ipAllow
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
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
  if (f.kind === 'list') base.searchForm = f.searchForm;
  if (f.kind === 'card') base.card = { title: k.titleField, ...(k.imageField ? { image: k.imageField } : {}) };
  if (f.kind === 'segment') base.segment = { field: k.segmentField };
  return base;
}

/** The form's parts a server message can sit beside. */
export type FormPart = 'title' | 'description' | 'fields' | 'detail' | 'filter' | 'sort' | 'pageSize' | 'search' | 'searchForm' | 'above' | 'below' | 'password' | 'ipAllow' | 'kind';

const PARTS: Record<string, FormPart> = {
  title: 'title',
  description: 'description',
  fields: 'fields',
  detail: 'detail',
  filter: 'filter',
  sort: 'sort',
  pageSize: 'pageSize',
  search: 'search',
  searchForm: 'searchForm',
  above: 'above',
  below: 'below',
  password: 'password',
  ipAllow: 'ipAllow',
  card: 'kind',
  calendar: 'kind',
  segment: 'kind',
  graph: 'kind',
};

/** `settings.blocks.above` → above, `ipAllow[2]` → ipAllow, `settings.detail.fields[0]` → detail. */
export function partOfKey(key: string): FormPart | null {
  const segments = key
    .replace(/^settings\./, '')
    .split(/[.[\]]/)
    .filter(Boolean);
  const first = segments[0] === 'blocks' ? segments[1] : segments[0];
  return (first && PARTS[first]) || null;
}

/** Codes that are about one part of the form as a whole (they name no input key). */
const CODE_PARTS: Record<string, FormPart> = { CB_PV04: 'fields', CB_PV11: 'filter', CB_PV12: 'sort', CB_PV34: 'searchForm' };

/** The server's messages by form part; those it could not place stay for the top of the form. */
export function placeErrors(error: unknown): { byPart: Partial<Record<FormPart, string>>; unplaced: string[] } {
  const byPart: Partial<Record<FormPart, string>> = {};
  const unplaced: string[] = [];
  if (!(error instanceof ApiError)) return { byPart, unplaced };
  const codePart = CODE_PARTS[error.code];
  if (codePart) byPart[codePart] = error.message;
  for (const [key, messages] of Object.entries(error.fields)) {
    const part = partOfKey(key);
    const text = messages.join(' ');
    if (part) byPart[part] ??= text;
    else unplaced.push(text);
  }
  return { byPart, unplaced };
}
