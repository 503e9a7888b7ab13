// A real listening server for the browser: the test harness's app (test/support/app.ts) on a
// free port of 127.0.0.1, serving the built web app. Each test makes its own domain; Chromium
// reaches it as `t-….localhost`, which resolves to this machine and, being localhost, is a
// secure context, so the `__Host-` session cookie works over plain http as in production.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { MemoryEventBus } from '../../server/events/bus.js';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../test/support/app.js';
import { type TestDatabase, openTestDatabase } from '../../test/support/db.js';

export interface WebServer {
  h: Harness;
  port: number;
  close(): Promise<void>;
}

export interface WebDomain extends TestDomain {
  /** `http://t-….localhost:<port>`: where the browser opens this domain's pages. */
  origin: string;
}

export async function startWebServer(database: TestDatabase, env: Record<string, string> = {}): Promise<WebServer> {
  // A bus, as a running instance has one: pages hear of comments, records and notifications live.
  const bus = new MemoryEventBus();
  const h = await startApp(database, env, { events: bus });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  return {
    h,
    port,
    close: async () => {
      await h.close();
      await bus.close();
    },
  };
}

/** A new domain (admin and member personas) bound to a host the browser can open. */
export async function webDomain(server: WebServer, name = 'Web'): Promise<WebDomain> {
  const d = await newDomain(server.h, name);
  const host = d.host.replace(/\.test$/, '.localhost');
  await server.h.services.db.insertInto('domainHosts').values({ host, domainId: d.id }).execute();
  return { ...d, origin: `http://${host}:${server.port}` };
}

/**
 * A listening server over a fresh SQLite database for the file's tests. The browser tests prove
 * what the app does with the server's answers; those answers are proven on both databases by
 * the HTTP tests, so running every flow twice here would only double the wait (setup.spec.ts,
 * the first start of an install, does run on PostgreSQL too).
 */
export function useWebServer(env: Record<string, string> = {}): () => WebServer {
  let database: TestDatabase | undefined;
  let server: WebServer | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    server = await startWebServer(database, env);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  return () => {
    if (!server) throw new Error('server not started yet');
    return server;
  };
}

/** A JSON call as `as` (its password header), expected to succeed: for seeding through the API. */
export async function call(d: TestDomain, as: Persona, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<any> {
  const res = await d.request({ method, url, as, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** Delivers queued mail to the embedded outbox and answers the text of the newest one to `to`. */
export async function latestMailTo(server: WebServer, d: TestDomain, to: string): Promise<{ subject: string; text: string }> {
  await server.h.mail.runOnce();
  const { messages } = await call(d, d.admin, 'GET', '/v1/mail/outbox.json?limit=100');
  const summary = (messages as Array<{ id: string; to: string }>).find((m) => m.to === to);
  if (!summary) throw new Error(`no mail to ${to} in the outbox`);
  const { message } = await call(d, d.admin, 'GET', `/v1/mail/message.json?id=${encodeURIComponent(summary.id)}`);
  return { subject: message.subject ?? '', text: message.text ?? '' };
}

/** The path of the first link in a mail's text that leads to `pagePrefix` (e.g. `/invitations/`). */
export function linkPath(text: string, pagePrefix: string): string {
  const m = new RegExp(`https?://[^\\s/]+(${pagePrefix.replace(/\//g, '\\/')}[A-Za-z0-9_\\-.~%]+)`).exec(text);
  if (!m) throw new Error(`no ${pagePrefix} link in: ${text}`);
  return m[1]!;
}
