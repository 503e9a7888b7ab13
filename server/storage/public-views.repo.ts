// Public views and the sessions of visitors who unlocked one (see migrations/0018-public-views.ts).
// Every lookup is within one domain: a token or id of another domain finds nothing (T4).
import type { Selectable } from 'kysely';
import type { Queryable } from './db.js';
import { type DialectKind, fromDb, toDb } from './dialect.js';
import type { PublicViewsTable } from './tables/public-views.table.js';

export interface StoredPublicView {
  domainId: string;
  id: string;
  appId: number;
  kind: string;
  title: string;
  description: string;
  /** As stored: the kind's schema checks it (domain/public-views/view.ts). */
  settings: unknown;
  published: boolean;
  urlTokenHash: string;
  signingKey: string;
  passwordHash: string | null;
  ipAllow: string[];
  /** E-mail sign-in (absent or null: off); see public-views/visitors/. */
  emailAuth?: 'registered' | 'anyone' | null;
  /** Https origins that may frame the visitor page (absent or empty: none). */
  frameAncestors?: string[];
  configVersion: number;
  creatorId: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a visitor's request needs of the view's creator, read with the view in one statement. */
export interface CreatorFacts {
  id: number;
  code: string;
  name: string;
  kind: 'user' | 'guest';
  isAdmin: boolean;
  valid: boolean;
  locale: 'ja' | 'en';
  /** Their time zone: a calendar's days (and the month it opens on) are theirs. */
  timeZone: string;
}

export function toView(row: Selectable<PublicViewsTable>): StoredPublicView {
  return {
    domainId: row.domainId,
    id: row.id,
    appId: Number(row.appId),
    kind: row.kind,
    title: row.title,
    description: row.description,
    settings: fromDb.json<unknown>(row.settings, {}),
    published: fromDb.bool(row.published),
    urlTokenHash: row.urlTokenHash,
    signingKey: row.signingKey,
    passwordHash: row.passwordHash,
    ipAllow: fromDb.json<string[]>(row.ipAllow, []),
    emailAuth: row.emailAuth === 'registered' || row.emailAuth === 'anyone' ? row.emailAuth : null,
    frameAncestors: row.frameAncestors == null ? [] : fromDb.json<string[]>(row.frameAncestors, []),
    configVersion: Number(row.configVersion),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
    updatedAt: fromDb.time(row.updatedAt),
  };
}

function toRow(kind: DialectKind, v: StoredPublicView) {
  return {
    domainId: v.domainId,
    id: v.id,
    appId: v.appId,
    kind: v.kind,
    title: v.title,
    description: v.description,
    settings: toDb.json(v.settings),
    published: toDb.bool(kind, v.published),
    urlTokenHash: v.urlTokenHash,
    signingKey: v.signingKey,
    passwordHash: v.passwordHash,
    ipAllow: toDb.json(v.ipAllow),
    emailAuth: v.emailAuth ?? null,
    frameAncestors: v.frameAncestors && v.frameAncestors.length > 0 ? toDb.json(v.frameAncestors) : null,
    configVersion: v.configVersion,
    creatorId: v.creatorId,
    createdAt: toDb.time(v.createdAt),
    updatedAt: toDb.time(v.updatedAt),
  };
}

export async function insertView(db: Queryable, kind: DialectKind, view: StoredPublicView): Promise<void> {
  await db.insertInto('publicViews').values(toRow(kind, view)).execute();
}

export async function findView(db: Queryable, domainId: string, id: string): Promise<StoredPublicView | null> {
  const row = await db.selectFrom('publicViews').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function listViewsOfApp(db: Queryable, domainId: string, appId: number): Promise<StoredPublicView[]> {
  const rows = await db
    .selectFrom('publicViews')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** The domain's views of these kinds, by app, then in creation order. */
export async function listViewsOfKinds(db: Queryable, domainId: string, kinds: readonly string[]): Promise<StoredPublicView[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('publicViews')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('kind', 'in', [...kinds])
    .orderBy('appId')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/**
 * Writes the whole view over the stored one whose config_version is `expectedVersion` (the
 * caller's copy sets the next one). False when someone else changed it in between.
 */
export async function replaceView(db: Queryable, kind: DialectKind, view: StoredPublicView, expectedVersion: number): Promise<boolean> {
  const { domainId, id, createdAt: _createdAt, ...rest } = toRow(kind, view);
  const result = await db
    .updateTable('publicViews')
    .set(rest)
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .where('configVersion', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteView(db: Queryable, domainId: string, id: string): Promise<void> {
  await db.deleteFrom('publicViews').where('domainId', '=', domainId).where('id', '=', id).execute();
}

export { type FoundVisitedView, type VisitedAppFacts, findViewByToken, findVisitedView } from './visited-views.repo.js';

// ---- visitor sessions -------------------------------------------------------------------------

export async function insertVisitorSession(
  db: Queryable,
  s: { idHash: string; domainId: string; viewId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('publicViewSessions')
    .values({ ...s, kind: 'password', email: null, createdAt: toDb.time(s.createdAt), expiresAt: toDb.time(s.expiresAt) })
    .execute();
}

/** Whether a live session with this hash unlocks this view (and no other). */
export async function visitorSessionValid(db: Queryable, domainId: string, viewId: string, idHash: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('publicViewSessions')
    .select('idHash')
    .where('idHash', '=', idHash)
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .where('expiresAt', '>', toDb.time(now))
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends every session of a view (its password changed), or only the lapsed ones. */
export async function deleteVisitorSessions(db: Queryable, domainId: string, viewId: string, lapsedBefore?: Date): Promise<void> {
  await db
    .deleteFrom('publicViewSessions')
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .$if(lapsedBefore !== undefined, (q) => q.where('expiresAt', '<=', toDb.time(lapsedBefore!)))
    .execute();
}

/**
 * A record's current revision (null: no such record), for keying a cached detail page: the page
 * is made again as soon as the record changes or goes. Not a read of the record: nothing of it
 * reaches a visitor except through the scoped query that makes the page.
 */
export async function recordRevision(db: Queryable, domainId: string, appId: number, id: number): Promise<number | null> {
  const row = await db.selectFrom('records').select('revision').where('domainId', '=', domainId).where('appId', '=', appId).where('id', '=', id).executeTakeFirst();
  return row ? Number(row.revision) : null;
}

/**
 * Marks that administrators are told today (`day`, YYYY-MM-DD) that the view was busy: true for
 * the one caller whose update set it, false when it was already set for the day (migration 0020).
 */
export async function claimBusyNotice(db: Queryable, domainId: string, viewId: string, day: string): Promise<boolean> {
  const result = await db
    .updateTable('publicViews')
    .set({ busyMailedOn: day })
    .where('domainId', '=', domainId)
    .where('id', '=', viewId)
    .where((w) => w.or([w('busyMailedOn', 'is', null), w('busyMailedOn', '<>', day)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
