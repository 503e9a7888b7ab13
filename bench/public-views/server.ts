// The public-views benchmark's server: Engawa started as an operator starts it (`server/main.ts`,
// a process of its own, migrations and first run included, its live-event bus running), on a
// temp DATA_DIR for SQLite or on a schema of its own in a PostgreSQL database that tests never use.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../server/config.js';
import type { DialectKind } from '../../server/storage/dialect.js';

export const ADMIN = { login: 'admin', password: 'bench password' };
export const ADMIN_AUTH = Buffer.from(`${ADMIN.login}:${ADMIN.password}`).toString('base64');
const PG_SCHEMA = 'engawa_bench_public_views';

export interface ServerProcess {
  url: string;
  kind: DialectKind;
  pid: number;
  /** The server's configuration, for the benchmark's own connection (seeding). */
  config: Readonly<Config>;
  /** CPU seconds the server process used so far (user + system, from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
  /** Drops the SQLite directory or the PostgreSQL schema (unless KEEP_DATABASE). */
  cleanUp(): Promise<void>;
}

/**
 * The PostgreSQL database for the benchmark: BENCH_DATABASE_URL as given, else the server of
 * DATABASE_URL or TEST_DATABASE_URL with the database `engawa_bench` — never the tests' own.
 */
export function benchDatabaseUrl(): string | undefined {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const base = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!base && !process.argv.includes('--postgres')) return undefined;
  const url = new URL(base || 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = '/engawa_bench';
  return url.href;
}

async function pgAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function preparePostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  await pgAdmin(target.href, async (c) => {
    const found = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await c.query(`create database ${pg.escapeIdentifier(name)}`);
  });
  await pgAdmin(url, async (c) => {
    await c.query(`drop schema if exists ${PG_SCHEMA} cascade`);
    await c.query(`create schema ${PG_SCHEMA}`);
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** [parent pid, CPU seconds] of a process, from /proc (null: gone). */
function statOf(pid: number): [number, number] | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) / 100];
  } catch {
    return null;
  }
}

/** CPU seconds of the server and its workers (WORKERS > 1: processes it forked). */
function cpuOf(pid: number): number {
  let total = statOf(pid)?.[1] ?? 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === pid) continue;
    const stat = statOf(Number(entry));
    if (stat && stat[0] === pid) total += stat[1];
  }
  return total;
}

/**
 * Starts `server/main.ts` (what `npm start` runs, less the web build it checks first) with
 * `extraEnv` on top of a production-like environment: one process (or WORKERS of them, as the
 * benchmark is given), TRUST_PROXY for the loopback (the load generator stands in for a reverse
 * proxy in front of many visitors).
 */
export async function startServerProcess(kind: DialectKind, pgUrl: string | undefined, extraEnv: Record<string, string>): Promise<ServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-bench-pv-'));
  if (kind === 'postgres') await preparePostgres(pgUrl!);
  const port = await freePort();
  const env: Record<string, string> = {
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    PORT: String(port),
    ENGAWA_ADMIN_LOGIN: ADMIN.login,
    ENGAWA_ADMIN_PASSWORD: ADMIN.password,
    LOGIN_RATE_PER_MINUTE: '1000000',
    TRUST_PROXY: '127.0.0.1/32',
    LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? 'warn',
    WORKERS: process.env.WORKERS ?? '1',
    // SQLite read threads (storage/sqlite-read-pool.ts): unset, the server's default.
    ...(process.env.READ_THREADS !== undefined ? { READ_THREADS: process.env.READ_THREADS } : {}),
    ...(kind === 'postgres' ? { DATABASE_URL: pgUrl!, DATABASE_SCHEMA: PG_SCHEMA } : {}),
    ...extraEnv,
  };
  const root = path.resolve(import.meta.dirname, '../..');
  // PROFILE=<dir>: a CPU profile of the whole run, written when the server stops.
  const profile = process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.PROFILE)] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--trace-warnings', '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || performance.now() > deadline) throw new Error(`the server did not start (exit ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const config = loadConfig(env);
  return {
    url,
    kind,
    pid: child.pid!,
    config,
    cpuSeconds: () => cpuOf(child.pid!),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    cleanUp: async () => {
      if (process.env.KEEP_DATABASE) return;
      fs.rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') await pgAdmin(pgUrl!, (c) => c.query(`drop schema if exists ${PG_SCHEMA} cascade`));
    },
  };
}

/** A JSON call to the server's API as the administrator (X-Cybozu-Authorization). */
export async function api<T = Record<string, unknown>>(server: Pick<ServerProcess, 'url'>, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(server.url + p, {
    method,
    headers: { 'x-cybozu-authorization': ADMIN_AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
