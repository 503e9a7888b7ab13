// An app over a test database, a controllable clock, and factories for a domain with its cast
// of personas. Tests call `app.inject` with the domain's Host.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { randomString } from '../../common/ids.js';
import { loadConfig, type Config } from '../../server/config.js';
import { type Services, inTransaction } from '../../server/domain/context.js';
import { hashPassword } from '../../server/domain/auth/passwords.js';
import { createDomain } from '../../server/domain/domains/create-domain.js';
import type { EventBus } from '../../server/events/bus.js';
import { createUsers } from '../../server/domain/users/create-users.js';
import { buildApp } from '../../server/http/app.js';
import { type Limiter, MemoryLimiter } from '../../server/infra/limiter.js';
import { systemActor } from '../../server/policy/actor.js';
import { createTransport } from '../../server/mail/transport.js';
import { MailWorker } from '../../server/mail/worker.js';
import type { TestDatabase } from './db.js';

export class TestClock {
  constructor(public current = new Date('2026-04-01T00:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: FastifyInstance;
  /** Delivers queued mail (to the embedded outbox, or SMTP when SMTP_URL is given). */
  mail: MailWorker;
  services: Services;
  clock: TestClock;
  /** In memory unless a test gives one (a RedisLimiter shared by instances: test/support/instances.ts). */
  limiter: Limiter;
  close(): Promise<void>;
}

/** `events`: a bus for live events (GET /api/events); without one, nobody hears them. */
export async function startApp(database: TestDatabase, env: Record<string, string> = {}, opts: { events?: EventBus } = {}): Promise<Harness> {
  const clock = new TestClock();
  // Never the repository's ./data: files written by a test land in a directory of its own.
  const dataDir = env.DATA_DIR ?? path.join(os.tmpdir(), `engawa-test-${randomString(10)}`);
  const config: Readonly<Config> = loadConfig({ DEFAULT_LOCALE: 'en', ...env, DATA_DIR: dataDir });
  const services: Services = {
    db: database.db,
    ids: database.ids,
    ...(database.reads ? { reads: database.reads } : {}),
    dialect: database.kind,
    clock: clock.now,
    config,
    onMailQueued: () => {},
    ...(opts.events ? { events: opts.events } : {}),
  };
  const limiter = new MemoryLimiter(() => clock.now().getTime());
  const app = await buildApp({ services, limiter, ...(process.env.TEST_LOG ? { logger: { level: process.env.TEST_LOG } } : {}) });
  await app.ready();
  const silent = pino({ level: 'silent' });
  const transport = createTransport(config, silent);
  const mail = new MailWorker(services, transport, silent);
  return {
    app,
    mail,
    services,
    clock,
    limiter,
    close: async () => {
      await mail.stop();
      await transport.close();
      await app.close();
      if (!env.DATA_DIR) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Hashing is deliberately slow; the cast shares one hash per password.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
}

export interface Persona {
  id: number;
  code: string;
  password: string;
  /** The X-Cybozu-Authorization header value. */
  auth: string;
}

export interface TestDomain {
  id: string;
  host: string;
  admin: Persona;
  member: Persona;
  /** inject() with this domain's Host and, when `as` is given, that persona's password header. */
  request(opts: InjectOptions & { as?: Persona }): Promise<LightMyRequestResponse>;
  addUser(code: string, extra?: { isAdmin?: boolean; password?: string; valid?: boolean }): Promise<Persona>;
}

export const PASSWORD = 'correct horse battery';

export function basicAuth(code: string, password: string): string {
  return Buffer.from(`${code}:${password}`).toString('base64');
}

/** A new domain on its own host, with an administrator and a member. */
export async function newDomain(h: Harness, name = 'Test'): Promise<TestDomain> {
  const host = `t-${randomString(10)}.test`;
  const { id } = await createDomain(h.services, { name, hosts: [host] });
  const addUser: TestDomain['addUser'] = async (code, extra = {}) => {
    const password = extra.password ?? PASSWORD;
    const [userId] = await inTransaction(
      h.services,
      { actor: systemActor(id), locale: 'en', request: { ip: null, userAgent: null, requestId: null } },
      async (ctx) =>
        createUsers(
          ctx,
          [{ code, name: code, email: `${code}@example.com`, password, isAdmin: extra.isAdmin ?? false, valid: extra.valid ?? true }],
          [await cachedHash(password)],
        ),
    );
    return { id: userId!, code, password, auth: basicAuth(code, password) };
  };
  const admin = await addUser('admin', { isAdmin: true });
  const member = await addUser('member');
  return {
    id,
    host,
    admin,
    member,
    addUser,
    request: ({ as, headers, ...opts }) =>
      h.app.inject({
        ...opts,
        headers: { host, ...(as ? { 'x-cybozu-authorization': as.auth } : {}), ...headers },
      }),
  };
}
