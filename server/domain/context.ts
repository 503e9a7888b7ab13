// Ctx is what every use case takes: who acts, the transaction it acts in, the time, and the
// request facts the audit log needs. It is a plain object we own: commands never see Fastify,
// so they run the same from a route, a job, the CLI or a test.
import type { Locale } from '../../common/access.js';
import type { Config } from '../config.js';
import type { Actor } from '../policy/actor.js';
import type { Db, Tx } from '../storage/db.js';
import type { DialectKind } from '../storage/dialect.js';

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
  config: Readonly<Config>;
  /** Called after the transaction commits (e.g. to wake the mail worker). */
  afterCommit: (fn: () => void) => void;
  /** Nudges for background workers; call them through afterCommit. */
  wake: { mail: () => void };
}

export interface Services {
  db: Db;
  dialect: DialectKind;
  clock: Clock;
  config: Readonly<Config>;
  /** Wakes the mail worker after a commit that queued mail. */
  onMailQueued: () => void;
}

export type BaseCtx = Omit<Ctx, 'db' | 'now' | 'afterCommit' | 'dialect' | 'config' | 'wake'>;

/** Runs `fn` in one transaction; nothing it wrote survives if it throws. */
export async function inTransaction<T>(
  services: Services,
  base: BaseCtx,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const after: Array<() => void> = [];
  const result = await services.db.transaction().execute((tx) =>
    fn({
      ...base,
      db: tx,
      dialect: services.dialect,
      config: services.config,
      now: services.clock(),
      afterCommit: (f) => after.push(f),
      wake: { mail: services.onMailQueued },
    }),
  );
  for (const f of after) f();
  return result;
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
    wake: { mail: services.onMailQueued },
  };
}
