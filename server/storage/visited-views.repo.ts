// The public view a visitor's request names — by its URL token, or by id as a dashboard's member —
// read with its creator's account facts and its app's revision and directory version: everything
// a visitor's answer is checked and keyed by, in one statement, so a cached answer costs one read.
// On SQLite not even that while nothing has been written since the last read (dialect.ts,
// changeStamp); the statement itself is built once (prepared.ts).
import type { Selectable } from 'kysely';
import { KeptValues } from '../infra/kept-values.js';
import type { Queryable } from './db.js';
import { changeStamp, fromDb } from './dialect.js';
import { preparedQuery } from './prepared.js';
import { type CreatorFacts, type StoredPublicView, toView } from './public-views.repo.js';
import type { PublicViewsTable } from './tables/public-views.table.js';

/** What a visitor's answer is keyed by, of the view's app (null app: deleted). */
export interface VisitedAppFacts {
  deployed: boolean;
  /** Null until deployed. */
  liveRevision: number | null;
  /** The domain's directory version (see migration 0008). */
  directoryVersion: number;
}

export interface FoundVisitedView {
  view: StoredPublicView;
  /** Null: the creator's account was deleted. */
  creator: CreatorFacts | null;
  app: VisitedAppFacts | null;
}

const visited = (db: Queryable, domainId: string) =>
  db
    .selectFrom('publicViews as v')
    .innerJoin('domains as d', 'd.id', 'v.domainId')
    .leftJoin('users as u', (j) => j.onRef('u.domainId', '=', 'v.domainId').onRef('u.id', '=', 'v.creatorId'))
    .leftJoin('apps as a', (j) => j.onRef('a.domainId', '=', 'v.domainId').onRef('a.id', '=', 'v.appId'))
    .leftJoin('appDefinitions as live', (j) => j.onRef('live.domainId', '=', 'v.domainId').onRef('live.appId', '=', 'v.appId').on('live.stage', '=', 'live'))
    .selectAll('v')
    .select(['u.id as uId', 'u.code as uCode', 'u.name as uName', 'u.kind as uKind', 'u.isAdmin as uIsAdmin', 'u.valid as uValid', 'u.locale as uLocale', 'u.timezone as uTimeZone'])
    .select(['a.id as aId', 'a.deployed as aDeployed', 'live.revision as liveRevision', 'd.directoryVersion as directoryVersion'])
    .where('v.domainId', '=', domainId);

const byToken = preparedQuery((db: Queryable, domainId: string, urlTokenHash: string) => visited(db, domainId).where('v.urlTokenHash', '=', urlTokenHash));
const byId = preparedQuery((db: Queryable, domainId: string, id: string) => visited(db, domainId).where('v.id', '=', id));
type Row = Awaited<ReturnType<typeof byToken>>[number];

/** The view a URL token names (its hash), or null. */
export function findViewByToken(db: Queryable, domainId: string, urlTokenHash: string): Promise<FoundVisitedView | null> {
  return lookUp(db, `t\0${domainId}\0${urlTokenHash}`, () => byToken(db, domainId, urlTokenHash));
}

/** The view `id` as a visitor would find it (a dashboard's member), or null. */
export function findVisitedView(db: Queryable, domainId: string, id: string): Promise<FoundVisitedView | null> {
  return lookUp(db, `i\0${domainId}\0${id}`, () => byId(db, domainId, id));
}

/**
 * Per database (tests open many in one process); views found only, so guessed tokens push nothing
 * out. A lookup is kept under the database's change stamp, and whatever the stamp says it is read
 * again once it is KEEP_MS old: should PostgreSQL's notifications stop arriving unnoticed (a
 * pooler that drops LISTEN), a change still shows then. That read is made in the background while
 * the kept answer goes on serving (at most MAX_AGE_MS): when the database is slow (a storm of
 * searches on the same cores), visitors of a view nobody changed do not queue for it. Concurrent
 * reads of one lookup are made once (infra/kept-values.ts).
 */
export const KEEP_MS = 5_000;
const MAX_AGE_MS = 30_000;
const byDatabase = new WeakMap<Queryable, KeptValues<FoundVisitedView | null>>();

async function lookUp(db: Queryable, key: string, read: () => Promise<Row[]>): Promise<FoundVisitedView | null> {
  let kept = byDatabase.get(db);
  if (!kept) byDatabase.set(db, (kept = new KeptValues(KEEP_MS, MAX_AGE_MS, { keep: (found) => found !== null })));
  // The stamp is read first: a write that lands before the read below moves it for the next reader.
  const stamp = await changeStamp(db);
  return kept.get(key, async () => {
    const [row] = await read();
    return row ? fromRow(row) : null;
  }, stamp);
}

function fromRow(row: Row): FoundVisitedView {
  const { uId, uCode, uName, uKind, uIsAdmin, uValid, uLocale, uTimeZone, aId, aDeployed, liveRevision, directoryVersion, ...view } = row;
  const creator: CreatorFacts | null =
    uId == null
      ? null
      : { id: Number(uId), code: uCode!, name: uName!, kind: uKind!, isAdmin: fromDb.bool(uIsAdmin), valid: fromDb.bool(uValid), locale: uLocale!, timeZone: uTimeZone ?? 'Asia/Tokyo' };
  const app: VisitedAppFacts | null =
    aId == null
      ? null
      : { deployed: fromDb.bool(aDeployed!), liveRevision: liveRevision == null ? null : Number(liveRevision), directoryVersion: Number(directoryVersion) };
  return { view: toView(view as Selectable<PublicViewsTable>), creator, app };
}
