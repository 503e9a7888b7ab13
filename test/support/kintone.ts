// The server as kintone's official client and CLI meet it: listening on a real port on
// 127.0.0.1, with one domain bound to `localhost` (the client refuses plain http for any other
// host), clients for its personas and a runner for cli-kintone. One server and one domain per
// test file and database kind (a host can answer for one domain only): tests share the domain
// and stay apart by creating their own apps and users.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KintoneRestAPIClient, KintoneRestAPIError } from '@kintone/rest-api-client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { randomString } from '../../common/ids.js';
import { loadConfig } from '../../server/config.js';
import { hashPassword } from '../../server/domain/auth/passwords.js';
import { type Services, inTransaction } from '../../server/domain/context.js';
import { createDomain } from '../../server/domain/domains/create-domain.js';
import { createUsers } from '../../server/domain/users/create-users.js';
import { buildApp } from '../../server/http/app.js';
import { MemoryLimiter } from '../../server/infra/limiter.js';
import { systemActor } from '../../server/policy/actor.js';
import type { DialectKind } from '../../server/storage/dialect.js';
import { PASSWORD, type Persona, TestClock, basicAuth } from './app.js';
import { type TestDatabase, eachDatabase } from './db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** `cli-kintone` as npm installs it (node_modules/.bin/cli-kintone links here). */
export const CLI_PATH = path.join(ROOT, 'node_modules/@kintone/cli/cli.js');

export interface Credentials {
  username: string;
  password: string;
}

/** One request as the server saw it, in arrival order. */
export interface SeenRequest {
  method: string;
  url: string;
  /** `X-HTTP-Method-Override`, when sent: the request then arrived as a POST. */
  override: string | undefined;
  status: number;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface KintoneServer {
  kind: DialectKind;
  /** `http://localhost:<port>`. */
  baseUrl: string;
  services: Services;
  clock: TestClock;
  domainId: string;
  admin: Persona;
  member: Persona;
  /** A new regular user (or administrator) of the domain; codes must be unique per file. */
  addUser(code: string, extra?: { isAdmin?: boolean; password?: string }): Promise<Persona>;
  /** The official client, signed in with a persona's or any login and password. */
  client(as: Persona | Credentials): KintoneRestAPIClient;
  /**
   * cli-kintone with KINTONE_BASE_URL and a persona's credentials (the administrator's unless
   * `as` says otherwise) in its environment, plus `env`; run in `cwd` (default: workDir).
   */
  cli(args: string[], options?: { as?: Persona | Credentials; env?: Record<string, string>; cwd?: string }): Promise<CliResult>;
  /** A scratch directory for files the CLI reads or writes (CSV, attachments), removed on close. */
  workDir: string;
  /**
   * A request at the wire, for what the client does not expose (the body of a failed download):
   * `fetch` of `baseUrl + path` with the persona's X-Cybozu-Authorization.
   */
  fetch(path: string, init?: RequestInit & { as?: Persona }): Promise<Response>;
  /** Every request the server has answered so far. */
  requests: SeenRequest[];
  /** The parsed body of every request that had one, in the order answered (what the wire carried). */
  bodies: Array<{ method: string; url: string; body: unknown }>;
  close(): Promise<void>;
}

// Hashing is deliberately slow; the personas share one hash per password.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
}

function credentialsOf(as: Persona | Credentials): Credentials {
  return 'username' in as ? as : { username: as.code, password: as.password };
}

/** Starts the server over `database` on a random port and binds a new domain to `localhost`. */
export async function startKintoneServer(database: TestDatabase, env: Record<string, string> = {}): Promise<KintoneServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'engawa-compat-'));
  const workDir = path.join(dataDir, 'work');
  const clock = new TestClock();
  const config = loadConfig({ DEFAULT_LOCALE: 'en', DATA_DIR: dataDir, ...env });
  const services: Services = { db: database.db, ids: database.ids, dialect: database.kind, clock: clock.now, config, onMailQueued: () => {} };
  let app: FastifyInstance | undefined;
  try {
    await mkdir(workDir);
    app = await buildApp({ services, limiter: new MemoryLimiter(() => clock.now().getTime()) });
    const requests: SeenRequest[] = [];
    const bodies: KintoneServer['bodies'] = [];
    // onSend, not onResponse: it runs before the answer leaves, so a test that has its answer
    // always finds the request here.
    app.addHook('onSend', async (request, reply, payload) => {
      const override = request.headers['x-http-method-override'];
      requests.push({ method: request.method, url: request.url, override: typeof override === 'string' ? override : undefined, status: reply.statusCode });
      if (request.body !== undefined) bodies.push({ method: request.method, url: request.url, body: request.body });
      return payload;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://localhost:${port}`;

    const { id: domainId } = await createDomain(services, { name: 'Compat', hosts: ['localhost'] });
    const addUser: KintoneServer['addUser'] = async (code, extra = {}) => {
      const password = extra.password ?? PASSWORD;
      const [id] = await inTransaction(
        services,
        { actor: systemActor(domainId), locale: 'en', request: { ip: null, userAgent: null, requestId: null } },
        async (ctx) =>
          createUsers(
            ctx,
            [{ code, name: code, email: `${code}@example.com`, password, isAdmin: extra.isAdmin ?? false, valid: true }],
            [await cachedHash(password)],
          ),
      );
      return { id: id!, code, password, auth: basicAuth(code, password) };
    };
    const admin = await addUser('admin', { isAdmin: true });
    const member = await addUser('member');
    const listening = app;
    return {
      kind: database.kind,
      baseUrl,
      services,
      clock,
      domainId,
      admin,
      member,
      addUser,
      requests,
      bodies,
      client: (as) => new KintoneRestAPIClient({ baseUrl, auth: credentialsOf(as) }),
      workDir,
      cli: (args, { as = admin, env: extra = {}, cwd = workDir } = {}) => {
        const { username, password } = credentialsOf(as);
        return runCli(args, { KINTONE_BASE_URL: baseUrl, KINTONE_USERNAME: username, KINTONE_PASSWORD: password, ...extra }, cwd);
      },
      fetch: (url, { as = admin, headers, ...init } = {}) =>
        fetch(`${baseUrl}${url}`, { ...init, headers: { 'x-cybozu-authorization': as.auth, ...(headers as Record<string, string> | undefined) } }),
      close: async () => {
        await listening.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Runs cli-kintone with exactly `env` as its environment; never rejects on a non-zero exit. */
export function runCli(args: string[], env: Record<string, string>, cwd = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_PATH, ...args], { env, cwd, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(err);
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

/**
 * The database loop with a listening server: `body` runs once per database kind, with a server
 * started before its tests and closed after them.
 */
export function eachKintoneServer(body: (server: () => KintoneServer, kind: DialectKind) => void, env: Record<string, string> = {}): void {
  eachDatabase((database, kind) => {
    let server: KintoneServer | undefined;
    beforeAll(async () => {
      server = await startKintoneServer(database(), env);
    });
    afterAll(async () => {
      await server?.close();
    });
    body(() => {
      if (!server) throw new Error('server not started yet');
      return server;
    }, kind);
  });
}

/** A unique name for things tests create in the shared domain. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomString(8)}`;
}

/**
 * Awaits a call the client must refuse with kintone's error `code` at HTTP `status`, checks the
 * fields the client exposes (`id`, and `message` as "[status] [code] text (id)"), and answers the
 * error for further checks.
 */
export async function kintoneError(call: Promise<unknown>, status: number, code: string): Promise<KintoneRestAPIError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `the call should have failed with ${code}`).toBeInstanceOf(KintoneRestAPIError);
  const e = err as KintoneRestAPIError;
  expect({ status: e.status, code: e.code }).toEqual({ status, code });
  expect(e.id).toMatch(/^[0-9A-Za-z]{20}$/);
  expect(e.message).toMatch(new RegExp(`^\\[${status}\\] \\[${code}\\] .+ \\(${e.id}\\)$`));
  return e;
}

/** The text of an error's message without the client's "[status] [code] " and " (id)". */
export function errorText(e: KintoneRestAPIError): string {
  return e.message.replace(/^\[\d+\] \[[A-Z0-9_]+\] /, '').replace(/ \([0-9A-Za-z]+\)$/, '');
}

/** Creates an app in preview with the client, as kintone's `addApp` does, and answers its id. */
export async function addApp(client: KintoneRestAPIClient, name = uniqueName('app')): Promise<string> {
  const { app } = await client.app.addApp({ name });
  return app;
}

/**
 * Deploys and waits as cli-kintone's `customize apply` does: POST deploy, then poll the deploy
 * status until every app is SUCCESS (FAIL or CANCEL end the wait with an error).
 */
export async function deployAndWait(client: KintoneRestAPIClient, apps: string[], options: { revert?: boolean } = {}): Promise<void> {
  await client.app.deployApp({ apps: apps.map((app) => ({ app })), ...(options.revert ? { revert: true } : {}) });
  for (let attempt = 0; attempt < 100; attempt++) {
    const { apps: statuses } = await client.app.getDeployStatus({ apps });
    if (statuses.every((s) => s.status === 'SUCCESS')) return;
    const failed = statuses.find((s) => s.status === 'FAIL' || s.status === 'CANCEL');
    if (failed) throw new Error(`deploy of app ${failed.app} ended in ${failed.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('deploy did not finish');
}

/** The `properties` parameter of the client's addFormFields / updateFormFields. */
export type FormProperties = Parameters<KintoneRestAPIClient['app']['addFormFields']>[0]['properties'];

/** An app created with the client, given `properties` (if any) and deployed: a test's starting point. */
export async function deployedApp(client: KintoneRestAPIClient, options: { name?: string; properties?: FormProperties } = {}): Promise<string> {
  const app = await addApp(client, options.name);
  if (options.properties) await client.app.addFormFields({ app, properties: options.properties });
  await deployAndWait(client, [app]);
  return app;
}

/**
 * POSTs a cybozu User API call (`/v1/groups.json`, `/v1/organizations.json`…) as the domain's
 * administrator, with X-Cybozu-Authorization, and answers the JSON it got (200 expected).
 */
export async function postAsAdmin(server: KintoneServer, url: string, body: unknown): Promise<unknown> {
  const res = await server.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json: unknown = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A new group of the domain, made as kintone admins do it, through the User API. */
export async function addGroup(server: KintoneServer, code: string, name: string): Promise<void> {
  await postAsAdmin(server, '/v1/groups.json', { groups: [{ code, name }] });
}

/** A new top-level organisation (department) of the domain, through the User API. */
export async function addOrganization(server: KintoneServer, code: string, name: string): Promise<void> {
  await postAsAdmin(server, '/v1/organizations.json', { organizations: [{ code, name }] });
}

/**
 * Parses CSV as cli-kintone writes and reads it (RFC 4180: `,` between cells, `"` quoting with
 * `""` inside, line breaks allowed in quoted cells; rows end with `\n` or `\r\n`): the rows,
 * the header first. No CSV library is a dependency of ours, and this is all the tests need.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** CSV rows as objects keyed by the header. */
export function csvObjects(text: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** CSV text for cli-kintone to import: every cell quoted (quotes doubled), rows ending in `\n`. */
export function formatCsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (c === '*' || c === '' ? c : `"${c.replaceAll('"', '""')}"`)).join(',')).join('\n') + '\n';
}
