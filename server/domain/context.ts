// Ctx is what every use case takes: who acts, the transaction it acts in, the time, and the
// request facts the audit log needs. It is a plain object we own: commands never see Fastify,
// so they run the same from a route, a job, the CLI or a test.
import type { Locale } from '../../common/access.js';
import type { Config } from '../config.js';
import type { EventBus, LiveEvent } from '../events/bus.js';
import type { Actor } from '../policy/actor.js';
import { type Db, type Tx, nextIds } from '../storage/db.js';
import type { DialectKind } from '../storage/dialect.js';
import { AppError } from './app-error.js';

export type Clock = () => Date;

export interface RequestFacts {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface Ctx {
  actor: Actor;
  /** A transaction for commands; the pool for reads. */
  db: Tx | Db;
  dialect: DialectKind;
  now: Date;
  locale: Locale;
  request: RequestFacts;
  /**
   * The guest space named by the path (`/k/guest/{id}/v1/…`); undefined on the plain path. Objects
   * of a guest space are reachable only under its own prefix (server/domain/spaces/space-access.ts).
   */
  guestSpaceId?: number;
  /**
   * The request came through kintone's API paths (`/k/…`), whose clients are told where a guest
   * space's objects live (GAIA_IL23, CB_NO02). Our own routes, jobs and mail rendering decide on
   * membership and permissions alone.
   */
  kintonePath?: boolean;
  config: Readonly<Config>;
  /** Called after the transaction commits (e.g. to wake the mail worker). */
  afterCommit: (fn: () => void) => void;
  /**
   * Takes `count` numbers from one of the actor's domain's sequences (record and table-row ids).
   * On PostgreSQL they are taken outside the transaction, so a rolled-back write leaves a gap
   * (kintone's ids have gaps too) but concurrent writers never wait for each other's commit.
   */
  takeIds: (name: string, count: number) => Promise<number[]>;
  /** Nudges for background workers; call them through afterCommit. */
  wake: { mail: () => void };
  /**
   * Live events (events/bus.ts) of the actor's domain, published once the transaction commits:
   * a rolled-back write says nothing.
   */
  events: { publish: (event: LiveEventInput) => void };
  /**
   * Read contexts only: where a read that may take long should go instead of `db` (SQLite's read
   * threads, Services.reads). Undefined: `db`. See offThread.
   */
  reads?: Db;
}

/** A live event as a command states it: the domain is the actor's. */
export type LiveEventInput = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'domainId'> : never) : never;

export interface Services {
  db: Db;
  dialect: DialectKind;
  clock: Clock;
  config: Readonly<Config>;
  /** Wakes the mail worker after a commit that queued mail. */
  onMailQueued: () => void;
  /** Storage.ids: PostgreSQL's pool for taking ids; undefined (SQLite), ids come from the transaction. */
  ids: Db | undefined;
  /** Where live events go (run/instance.ts); undefined: nobody listens (CLI, benchmarks, most tests). */
  events?: EventBus;
  /** Storage.reads: SQLite's read threads, for long reads off the HTTP thread; undefined: read on `db`. */
  reads?: Db;
}

export type BaseCtx = Omit<Ctx, 'db' | 'now' | 'afterCommit' | 'dialect' | 'config' | 'wake' | 'takeIds' | 'events' | 'reads'>;

/** Ctx.events over `afterCommit`: the event goes to the bus only when the work is kept. */
function eventsOf(services: Services, domainId: string, afterCommit: Ctx['afterCommit']): Ctx['events'] {
  return {
    publish: (event) => {
      const bus = services.events;
      if (bus) afterCommit(() => bus.publish({ ...event, domainId } as LiveEvent));
    },
  };
}

/** Failures that say "try again" rather than "this cannot be done". */
const TRANSIENT_PG = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
]);

export function isTransientDbError(err: unknown): boolean {
  const code = err !== null && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  // better-sqlite3: SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …).
  return typeof code === 'string' && (TRANSIENT_PG.has(code) || code.startsWith('SQLITE_BUSY'));
}

/** Attempts per transaction; the database's own waits (busy_timeout, lock waits) come first. */
export const TRANSACTION_ATTEMPTS = 4;

/**
 * Runs `fn` in one transaction; nothing it wrote survives if it throws. A deadlock, a
 * serialization failure or a busy database rolls the attempt back and runs `fn` again, a few
 * times, so `fn` must keep its effects inside the transaction (or in afterCommit callbacks, which
 * run once, after the attempt that committed). When every attempt fails so, the caller gets 503
 * CB_SU01: nothing was written and the same request may simply be sent again.
 */
export async function inTransaction<T>(
  services: Services,
  base: BaseCtx,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const after: Array<() => void> = [];
    const afterCommit = (f: () => void) => after.push(f);
    let result: T;
    try {
      result = await services.db.transaction().execute((tx) =>
        fn({
          ...base,
          db: tx,
          dialect: services.dialect,
          config: services.config,
          now: services.clock(),
          afterCommit,
          takeIds: (name, count) => nextIds(services.ids ?? tx, base.actor.domainId, name, count),
          wake: { mail: services.onMailQueued },
          events: eventsOf(services, base.actor.domainId, afterCommit),
        }),
      );
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      if (attempt >= TRANSACTION_ATTEMPTS) throw new AppError('CB_SU01', { headers: { 'retry-after': '1' } });
      await pause(attempt);
      continue;
    }
    for (const f of after) f();
    return result;
  }
}

/** Backs off a little more each time, with jitter so that two colliding writers part ways. */
function pause(attempt: number): Promise<void> {
  const ms = 10 * 2 ** attempt * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Whether what this context reads may go into a cache shared by every request. Not inside a
 * transaction: it sees its own uncommitted writes, and if it rolls back, the ids and version
 * numbers it saw are handed out again with other contents — a cache filled there would serve
 * that other content's requests with this one's facts. Transactions read the caches and keep
 * what they load to themselves.
 */
export function mayFillCaches(ctx: Pick<Ctx, 'db'>): boolean {
  return !(ctx.db as { isTransaction?: boolean }).isTransaction;
}

/** A read-only context on the pool. */
export function readContext(services: Services, base: BaseCtx): Ctx {
  return {
    ...base,
    db: services.db,
    dialect: services.dialect,
    config: services.config,
    now: services.clock(),
    afterCommit: (f) => f(),
    takeIds: (name, count) => nextIds(services.ids ?? services.db, base.actor.domainId, name, count),
    wake: { mail: services.onMailQueued },
    events: eventsOf(services, base.actor.domainId, (f) => f()),
    ...(services.reads ? { reads: services.reads } : {}),
  };
}

/**
 * The same read context with its reads on SQLite's read threads, where there are some: for work
 * that reads much (a public view's new page over a large app), so that the HTTP thread goes on
 * serving everyone else meanwhile. Never for a transaction: the threads see only what is committed.
 */
export function offThread(ctx: Ctx): Ctx {
  if (!ctx.reads || (ctx.db as { isTransaction?: boolean }).isTransaction) return ctx;
  return { ...ctx, db: ctx.reads };
}
