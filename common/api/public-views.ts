// Public views (kViewer-style; ours): app managers publish app data, read-only, to visitors
// without an account. Management calls under `/v1/public-view*.json`, visitor calls under
// `/public/{token}/…`. A view has a kind and settings validated by the kind's own schema, so new
// kinds (card, calendar, graph, segment, dashboard, MyPage) add a schema here, not a migration.
import { z } from 'zod';
import type { ViewFeature } from '../licences/view-plans.js';
import { boolParam, intParam, numericId } from './params.js';
import { type VisitorSearchItem, searchForm } from './public-search-forms.js';
import { identityMatches } from './public-visitors.js';
import { KIND_SETTINGS_SCHEMAS } from './public-view-kinds.js';

export const PUBLIC_VIEWS_PATH = '/v1/public-views.json';
export const PUBLIC_VIEW_PUBLISH_PATH = '/v1/public-view/publish.json';
export const PUBLIC_VIEW_REGENERATE_PATH = '/v1/public-view/regenerate.json';

/** Every visitor path starts so; the server treats anything under it as anonymous (P15). */
export const PUBLIC_PREFIX = '/public/';
export const PUBLIC_DATA_PATH = '/public/:token/data.json';
export const PUBLIC_RECORD_PATH = '/public/:token/records/:id.json';
export const PUBLIC_FILE_PATH = '/public/:token/files/:record/:field/:file';
export const PUBLIC_UNLOCK_PATH = '/public/:token/unlock.json';

/** The path a view is published at, for a token. */
export function publicViewPath(token: string): string {
  return `${PUBLIC_PREFIX}${token}`;
}

/** A URL token: 32 random bytes, base64url (newSecret in common/ids.ts). */
export const URL_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const PUBLIC_VIEW_KINDS = ['list', 'card', 'calendar', 'graph', 'advancedGraph', 'segment', 'dashboard', 'myPage'] as const;
export type PublicViewKind = (typeof PUBLIC_VIEW_KINDS)[number];
/** Kinds the server serves so far; the others are accepted by the model and refused by CB_PV09. */
export const SERVED_KINDS: ReadonlySet<PublicViewKind> = new Set(['list', 'myPage', 'card', 'calendar', 'graph', 'advancedGraph', 'segment', 'dashboard']);

/** Most records a page shows; paging never goes past MAX_OFFSET records (P4). */
export const MAX_PAGE_SIZE = 100;
export const MAX_OFFSET = 10_000;
export const MAX_SEARCH_LENGTH = 200;
export const MIN_PASSWORD_LENGTH = 8;

const fieldCode = z.string().min(1).max(128);
/** Rich text (sanitised by the server when written and again when shown). */
const html = z.string().max(100_000);

export const sortKeyInput = z.object({ field: fieldCode, order: z.enum(['asc', 'desc']).default('asc') });
export type PublicSortKey = z.output<typeof sortKeyInput>;

/**
 * A list view with a detail page per record. `filter` is a condition in the query language (no
 * `order by`, `limit` or `offset`): the records a visitor can ever reach. `detail.fields` absent:
 * the list's fields.
 */
export const listSettings = z.object({
  fields: z.array(fieldCode).min(1).max(50),
  detail: z
    .object({ enabled: z.boolean().default(true), fields: z.array(fieldCode).min(1).max(200).optional() })
    .default({ enabled: true }),
  filter: z.string().max(10_000).default(''),
  sort: z.array(sortKeyInput).max(5).default([]),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  /** A free-text box that searches the list's text fields, on top of the filter. */
  search: z.boolean().default(false),
  /** Search form items visitors fill (plan feature searchForms): common/api/public-search-forms.ts. */
  searchForm,
  /** Text and images shown above and below the list. */
  blocks: z.object({ above: html.default(''), below: html.default('') }).default({ above: '', below: '' }),
});
export type ListSettings = z.output<typeof listSettings>;

/** Settings by kind: each kind that is served has its schema. */
/**
 * MyPage: a list whose visitor, signed in by e-mail, sees only the records whose `match` fields
 * equal their verified address or registered attributes (public-views/visitors/identity.ts).
 */
export const myPageSettings = listSettings.extend({ match: identityMatches });
export type MyPageSettings = z.output<typeof myPageSettings>;

export const SETTINGS_SCHEMAS: Partial<Record<PublicViewKind, z.ZodType<ListSettings>>> = {
  list: listSettings,
  myPage: myPageSettings,
  // card, calendar, graph, advancedGraph, segment, dashboard: common/api/public-view-kinds.ts
  ...KIND_SETTINGS_SCHEMAS,
};
export type PublicViewSettings = ListSettings;

const title = z.string().trim().min(1).max(128);
const description = z.string().max(10_000);
const password = z.string().min(MIN_PASSWORD_LENGTH).max(256);
/** IPv4/IPv6 addresses, CIDR ranges and `first~last` spans (checked by the server). Empty: from anywhere. */
const ipAllow = z.array(z.string().trim().min(1).max(100)).max(1_000);
const viewId = z.string().regex(/^pv_[0-9a-z]{20}$/, 'invalid');
/** Sites that may show the visitor page in a frame: https origins (checked by the server). Empty: none. */
export const MAX_FRAME_ANCESTORS = 20;
const frameAncestors = z.array(z.string().trim().min(1).max(200)).max(MAX_FRAME_ANCESTORS);

/**
 * `members`: instead of the app's own views, the views a dashboard of this app may hold — views of
 * any app of the domain the caller manages, of a kind a dashboard shows — with those apps' names.
 */
export const listViewsInput = z.object({ app: numericId, members: boolParam.optional() });
/** `GET public-views.json?members=true`: the apps the views belong to, for labelling them. */
export interface PublicViewAppJson {
  id: string;
  name: string;
}
export const createViewInput = z.object({
  app: numericId,
  kind: z.enum(PUBLIC_VIEW_KINDS).default('list'),
  title,
  description: description.default(''),
  settings: z.record(z.string(), z.unknown()),
  /** A password visitors must give (Premium and above); null or absent: none. */
  password: password.nullable().optional(),
  ipAllow: ipAllow.optional(),
  frameAncestors: frameAncestors.optional(),
});
export const updateViewInput = z.object({
  id: viewId,
  /** The configVersion the change was made against; a different current one refuses it (GAIA_CO02). */
  configVersion: intParam(0, 2_000_000_000).optional(),
  title: title.optional(),
  description: description.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  /** A new password; null removes it. Either way every unlocked visitor must unlock again. */
  password: password.nullable().optional(),
  ipAllow: ipAllow.optional(),
  frameAncestors: frameAncestors.optional(),
});
export const viewIdInput = z.object({ id: viewId });
export const publishViewInput = z.object({ id: viewId, published: boolParam });

export type CreateViewInput = z.output<typeof createViewInput>;
export type UpdateViewInput = z.output<typeof updateViewInput>;

export interface PublicViewJson {
  id: string;
  app: string;
  kind: PublicViewKind;
  title: string;
  description: string;
  settings: PublicViewSettings;
  published: boolean;
  hasPassword: boolean;
  /** E-mail sign-in: null (off), only registered addresses, or anyone who proves one. */
  emailAuth: 'registered' | 'anyone' | null;
  ipAllow: string[];
  /** Https origins that may show the visitor page in a frame (CSP frame-ancestors); empty: none. */
  frameAncestors: string[];
  /** Bumped by every change: the version the next update should name. */
  configVersion: number;
  creator: { id: string; code: string | null };
  /** Plan features the settings rely on. */
  requiredFeatures: ViewFeature[];
  /** Of those, the ones the domain's plan lacks: while any is, visitors get "not found" (P14). */
  missingFeatures: ViewFeature[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Create and regenerate answers: the URL token is shown this once (it is kept only as a hash,
 * like every bearer secret); losing it means regenerating, which retires the old URL.
 */
export interface PublicViewWithUrl {
  view: PublicViewJson;
  token: string;
  path: string;
}

// ---- visitors -------------------------------------------------------------------------------

/** Anything else a visitor sends (fields, columns, filters, sorts…) is dropped unread (P1, P2). */
export const visitorListInput = z.object({
  page: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  q: z.string().max(MAX_SEARCH_LENGTH).optional(),
});
export const unlockInput = z.object({ password: z.string().min(1).max(1024) });

export interface VisitorColumn {
  code: string;
  label: string;
  type: string;
  /** A table's columns. */
  fields?: VisitorColumn[];
}

export interface VisitorFile {
  name: string;
  contentType: string;
  size: string;
  /** Bound to this view, record, field and file, and valid for a while only (P5). */
  url: string;
}

export interface VisitorRecord {
  id: string;
  /** The view's fields the record shows, by code: kintone's `{type, value}` (files carry `url`). */
  values: Record<string, { type: string; value: unknown }>;
}

export interface VisitorViewMeta {
  kind: PublicViewKind;
  title: string;
  description: string;
  blocks: { above: string; below: string };
  columns: VisitorColumn[];
  search: boolean;
  detail: boolean;
  pageSize: number;
  /** The view's search form, to draw (common/api/public-search-forms.ts). */
  searchForm?: VisitorSearchItem[];
}

export interface VisitorListJson {
  view: VisitorViewMeta;
  records: VisitorRecord[];
  totalCount: number;
  page: number;
  pages: number;
}

export interface VisitorDetailJson {
  view: Pick<VisitorViewMeta, 'kind' | 'title'> & { columns: VisitorColumn[] };
  record: VisitorRecord;
}
