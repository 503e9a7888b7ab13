// Several instances over one database, as a scale-out install runs them (probes K1–K6): live
// events shared through a Redis channel, throttling counters in Redis (a RedisLimiter, as
// run/instance.ts wires it), one clock. The channel and the key prefix are this run's own, so
// test files running side by side never hear or count each other.
import { Redis } from 'ioredis';
import { randomString } from '../../common/ids.js';
import { RedisEventBus } from '../../server/events/bus.js';
import type { LiveOptions } from '../../server/http/live-streams.js';
import { RedisLimiter } from '../../server/infra/limiter.js';
import { openDatabase } from '../../server/storage/db.js';
import type { DialectKind } from '../../server/storage/dialect.js';
import { type Harness, type TestDomain, TestClock } from './app.js';
import { XHR } from './browser.js';
import { TEST_DATABASE_URL, type TestDatabase } from './db.js';
import { type LiveHarness, type SseStream, openStream, startLiveApp } from './live.js';
import { TEST_REDIS_URL, testChannel } from './redis.js';

export interface Instances {
  all: LiveHarness[];
  /** The Redis channel the instances' buses share. */
  channel: string;
  /** The prefix of the instances' throttling keys. */
  limitPrefix: string;
  close(): Promise<void>;
}

export async function startInstances(
  database: TestDatabase,
  kind: DialectKind,
  count: number,
  opts: { live?: Partial<LiveOptions>; env?: Record<string, string> } = {},
): Promise<Instances> {
  const channel = testChannel();
  const limitPrefix = `engawa-test:${randomString(12)}:limit:`;
  const clock = new TestClock();
  const all: LiveHarness[] = [];
  const pools: TestDatabase[] = [];
  const clients: Redis[] = [];
  for (let i = 0; i < count; i++) {
    const bus = new RedisEventBus({ url: TEST_REDIS_URL, channel });
    await bus.ready;
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
    clients.push(redis);
    // On PostgreSQL each further instance has a pool of its own, as another process would; the
    // in-memory SQLite database can only be shared.
    let storage = database;
    if (i > 0 && kind === 'postgres') {
      storage = { ...openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL!, schema: database.schema }), schema: database.schema };
      pools.push(storage);
    }
    all.push(await startLiveApp(storage, { bus, clock, limiter: new RedisLimiter(redis, limitPrefix), ...opts }));
  }
  return {
    all,
    channel,
    limitPrefix,
    close: async () => {
      for (const h of all) await h.close();
      for (const p of pools) await p.close();
      const keys = await clients[0]?.keys(`${limitPrefix}*`);
      if (keys?.length) await clients[0]!.del(...keys);
      await Promise.all(clients.map((c) => c.quit()));
    },
  };
}

/** `d` as seen through instance `h`: the same Host and personas, answered by `h`. */
export function through(h: Harness, d: TestDomain): TestDomain {
  return {
    ...d,
    request: ({ as, headers, ...opts }) => h.app.inject({ ...opts, headers: { host: d.host, ...(as ? { 'x-cybozu-authorization': as.auth } : {}), ...headers } }),
  };
}

/** A live event stream on `h` as `cookie`, open and ready. */
export async function readyStream(h: LiveHarness, d: TestDomain, cookie: string, query = '', headers: Record<string, string> = {}): Promise<SseStream> {
  const stream = await openStream(h, d.host, { cookie, query, headers });
  if (stream.status !== 200) throw new Error(`GET /api/events answered ${stream.status}: ${stream.raw()}`);
  await stream.next((m) => m.kind === 'ready');
  return stream;
}

/** GET /api/session with `cookie`: 200 while the session lives, 401 once it has ended. */
export async function sessionStatus(d: TestDomain, cookie: string): Promise<number> {
  return (await d.request({ method: 'GET', url: '/api/session', headers: { cookie, ...XHR } })).statusCode;
}
