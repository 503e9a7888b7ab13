// The public view a visitor's request names — by its URL token, or by id as a dashboard's member —
// read with its creator's account facts and its app's revision and directory version: everything
// a visitor's answer is checked and keyed by, in one statement, so a cached answer costs one read.
// On SQLite not even that while nothing has been written since the last read (dialect.ts,
// changeStamp); the statement itself is built once (prepared.ts).
import type { Selectable } from 'kysely';
import { LRUCache } from 'lru-cache';
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
 * out. Whatever the stamp says, a lookup is read again once it is KEEP_MS old: should PostgreSQL's
 * notifications stop arriving unnoticed (a pooler that drops LISTEN), a change still shows then.
 * That read is made in the background while the kept answer goes on serving (at most
 * MAX_AGE_MS): when the database is slow (a storm of searches on the same cores), visitors of a
 * view nobody changed do not queue for it. Concurrent reads of one lookup are made once.
 */
interface Kept {
  stamp: string;
  found: FoundVisitedView;
  /** performance.now() when read. */
  at: number;
}
interface PerDatabase {
  kept: LRUCache<string, Kept>;
  reading: Map<string, Promise<FoundVisitedView | null>>;
}
const byDatabase = new WeakMap<Queryable, PerDatabase>();
function perDatabase(db: Queryable): PerDatabase {
  let per = byDatabase.get(db);
  if (!per) byDatabase.set(db, (per = { kept: new LRUCache({ max: 10_000 }), reading: new Map() }));
  return per;
}
export const KEEP_MS = 5_000;
const MAX_AGE_MS = 30_000;

async function lookUp(db: Queryable, key: string, read: () => Promise<Row[]>): Promise<FoundVisitedView | null> {
  // The stamp is read first: a write that lands before the read below moves it for the next reader.
  const stamp = await changeStamp(db);
  const hit = stamp === null ? undefined : perDatabase(db).kept.get(key);
  if (hit && hit.stamp === stamp) {
    const age = performance.now() - hit.at;
    if (age < KEEP_MS) return hit.found;
    if (age < MAX_AGE_MS) {
      // Read again behind the answer; a failure leaves the kept one until MAX_AGE_MS.
      readOnce(db, key, stamp, read).catch(() => {});
      return hit.found;
    }
  }
  return readOnce(db, key, stamp, read);
}

/** One read per database, lookup and stamp at a time, kept under the stamp it was read after. */
function readOnce(db: Queryable, key: string, stamp: string | null, read: () => Promise<Row[]>): Promise<FoundVisitedView | null> {
  const flight = `${stamp}\0${key}`;
  const { kept, reading } = perDatabase(db);
  let pending = stamp === null ? undefined : reading.get(flight);
  if (pending) return pending;
  pending = (async () => {
    try {
      const [row] = await read();
      const found = row ? fromRow(row) : null;
      if (stamp !== null && found) kept.set(key, { stamp, found, at: performance.now() });
      return found;
    } finally {
      if (stamp !== null) reading.delete(flight);
    }
  })();
  if (stamp !== null) reading.set(flight, pending);
  return pending;
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
