// Live event streams in tests: an app with an event bus, listening on a real port (SSE needs
// one), and a small SSE client. The client speaks plain node:http rather than fetch, because
// fetch will not send a Host header of our choosing, and the Host picks the test's domain.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { randomString } from '../../common/ids.js';
import { EVENTS_PATH, type LiveMessage } from '../../common/api/events.js';
import { loadConfig } from '../../server/config.js';
import type { Services } from '../../server/domain/context.js';
import { type EventBus, MemoryEventBus } from '../../server/events/bus.js';
import { buildApp } from '../../server/http/app.js';
import type { LiveOptions } from '../../server/http/live-streams.js';
import { type Limiter, MemoryLimiter } from '../../server/infra/limiter.js';
import { createTransport } from '../../server/mail/transport.js';
import { MailWorker } from '../../server/mail/worker.js';
import { type Harness, TestClock } from './app.js';
import type { TestDatabase } from './db.js';

export interface LiveHarness extends Harness {
  port: number;
  bus: EventBus;
}

/** Fast enough for tests: checks and heartbeats several times a second. */
export const FAST_LIVE: Partial<LiveOptions> = { heartbeatMs: 200, revalidateMs: 250, retryMs: 100 };

export async function startLiveApp(
  database: TestDatabase,
  opts: { bus?: EventBus; live?: Partial<LiveOptions>; env?: Record<string, string>; clock?: TestClock; limiter?: Limiter } = {},
): Promise<LiveHarness> {
  const clock = opts.clock ?? new TestClock();
  const dataDir = path.join(os.tmpdir(), `engawa-test-${randomString(10)}`);
  const config = loadConfig({ DEFAULT_LOCALE: 'en', ...opts.env, DATA_DIR: dataDir });
  const bus = opts.bus ?? new MemoryEventBus();
  const services: Services = { db: database.db, ids: database.ids, dialect: database.kind, clock: clock.now, config, onMailQueued: () => {}, events: bus };
  const limiter = opts.limiter ?? new MemoryLimiter(() => clock.now().getTime());
  const app = await buildApp({ services, limiter, live: { ...FAST_LIVE, ...opts.live }, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const silent = pino({ level: 'silent' });
  const transport = createTransport(config, silent);
  const mail = new MailWorker(services, transport, silent);
  return {
    app,
    mail,
    services,
    clock,
    limiter,
    bus,
    port: (app.server.address() as AddressInfo).port,
    close: async () => {
      await mail.stop();
      await transport.close();
      await app.close();
      await bus.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received, as sent. */
  raw(): string;
  /** The `data:` frames, parsed. */
  messages: LiveMessage[];
  /** Comment lines (`: ping`). */
  comments: string[];
  /** An error answer's JSON body (status other than 200). */
  body(): any;
  /** The first message (received or to come) that `match` accepts. */
  next(match?: (m: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  /** Resolves when the server ends the stream, with the time it happened. */
  closed: Promise<number>;
  isClosed(): boolean;
  close(): void;
}

/** GET /api/events on a live harness, as the page of `host` holding `cookie`. */
export function openStream(
  h: { port: number },
  host: string,
  opts: { cookie?: string; query?: string; headers?: Record<string, string> } = {},
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get({
      host: '127.0.0.1',
      port: h.port,
      path: `${EVENTS_PATH}${opts.query ? `?${opts.query}` : ''}`,
      headers: { host, accept: 'text/event-stream', ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      let parsedUpTo = 0;
      let ended = false;
      const messages: LiveMessage[] = [];
      const comments: string[] = [];
      const waiters: Array<() => void> = [];
      let closedAt: (t: number) => void = () => {};
      const closed = new Promise<number>((r) => (closedAt = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (;;) {
          const end = text.indexOf('\n\n', parsedUpTo);
          if (end < 0) break;
          for (const line of text.slice(parsedUpTo, end).split('\n')) {
            if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)));
            else if (line.startsWith(':')) comments.push(line.slice(1).trim());
          }
          parsedUpTo = end + 2;
        }
        for (const w of waiters.splice(0)) w();
      });
      const finish = () => {
        if (ended) return;
        ended = true;
        closedAt(Date.now());
        for (const w of waiters.splice(0)) w();
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        raw: () => text,
        messages,
        comments,
        body: () => JSON.parse(text),
        next: (match = () => true, timeoutMs = 3_000) =>
          new Promise((ok, fail) => {
            let seen = 0;
            const timer = setTimeout(() => fail(new Error(`no matching live message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`)), timeoutMs);
            const look = () => {
              for (; seen < messages.length; seen++) {
                if (match(messages[seen]!)) {
                  clearTimeout(timer);
                  return ok(messages[seen]!);
                }
              }
              if (ended) {
                clearTimeout(timer);
                return fail(new Error(`stream ended without a matching message; got ${JSON.stringify(messages)}`));
              }
              waiters.push(look);
            };
            look();
          }),
        closed,
        isClosed: () => ended,
        close: () => req.destroy(),
      });
    });
  });
}
