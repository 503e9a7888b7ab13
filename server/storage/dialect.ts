// The only file that knows SQLite from PostgreSQL. Column types and the few value conversions
// that differ (SQLite keeps booleans as 0/1 and times as ISO text) are decided here, once.
import { changeFeedOf } from './change-feed.js';
import { type ColumnDataType, CompiledQuery, type Expression, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

export type DialectKind = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Portable column types for migrations. */
export function columnTypes(kind: DialectKind) {
  return {
    bool: (kind === 'postgres' ? 'boolean' : 'integer') as ColumnDataType,
    time: (kind === 'postgres' ? 'timestamptz' : 'text') as ColumnDataType,
    json: (kind === 'postgres' ? 'jsonb' : 'text') as ColumnDataType,
    text: 'text' as ColumnDataType,
    int: 'integer' as ColumnDataType,
    bigint: 'bigint' as ColumnDataType,
  };
}

export type DbBool = boolean | number;
export type DbTime = string | Date;
export type DbJson = string | object;

export const toDb = {
  bool: (kind: DialectKind, b: boolean): DbBool => (kind === 'postgres' ? b : b ? 1 : 0),
  /** ISO-8601 in UTC: sorts as text in SQLite, casts to timestamptz in PostgreSQL. */
  time: (d: Date): string => d.toISOString(),
  json: (v: unknown): string => JSON.stringify(v),
};

export const fromDb = {
  bool: (v: DbBool | null | undefined): boolean => v === true || v === 1,
  time: (v: DbTime): Date => (v instanceof Date ? v : new Date(v)),
  timeOrNull: (v: DbTime | null | undefined): Date | null =>
    v == null ? null : v instanceof Date ? v : new Date(v),
  json: <T>(v: DbJson | null | undefined, fallback: T): T =>
    v == null ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T),
  count: (v: string | number | bigint | null | undefined): number => Number(v ?? 0),
};

/**
 * A record's document (records.data) as written: SQLite keeps it as JSONB, its binary JSON, which
 * json_extract reads without parsing text (a search scanning 100,000 records takes half the time);
 * PostgreSQL's column is jsonb already and takes the text.
 */
export function recordDocToDb(kind: DialectKind, v: unknown): string | RawBuilder<DbJson> {
  return kind === 'sqlite' ? sql<DbJson>`jsonb(${JSON.stringify(v)})` : JSON.stringify(v);
}

/** The document of `records as <alias>` read back as JSON (SQLite's JSONB is not JavaScript's). */
export function recordDocFromDb(kind: DialectKind, alias: string): RawBuilder<DbJson> {
  return kind === 'sqlite' ? sql<DbJson>`json(${sql.ref(`${alias}.data`)})` : sql<DbJson>`${sql.ref(`${alias}.data`)}`;
}

/** Case-insensitive equality usable in either dialect (both lower-case ASCII and Unicode). */
export function lower(e: Expression<string>) {
  return sql<string>`lower(${e})`;
}

/**
 * SQLite: a number that moves whenever another connection — another process — commits to the
 * database file, and not for this connection's own commits (`PRAGMA data_version`). PostgreSQL
 * has nothing as cheap: null.
 */
export async function foreignCommitStamp(db: Kysely<any>): Promise<number | null> {
  if (dialectOf(db) === 'postgres') return null;
  const { rows } = await sql<Record<string, number>>`pragma data_version`.execute(db);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

const CHANGE_STAMP_SQL = "select total_changes() || ':' || (select data_version from pragma_data_version) as stamp";
const CHANGE_STAMP = CompiledQuery.raw(CHANGE_STAMP_SQL);

/**
 * SQLite: the stamp read straight from the connection (db.ts), without Kysely's executor — it is
 * read on every visitor request. Safe outside Kysely's connection lock: a write in progress that
 * has changed rows has moved it already, and what the lookup then reads waits for that write.
 */
const directStamps = new WeakMap<Kysely<any>, () => string | undefined>();
export function readStampDirectly(db: Kysely<any>, read: () => string | undefined): void {
  directStamps.set(db, read);
}

/**
 * Outside a transaction, a stamp that moves whenever what a lookup read may have changed, so a
 * value read under one stamp is still the database's while the stamp has not moved. SQLite: every
 * row this connection changes and every commit of another connection. PostgreSQL: this process's
 * writes and every commit as PostgreSQL notifies them, once all that committed before this call
 * has been heard (change-feed.ts, settled), null while it is not listening. Inside a transaction
 * (whose changes may yet be rolled back, which the stamp would not show): null, nothing to compare.
 */
export async function changeStamp(db: Kysely<any>): Promise<string | null> {
  if (db.isTransaction) return null;
  if (dialectOf(db) === 'postgres') {
    const feed = changeFeedOf(db);
    if (!feed || feed.stamp() === null) return null;
    await feed.settled();
    return feed.stamp();
  }
  const direct = directStamps.get(db)?.();
  if (direct !== undefined) return direct;
  const { rows } = await db.executeQuery<{ stamp: string }>(CHANGE_STAMP);
  return rows[0]?.stamp ?? null;
}
