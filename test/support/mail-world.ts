// Shared set-up for the mail database tests (imported only by *.test.ts files): a domain of
// its own, a clock the test moves by hand, and a logger whose lines the test can read.
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { type Ctx, type Services, inTransaction } from '../../server/domain/context.js';
import { createDomain } from '../../server/domain/domains/create-domain.js';
import { type UserActor, systemActor } from '../../server/policy/actor.js';
import type { Storage } from '../../server/storage/db.js';
import type { MailLogger } from '../../server/mail/transport.js';

export const MAIL_FROM = 'Engawa Test <engawa@example.test>';

export interface ManualClock {
  now(): Date;
  advance(ms: number): void;
}

export function manualClock(start = '2030-01-15T09:00:00.000Z'): ManualClock {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export interface MailWorld {
  services: Services;
  clock: ManualClock;
  domainId: string;
  /** How often a commit woke the mail worker. */
  wakes: () => number;
  inTx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** An administrator (or, with isAdmin false, a plain user) of this world's domain. */
  user(isAdmin: boolean): UserActor;
}

const DAY_MS = 86_400_000;
let worldsMade = 0;

export async function mailWorld(
  storage: Storage,
  env: Record<string, string> = {},
  onMailQueued: () => void = () => {},
): Promise<MailWorld> {
  // Workers are global, as in production, so a later test's worker would pick up mail an
  // earlier test left queued. Each world starts a year before the previous one: whatever an
  // earlier test scheduled is always in a later test's future.
  const clock = manualClock(new Date(Date.UTC(2030, 0, 15, 9) - worldsMade++ * 366 * DAY_MS).toISOString());
  let wakes = 0;
  const services: Services = {
    db: storage.db,
    ids: storage.ids,
    dialect: storage.kind,
    clock: clock.now,
    config: loadConfig({ MAIL_FROM, ...env }),
    onMailQueued: () => {
      wakes++;
      onMailQueued();
    },
  };
  const { id: domainId } = await createDomain(services, { name: 'Mail test', hosts: [] });
  const request = { ip: null, userAgent: null, requestId: null };
  return {
    services,
    clock,
    domainId,
    wakes: () => wakes,
    inTx: (fn) => inTransaction(services, { actor: systemActor(domainId), locale: 'ja', request }, fn),
    user: (isAdmin) => ({
      kind: 'user',
      domainId,
      userId: isAdmin ? 1 : 2,
      code: isAdmin ? 'admin' : 'member',
      name: isAdmin ? 'Admin' : 'Member',
      isAdmin,
      locale: 'ja',
      via: 'session',
    }),
  };
}

/** A real pino logger writing JSON lines into an array. */
export function capturingLogger(): { logger: MailLogger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}
