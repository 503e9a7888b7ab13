// The database loop: the same test body runs on SQLite and, when TEST_DATABASE_URL is set (CI
// always sets it), on PostgreSQL. Each file gets a fresh PostgreSQL schema; each test still
// makes its own domain, so tests never depend on what another left behind.
import { afterAll, beforeAll, describe } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomString } from '../../common/ids.js';
import { type Storage, migrateToLatest, openDatabase } from '../../server/storage/db.js';
import type { DialectKind } from '../../server/storage/dialect.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const DATABASE_KINDS: DialectKind[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Storage {
  /** For PostgreSQL, the throw-away schema this file runs in. */
  schema?: string;
}

export interface DatabaseOptions {
  /**
   * SQLite in a file of its own with a read thread (storage/sqlite-read-pool.ts), as `npm start`
   * runs it, instead of in memory: for the suites whose reads go to the read threads.
   */
  sqliteFile?: boolean;
}

/** Opens an empty, unmigrated database of the given kind. */
export async function openEmptyDatabase(kind: DialectKind, options: DatabaseOptions = {}): Promise<TestDatabase> {
  if (kind === 'sqlite' && options.sqliteFile) {
    const dir = await mkdtemp(path.join(tmpdir(), 'engawa-db-'));
    const storage = openDatabase({ kind: 'sqlite', file: path.join(dir, 'engawa.sqlite'), readThreads: 1 });
    return {
      ...storage,
      close: async () => {
        await storage.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (kind === 'sqlite') return openDatabase({ kind: 'sqlite', file: ':memory:' });
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `engawa_t_${randomString(12)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const storage = openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, schema });
  return {
    ...storage,
    schema,
    close: async () => {
      await storage.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export async function openTestDatabase(kind: DialectKind, options: DatabaseOptions = {}): Promise<TestDatabase> {
  const storage = await openEmptyDatabase(kind, options);
  await migrateToLatest(storage.db, storage.schema);
  return storage;
}

/** Runs `body` once per database kind, inside a describe named after it. */
export function eachDatabase(body: (database: () => TestDatabase, kind: DialectKind) => void, options: DatabaseOptions = {}): void {
  for (const kind of DATABASE_KINDS) {
    describe(kind, () => {
      let storage: TestDatabase | undefined;
      beforeAll(async () => {
        storage = await openTestDatabase(kind, options);
      });
      afterAll(async () => {
        await storage?.close();
      });
      body(() => {
        if (!storage) throw new Error('database not open yet');
        return storage;
      }, kind);
    });
  }
}
