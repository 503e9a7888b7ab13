// The view kinds beyond the list — card, calendar, graph, advanced graph, segment, dashboard —
// their settings (each kind's zod schema, part of SETTINGS_SCHEMAS in public-views.ts), their
// visitor paths and parameters, and what visitors get back.
//
// Every kind keeps the list's keys (`fields`, `detail`, `filter`, `sort`, `pageSize`, `search`,
// `searchForm`, `blocks`) with the same meaning, so the policy, the reader, the cache key and the plan rules
// read every view one way: `fields` is everything the view shows (for a graph, the fields it
// groups and sums; the server completes it from the kind's own settings), `detail` its detail
// pages. This module imports nothing at run time from public-views.ts, which imports it.
import { z } from 'zod';
import { AGGREGATION_TYPES, CHART_MODES, SORT_KEYS } from '../reports/definition.js';
import { GROUP_PERIODS } from '../reports/fields.js';
import { searchItem } from './public-search-forms.js';
import type { ReportDataJson } from './reports.js';
import type { PublicViewKind, VisitorColumn, VisitorRecord, VisitorViewMeta } from './public-views.js';

export const PUBLIC_CARDS_PATH = '/public/:token/cards.json';
export const PUBLIC_CALENDAR_PATH = '/public/:token/calendar.json';
export const PUBLIC_GRAPH_PATH = '/public/:token/graph.json';
export const PUBLIC_SEGMENTS_PATH = '/public/:token/segments.json';
export const PUBLIC_DASHBOARD_PATH = '/public/:token/dashboard.json';
/** A dashboard member's detail pages and attachments, behind the dashboard's own gates. */
export const PUBLIC_MEMBER_RECORD_PATH = '/public/:token/members/:member/records/:id.json';
export const PUBLIC_MEMBER_FILE_PATH = '/public/:token/members/:member/files/:record/:field/:file';

/** Kinds served by their own path: `data.json` (a list page) answers "not found" for them. */
export const OWN_PATH_KINDS: ReadonlySet<PublicViewKind> = new Set(['card', 'calendar', 'graph', 'advancedGraph', 'segment', 'dashboard']);
/** Kinds a dashboard may hold. */
export const MEMBER_KINDS: ReadonlySet<PublicViewKind> = new Set(['list', 'card', 'calendar', 'graph', 'advancedGraph', 'segment']);

/** Longest date range a calendar answers (a month grid is six weeks). */
export const MAX_CALENDAR_DAYS = 42;
/** Most events one calendar answer holds; more set `truncated`. */
export const MAX_EVENTS = 1_000;
export const MAX_DASHBOARD_ITEMS = 24;
export const DASHBOARD_COLUMNS = 12;

const fieldCode = z.string().min(1).max(128);
const html = z.string().max(100_000);
const sortKey = z.object({ field: fieldCode, order: z.enum(['asc', 'desc']).default('asc') });
const noDetail = z.object({ enabled: z.literal(false) }).default({ enabled: false });
const blocks = z.object({ above: html.default(''), below: html.default('') }).default({ above: '', below: '' });

/** The list's keys (public-views.ts listSettings), which every kind keeps. */
const core = {
  fields: z.array(fieldCode).min(1).max(50),
  detail: z
    .object({ enabled: z.boolean().default(true), fields: z.array(fieldCode).min(1).max(200).optional() })
    .default({ enabled: true }),
  filter: z.string().max(10_000).default(''),
  sort: z.array(sortKey).max(5).default([]),
  pageSize: z.number().int().min(1).max(100).default(20),
  search: z.boolean().default(false),
  /** Search forms (public-search-forms.ts) are offered on list views only, so far. */
  searchForm: z.array(searchItem).max(0).default([]),
  blocks,
};

/** A grid of cards: a title, an image (an attachment field) and a few more fields. */
export const cardSettings = z.object({
  ...core,
  /** The card's other fields; the title and image are added in front by the server. */
  fields: z.array(fieldCode).max(12).default([]),
  pageSize: z.number().int().min(1).max(100).default(24),
  card: z.object({ title: fieldCode, image: fieldCode.optional() }),
});

/** Records on a calendar by a DATE or DATETIME field, or a start–end pair of one type. */
export const calendarSettings = z.object({
  ...core,
  /** Set by the server: the title, start and end fields. */
  fields: z.array(fieldCode).max(3).default([]),
  calendar: z.object({ title: fieldCode, start: fieldCode, end: fieldCode.optional(), mode: z.enum(['month', 'week']).default('month') }),
});

const graphGroup = z.object({ field: fieldCode, per: z.enum(GROUP_PERIODS).optional() });
const graphAggregation = z.object({ type: z.enum(AGGREGATION_TYPES), field: fieldCode.optional() });
const graphSort = z.object({ by: z.enum(SORT_KEYS), order: z.enum(['ASC', 'DESC']) });
const graphCore = {
  ...core,
  /** Set by the server: the fields the graph groups and aggregates. */
  fields: z.array(fieldCode).max(8).default([]),
  detail: noDetail,
  sort: z.array(sortKey).max(0).default([]),
  search: z.literal(false).default(false),
};

/** Bar, line or pie: one aggregation grouped by one field or date period. */
export const graphSettings = z.object({
  ...graphCore,
  graph: z.object({
    chartType: z.enum(['BAR', 'COLUMN', 'LINE', 'PIE']),
    group: graphGroup,
    aggregation: graphAggregation.default({ type: 'COUNT' }),
    sort: graphSort.optional(),
  }),
});

const axis = z.object({ title: z.string().max(100).default(''), min: z.number().optional(), max: z.number().optional() });

/** Several series (up to three groups and five aggregations), stacked, as a cross-tab, with axis options. */
export const advancedGraphSettings = z.object({
  ...graphCore,
  graph: z.object({
    chartType: z.enum(['BAR', 'COLUMN', 'LINE', 'AREA', 'SPLINE', 'SPLINE_AREA', 'PIE', 'TABLE', 'PIVOT_TABLE']),
    chartMode: z.enum(CHART_MODES).default('NORMAL'),
    groups: z.array(graphGroup).min(1).max(3),
    aggregations: z.array(graphAggregation).min(1).max(5),
    sorts: z.array(graphSort).max(4).default([]),
    axis: z.object({ x: axis.default({ title: '' }), y: axis.default({ title: '' }) }).default({ x: { title: '' }, y: { title: '' } }),
  }),
});

/** A list split into tabs by the values of a choice or status field. */
export const segmentSettings = z.object({
  ...core,
  segment: z.object({
    field: fieldCode,
    /** The tabs, in order; absent: one per option (or process state), in the field's order. */
    tabs: z
      .array(z.object({ value: z.string().min(1).max(1_000), label: z.string().max(100).optional() }))
      .min(1)
      .max(50)
      .optional(),
  }),
});

const cell = { x: z.number().int().min(0).max(DASHBOARD_COLUMNS - 1), y: z.number().int().min(0).max(99), w: z.number().int().min(1).max(DASHBOARD_COLUMNS), h: z.number().int().min(1).max(20) };
const dashboardItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: z.string().regex(/^pv_[0-9a-z]{20}$/), ...cell }),
  z.object({ type: z.literal('text'), html, ...cell }),
  z.object({ type: z.literal('image'), url: z.string().max(2_000).regex(/^https:\/\/[^\s"'<>]+$/), alt: z.string().max(500).default(''), ...cell }),
]);

/** Other views of the domain, text and images on one page, in a grid of 12 columns. */
export const dashboardSettings = z.object({
  ...core,
  fields: z.array(fieldCode).max(0).default([]),
  detail: noDetail,
  filter: z.literal('').default(''),
  sort: z.array(sortKey).max(0).default([]),
  search: z.literal(false).default(false),
  dashboard: z.object({ items: z.array(dashboardItem).min(1).max(MAX_DASHBOARD_ITEMS) }),
});

export type CardSettings = z.output<typeof cardSettings>;
export type CalendarSettings = z.output<typeof calendarSettings>;
export type GraphSettings = z.output<typeof graphSettings>;
export type AdvancedGraphSettings = z.output<typeof advancedGraphSettings>;
export type SegmentSettings = z.output<typeof segmentSettings>;
export type DashboardSettings = z.output<typeof dashboardSettings>;
export type DashboardItem = DashboardSettings['dashboard']['items'][number];

export const KIND_SETTINGS_SCHEMAS = {
  card: cardSettings,
  calendar: calendarSettings,
  graph: graphSettings,
  advancedGraph: advancedGraphSettings,
  segment: segmentSettings,
  dashboard: dashboardSettings,
} as const;

// ---- visitors -------------------------------------------------------------------------------

const page = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .optional()
  .catch(undefined);
const q = z.string().max(200).optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dateFormat');

/** Anything else a visitor sends is dropped unread (P1, P2). */
export const visitorCardsInput = z.object({ page, q });
/** `from` inclusive, `to` exclusive, in the calendar's time zone; absent: this month. */
export const visitorCalendarInput = z.object({ from: day.optional(), to: day.optional(), q });
/** `tab`: one of the view's tab values (absent: the first); any other is refused. */
export const visitorSegmentInput = z.object({ tab: z.string().max(1_000).optional(), page, q });

export interface VisitorCardsJson {
  view: VisitorViewMeta & { card: { title: string | null; image: string | null } };
  records: VisitorRecord[];
  totalCount: number;
  page: number;
  pages: number;
}

export interface VisitorEvent {
  id: string;
  title: string;
  /** DATE: `YYYY-MM-DD`; DATETIME: an instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  start: string;
  /** The last day (inclusive) or the end instant; the start when the record has no end. */
  end: string;
  allDay: boolean;
}

export interface VisitorCalendarJson {
  view: Pick<VisitorViewMeta, 'kind' | 'title' | 'description' | 'blocks' | 'search' | 'detail'> & {
    calendar: { mode: 'month' | 'week'; allDay: boolean; timeZone: string };
  };
  from: string;
  to: string;
  events: VisitorEvent[];
  truncated: boolean;
}

export interface VisitorGraphJson {
  view: Pick<VisitorViewMeta, 'kind' | 'title' | 'description' | 'blocks'> & {
    graph: { chartType: string; chartMode?: string; axis?: AdvancedGraphSettings['graph']['axis'] };
  };
  data: ReportDataJson;
}

export interface VisitorSegmentJson {
  view: VisitorViewMeta & { segment: { field: VisitorColumn; tabs: Array<{ value: string; label: string }> } };
  tab: string;
  records: VisitorRecord[];
  totalCount: number;
  page: number;
  pages: number;
}

type Cell = { x: number; y: number; w: number; h: number };
export type VisitorDashboardItem =
  | (Cell & { type: 'text'; html: string })
  | (Cell & { type: 'image'; url: string; alt: string })
  /** A member view: its own answer (the first page, this month, the graph), or unavailable. */
  | (Cell & { type: 'view'; member: number; available: true; kind: PublicViewKind; data: unknown })
  | (Cell & { type: 'view'; member: number; available: false });

export interface VisitorDashboardJson {
  view: Pick<VisitorViewMeta, 'kind' | 'title' | 'description' | 'blocks'> & { columns: number };
  items: VisitorDashboardItem[];
}
