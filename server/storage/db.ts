import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  type KyselyPlugin,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
  sql,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { type DialectKind, dialectOf, readStampDirectly } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { withStatementCache } from './sqlite-statements.js';
import { SQLITE_MMAP_BYTES, defaultReadThreads, openSqliteReads } from './sqlite-read-pool.js';
import { ChangeFeed, attachChangeFeed } from './change-feed.js';
import type { Database } from './tables/index.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or a transaction: reads can take both. */
export type Queryable = Kysely<Database>;

export interface Storage {
  db: Db;
  kind: DialectKind;
  /** PostgreSQL schema the tables live in, when not the default search path. */
  schema?: string;
  /**
   * PostgreSQL: a small pool of its own for taking ids (nextIds). Taken there, in a statement that
   * commits at once, the sequence row stays locked for that statement only; taken inside a
   * write's transaction it would stay locked until that write commits, and concurrent writers of
   * one app would queue behind each other (and time out). A pool apart from the main one, so a
   * transaction holding a connection never waits for another from the pool it is holding.
   */
  ids?: Db;
  /**
   * SQLite on a file: read-only connections on threads of their own, for reads that may take
   * long and must not hold up the HTTP thread (sqlite-read-pool.ts). No transactions, no writes.
   */
  reads?: Db;
  close(): Promise<void>;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** The same database without SQLite read threads: for a process that serves no HTTP request. */
export function withoutReadThreads(config: DatabaseConfig): DatabaseConfig {
  return config.kind === 'sqlite' ? { ...config, readThreads: 0 } : config;
}

export function openDatabase(config: DatabaseConfig): Storage {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const database = new SQLite(config.file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    database.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
      plugins: [new CamelCasePlugin()],
    });
    // dialect.ts CHANGE_STAMP_SQL in two plain statements (cheaper than its table-valued pragma).
    const changes = database.prepare('select total_changes()').pluck();
    const version = database.prepare('pragma data_version').pluck();
    readStampDirectly(db, () => {
      try {
        return `${changes.get()}:${version.get()}`;
      } catch {
        return undefined; // the connection is busy (a statement being iterated): read through Kysely
      }
    });
    const threads = config.file === ':memory:' ? 0 : (config.readThreads ?? defaultReadThreads());
    const reads = threads > 0 ? openSqliteReads(config.file, threads) : undefined;
    return {
      db,
      kind: 'sqlite',
      ...(reads ? { reads } : {}),
      close: async () => {
        await Promise.all([db.destroy(), reads?.destroy()]);
      },
    };
  }
  const pool = (max: number, settings: string[]) =>
    new pg.Pool({
      connectionString: config.url,
      max,
      // Counts and sums arrive as numbers; our ids stay far below 2^53.
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === PG_INT8 || oid === PG_NUMERIC
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format as 'text'),
      } as pg.CustomTypesConfig,
      // public stays on the path: pg_trgm's operator classes live there.
      options: [config.schema ? `-c search_path=${config.schema},public` : '', ...settings].filter(Boolean).join(' ') || undefined,
      statement_timeout: 30_000,
    });
  const kysely = (max: number, settings: string[] = [], plugins: KyselyPlugin[] = []) =>
    new Kysely<Database>({
      dialect: new PostgresDialect({ pool: pool(max, settings) }),
      plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true }), ...plugins],
    });
  // Tells the public views' visitor lookup when what it read may have changed (change-feed.ts).
  const feed = new ChangeFeed(config.url, config.schema);
  const db = kysely(20, [], [feed.plugin()]);
  attachChangeFeed(db, feed);
  // Taking ids need not wait for the disk: a record stored under an id commits after it, and
  // making that commit durable makes every earlier WAL record durable, the id's included.
  const ids = kysely(4, ['-c synchronous_commit=off']);
  return {
    db,
    kind: 'postgres',
    schema: config.schema,
    ids,
    close: async () => {
      await Promise.all([db.destroy(), ids.destroy(), feed.close()]);
    },
  };
}

/** Runs every pending migration; throws (and leaves the database as it was) on failure. */
function migrator(db: Db, schema?: string): Migrator {
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  return new Migrator({ db: db.withoutPlugins(), provider: migrationProvider, migrationTableSchema: schema });
}

export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  // DATABASE_SCHEMA names a schema of our own; the first start creates it.
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const m = migrator(db, schema);
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await m.migrateToLatest();
    // Kysely looks for its own table by listing every table of the database; a schema dropped
    // by someone else meanwhile (another instance's test schema) fails that listing. Try again.
    if (error && (error as { code?: string }).code === '42P01' && attempt < 5) continue;
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
}

export async function migrateDown(db: Db, schema?: string): Promise<void> {
  const m = migrator(db, schema);
  for (;;) {
    const { error, results } = await m.migrateDown();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    if (!results || results.length === 0) return;
  }
}

/**
 * Allocates the next kintone-style numeric id for `name` in a domain. In a transaction, a
 * rolled-back insert gives its number back, but the sequence row stays locked until commit;
 * on a pool (Storage.ids), the numbers are taken for good at once and nobody waits.
 */
export async function nextIds(db: Queryable, domainId: string, name: string, count = 1): Promise<number[]> {
  if (count <= 0) return [];
  // Every write takes ids, twice when it has table rows: the statement is kept as text.
  const { rows } = await db.executeQuery<{ value: number | string }>(
    CompiledQuery.raw(dialectOf(db) === 'postgres' ? NEXT_IDS_PG : NEXT_IDS_SQLITE, [domainId, name, count, count]),
  );
  const last = Number(rows[0]!.value);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

const NEXT_IDS = 'insert into sequences (domain_id, name, value) values (?, ?, ?) on conflict (domain_id, name) do update set value = sequences.value + ? returning value';
const NEXT_IDS_SQLITE = NEXT_IDS;
const NEXT_IDS_PG = NEXT_IDS.replace(/\?/g, ((n) => () => `$${++n}`)(0));

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
