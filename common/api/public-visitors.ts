// Public-view visitors (ours; kViewer's "login authentication"): search forms visitors fill, e-mail
// sign-in (a one-time code or a sign-in link), registered visitors with attributes (manual, CSV,
// or synchronised from an app) and MyPage matching. Management calls under
// `/v1/public-view/…json` (the view's app managers), visitor calls under `/public/{token}/…`.
import { z } from 'zod';
import { intParam } from './params.js';

// ---- management ------------------------------------------------------------------------------
export const PUBLIC_VIEW_EMAIL_AUTH_PATH = '/v1/public-view/email-auth.json';
export const PUBLIC_VIEW_VISITORS_PATH = '/v1/public-view/visitors.json';
export const PUBLIC_VIEW_VISITORS_IMPORT_PATH = '/v1/public-view/visitors/import.json';
export const PUBLIC_VIEW_VISITORS_SYNC_PATH = '/v1/public-view/visitors/sync.json';

// ---- visitors --------------------------------------------------------------------------------
export const PUBLIC_SIGN_IN_PATH = '/public/:token/sign-in.json';
export const PUBLIC_SIGN_IN_CODE_PATH = '/public/:token/sign-in/code.json';
export const PUBLIC_SIGN_IN_LINK_PATH = '/public/:token/sign-in/link.json';
export const PUBLIC_SIGN_OUT_PATH = '/public/:token/sign-out.json';
export const PUBLIC_ME_PATH = '/public/:token/me.json';
/** The query parameter of the view's page that carries a sign-in link's token. */
export const SIGN_IN_LINK_PARAM = 'signIn';

/** A one-time code: 6 digits, 10 minutes, single use, 5 tries; a new one voids the old. */
export const SIGN_IN_CODE_TTL_MS = 10 * 60_000;
export const SIGN_IN_CODE_TRIES = 5;
/** A sign-in link: single use, 15 minutes, only in the browser that asked for it. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** Codes and links sent per address and view per hour. */
export const SIGN_IN_SENDS_PER_HOUR = 5;
/** A signed-in visitor: ends after 2 idle hours, and 12 hours after signing in at the latest. */
export const EMAIL_SESSION_IDLE_MS = 2 * 3_600_000;
export const EMAIL_SESSION_MAX_MS = 12 * 3_600_000;

export const EMAIL_AUTH_MODES = ['registered', 'anyone'] as const;
export type EmailAuthMode = (typeof EMAIL_AUTH_MODES)[number];

const viewId = z.string().regex(/^pv_[0-9a-z]{20}$/, 'invalid');
const email = z.string().trim().min(3).max(254);
const attrKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'invalid');
const attrValue = z.string().max(1_000);
export const MAX_ATTRIBUTES = 20;

/** Null switches e-mail sign-in off. Changing it ends every e-mail session of the view. */
export const emailAuthInput = z.object({
  id: viewId,
  mode: z.enum(EMAIL_AUTH_MODES).nullable(),
  configVersion: intParam(0, 2_000_000_000).optional(),
});

export const visitorInput = z.object({
  email,
  name: z.string().trim().max(200).default(''),
  attributes: z.record(attrKey, attrValue).default({}),
});
export type VisitorInput = z.output<typeof visitorInput>;

export const listVisitorsInput = z.object({
  id: viewId,
  offset: intParam(0, 1_000_000).default(0),
  limit: intParam(1, 500).default(100),
});
/** Adds visitors, or replaces those already registered with the same address. */
export const addVisitorsInput = z.object({ id: viewId, visitors: z.array(visitorInput).min(1).max(1_000) });
export const removeVisitorsInput = z.object({ id: viewId, emails: z.array(email).min(1).max(1_000) });
/**
 * CSV with a header line: `email`, optional `name`, any other column an attribute. All or
 * nothing: one bad row refuses the whole file, naming every bad row. `replace` drops the view's
 * visitors not in the file.
 */
export const importVisitorsInput = z.object({ id: viewId, csv: z.string().min(1).max(5_000_000), replace: z.boolean().default(false) });
/**
 * Visitors from an app's records: the e-mail field, optionally a name field and attribute fields
 * (attribute key → field code). Only records the manager may read are taken; the view's visitors
 * that came from an earlier sync and are no longer there are removed.
 */
export const syncVisitorsInput = z.object({
  id: viewId,
  app: z.union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/)]).transform(Number),
  emailField: z.string().min(1).max(128),
  nameField: z.string().min(1).max(128).optional(),
  attributes: z.record(attrKey, z.string().min(1).max(128)).default({}),
});

/** How often a scheduled sync runs (checked every ten minutes, so within that of its time). */
export const SYNC_EVERY = ['hourly', 'daily'] as const;
/** The time between two runs; a run is claimed by moving the next one on by this much. */
export const SYNC_INTERVAL_MS: Readonly<Record<(typeof SYNC_EVERY)[number], number>> = { hourly: 3_600_000, daily: 86_400_000 };
export const PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH = '/v1/public-view/visitors/sync/schedule.json';
/** A view's scheduled sync: what POST visitors/sync.json takes, and how often; read as the manager setting it. */
export const syncScheduleInput = syncVisitorsInput.extend({ every: z.enum(SYNC_EVERY) });
export const syncScheduleIdInput = z.object({ id: viewId });

export interface SyncScheduleJson {
  app: string;
  emailField: string;
  nameField: string | null;
  attributes: Record<string, string>;
  every: (typeof SYNC_EVERY)[number];
  /** Whom each run reads the app as: the manager who set the schedule. */
  manager: { id: string; code: string | null };
  nextRunAt: string;
  lastRunAt: string | null;
  /** The last run's counts, when it succeeded. */
  lastResult: (ImportResultJson & { skipped: number }) | null;
  /** Why the last run was refused (in the caller's language), when it was. */
  lastError: { code: string; message: string } | null;
}

export interface RegisteredVisitorJson {
  email: string;
  name: string;
  attributes: Record<string, string>;
  source: 'manual' | 'csv' | 'app';
  updatedAt: string;
}

export interface VisitorsPageJson {
  visitors: RegisteredVisitorJson[];
  totalCount: number;
  /** Registered visitors of the whole domain, and the plan's limit. */
  domainCount: number;
  limit: number;
}

export interface ImportResultJson {
  added: number;
  updated: number;
  removed: number;
}

// ---- visitor sign-in -------------------------------------------------------------------------

export const signInRequestInput = z.object({ email: z.string().max(320), method: z.enum(['code', 'link']).default('code') });
export const signInCodeInput = z.object({ email: z.string().max(320), code: z.string().max(20) });
export const signInLinkInput = z.object({ token: z.string().max(100) });

export interface VisitorMeJson {
  email: string;
  name: string;
}

// ---- MyPage ----------------------------------------------------------------------------------

/**
 * How a record's field is compared with the visitor's value: equal (`eq`, the default); a
 * number at most (`le`) or at least (`ge`) the visitor's — "levels"; a text starting with the
 * visitor's (`prefix`) — hierarchical codes, `A-01` sees `A-01` and `A-01-03`; a date on, before
 * or after the visitor's (`on`, `before`, `after`: a `YYYY-MM-DD` value; a date-time field by the
 * view creator's days); or `contains`: a text containing the visitor's value (ASCII letters in
 * either case, `%` and `_` as themselves) or a multi-choice or user selection that includes it.
 * The address (`email`) is only ever compared for equality.
 */
export const MATCH_OPS = ['eq', 'le', 'ge', 'prefix', 'on', 'before', 'after', 'contains'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

const MATCH_TEXT = ['SINGLE_LINE_TEXT', 'LINK'];
const MATCH_DATES = new Set(['DATE', 'DATETIME']);
/** The field types each comparison takes (the server refuses others: CB_PV38; the editor offers these only). */
export const MATCH_FIELD_TYPES: Record<MatchOp, ReadonlySet<string>> = {
  eq: new Set([...MATCH_TEXT, 'NUMBER', 'DROP_DOWN', 'RADIO_BUTTON']),
  le: new Set(['NUMBER']),
  ge: new Set(['NUMBER']),
  prefix: new Set(MATCH_TEXT),
  on: MATCH_DATES,
  before: MATCH_DATES,
  after: MATCH_DATES,
  contains: new Set([...MATCH_TEXT, 'MULTI_LINE_TEXT', 'CHECK_BOX', 'MULTI_SELECT', 'USER_SELECT']),
};
/** The types the visitor's address is compared with (for equality only). */
export const EMAIL_MATCH_TYPES: ReadonlySet<string> = new Set(MATCH_TEXT);

/**
 * A MyPage view shows a signed-in visitor the records whose `field` compares (`op`) with their
 * verified address (`attribute: 'email'`) or one of their registered attributes. Several are ANDed.
 */
export const identityMatch = z.object({
  field: z.string().min(1).max(128),
  attribute: z.union([z.literal('email'), attrKey]).default('email'),
  op: z.enum(MATCH_OPS).default('eq'),
});
export type IdentityMatch = z.output<typeof identityMatch>;
export const identityMatches = z.array(identityMatch).min(1).max(5);
