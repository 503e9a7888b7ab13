// The real server, in this process, on a port: a temp DATA_DIR for SQLite, or a fresh schema in
// the DATABASE_URL database for PostgreSQL (dropped again at the end, so runs repeat exactly).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../server/config.js';
import { prepareFirstRun } from '../../server/domain/auth/first-run.js';
import type { Services } from '../../server/domain/context.js';
import { buildApp } from '../../server/http/app.js';
import { type Storage, migrateToLatest, openDatabase } from '../../server/storage/db.js';
import type { DialectKind } from '../../server/storage/dialect.js';
import { SqlTimer } from './sql-timer.js';

export const ADMIN = { login: 'admin', password: 'bench password' };
const PG_SCHEMA = 'engawa_bench_records';

export interface BenchServer {
  url: string;
  kind: DialectKind;
  storage: Storage;
  timer: SqlTimer;
  /** Database size on disk after loading, for the report. */
  databaseBytes(): Promise<number>;
  /** The environment that points `npm start` at this database (for WORKERS). */
  childEnv: Record<string, string>;
  close(): Promise<void>;
}

/** Creates the database named in the URL when it is missing (connecting to `postgres` for it). */
async function ensurePgDatabase(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.href });
  await admin.connect();
  await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  await admin.end();
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

export async function startServer(kind: DialectKind, databaseUrl?: string): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-bench-records-'));
  const config = loadConfig({
    DATA_DIR: dir,
    ENGAWA_ADMIN_LOGIN: ADMIN.login,
    ENGAWA_ADMIN_PASSWORD: ADMIN.password,
    LOGIN_RATE_PER_MINUTE: '1000000',
    DATABASE_URL: kind === 'postgres' ? databaseUrl : '',
    LOG_LEVEL: 'silent',
  });
  let database = config.database;
  if (kind === 'postgres') {
    if (!databaseUrl) throw new Error('DATABASE_URL is not set');
    await ensurePgDatabase(databaseUrl);
    await pgAdmin(databaseUrl, async (c) => {
      await c.query(`drop schema if exists ${PG_SCHEMA} cascade`);
      await c.query(`create schema ${PG_SCHEMA}`);
    });
    database = { kind: 'postgres', url: databaseUrl, schema: PG_SCHEMA };
  }
  const storage = openDatabase(database);
  await migrateToLatest(storage.db, storage.schema);
  const timer = new SqlTimer();
  const services: Services = {
    db: storage.db.withPlugin(timer),
    ids: storage.ids?.withPlugin(timer),
    dialect: storage.kind,
    clock: () => new Date(),
    config: { ...config, database },
    onMailQueued: () => {},
  };
  await prepareFirstRun(services);
  const app: FastifyInstance = await buildApp({ services });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    kind,
    storage,
    timer,
    childEnv: kind === 'sqlite' ? { DATA_DIR: dir } : { DATA_DIR: dir, DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: PG_SCHEMA },
    databaseBytes: async () => {
      if (kind === 'sqlite') {
        return fs.readdirSync(dir).filter((f) => f.startsWith('engawa.sqlite')).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
      }
      return pgAdmin(databaseUrl!, async (c) => {
        const r = await c.query<{ n: string }>(`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = $1 and c.relkind = 'r'`, [PG_SCHEMA]);
        return Number(r.rows[0]?.n ?? 0);
      });
    },
    close: async () => {
      await app.close();
      await storage.close();
      if (process.env.KEEP_DATABASE) {
        console.log(`kept: ${kind === 'sqlite' ? path.join(dir, 'engawa.sqlite') : `schema ${PG_SCHEMA}`}`);
        return;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') await pgAdmin(databaseUrl!, (c) => c.query(`drop schema if exists ${PG_SCHEMA} cascade`));
    },
  };
}

/**
 * Statistics for every bench table, as autovacuum would gather them sooner or later: without them
 * PostgreSQL's plans right after a bulk load are not the steady state (see docs/performance.md).
 */
export async function analyze(server: BenchServer, databaseUrl?: string): Promise<void> {
  if (server.kind !== 'postgres' || !databaseUrl) return;
  await pgAdmin(databaseUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>('select tablename as name from pg_tables where schemaname = $1', [PG_SCHEMA]);
    for (const { name } of rows) await c.query(`analyze ${PG_SCHEMA}.${pg.escapeIdentifier(name)}`);
  });
}

/** Waits until the server has finished what the last test left in flight (autocannon does not wait for it). */
export async function quiesce(server: BenchServer): Promise<void> {
  // SQLite: the ping queues behind every statement still waiting for the connection (a burst of
  // second-long counts outlives the test that sent it); it is drained once a ping answers at once.
  for (let i = 0; i < 600; i++) {
    const started = performance.now();
    await fetch(`${server.url}/healthz`);
    if (performance.now() - started < 50) break;
  }
  if (server.kind !== 'postgres') return;
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const active = await sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()`.execute(server.storage.db);
    if (Number(active.rows[0]?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The same database served by `WORKERS` processes (the production cluster, server/run), for the
 * load tests: started from the server's entry point as an operator would, on its own port.
 */
export async function startCluster(server: BenchServer, workers: number): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...server.childEnv, WORKERS: String(workers), HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', LOGIN_RATE_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = performance.now() + 60_000;
  for (;;) {
    const ports = out.match(/Server listening at http:\/\/127\.0\.0\.1:\d+/g) ?? [];
    if (ports.length >= workers) {
      // Only the port is needed from here on; the logs of every request would fill memory.
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      return {
        url: ports[0]!.replace('Server listening at ', ''),
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null || performance.now() > deadline) throw new Error(`the cluster did not start: ${out.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
