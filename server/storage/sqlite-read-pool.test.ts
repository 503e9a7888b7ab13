// SQLite's read threads (sqlite-read-pool.ts): they answer as the main connection does, see every
// commit at once, keep the HTTP thread free while they read, and never write.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Storage, migrateToLatest, openDatabase } from './db.js';
import { toDb } from './dialect.js';

describe('SQLite read threads', () => {
  let dir: string;
  let storage: Storage;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'engawa-reads-'));
    storage = openDatabase({ kind: 'sqlite', file: path.join(dir, 'engawa.db'), readThreads: 2 });
    await migrateToLatest(storage.db);
  });
  afterAll(async () => {
    await storage?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const addDomain = (id: string) =>
    storage.db.insertInto('domains').values({ id, name: id, isDefault: toDb.bool('sqlite', false), settings: '{}', createdAt: toDb.time(new Date()) }).execute();
  const reads = () => storage.reads!;

  it('are opened for a database file, not for one in memory, and not when told none', async () => {
    expect(storage.reads).toBeDefined();
    const memory = openDatabase({ kind: 'sqlite', file: ':memory:' });
    const none = openDatabase({ kind: 'sqlite', file: path.join(dir, 'none.db'), readThreads: 0 });
    expect(memory.reads).toBeUndefined();
    expect(none.reads).toBeUndefined();
    await memory.close();
    await none.close();
  });

  it('answer as the main connection does, camel-cased, and see a commit as soon as it is made', async () => {
    await addDomain('dom_reads_a');
    const query = (db: Storage['db']) => db.selectFrom('domains').select(['id', 'isDefault', 'createdAt']).where('id', '=', 'dom_reads_a').execute();
    expect(await query(reads())).toEqual(await query(storage.db));
    for (let i = 0; i < 20; i++) {
      await addDomain(`dom_reads_n${i}`);
      const seen = await reads().selectFrom('domains').select('id').where('id', '=', `dom_reads_n${i}`).execute();
      expect(seen).toEqual([{ id: `dom_reads_n${i}` }]);
    }
  });

  it('keep the calling thread free while a long read runs', async () => {
    const order: string[] = [];
    // A read that takes a while: a recursive count to a million.
    const long = sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000) select count(*) as n from c`
      .execute(reads())
      .then((r) => order.push(`long ${r.rows[0]!.n}`));
    await new Promise((resolve) => setTimeout(resolve, 1));
    const quick = await storage.db.selectFrom('domains').select('id').where('id', '=', 'dom_reads_a').execute();
    order.push(`main ${quick.length}`);
    await long;
    expect(order).toEqual(['main 1', 'long 1000000']);
  });

  it('run several reads side by side and give each its own answer', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `dom_reads_n${i}`);
    const answers = await Promise.all(ids.map((id) => reads().selectFrom('domains').select('id').where('id', '=', id).executeTakeFirst()));
    expect(answers.map((a) => a?.id)).toEqual(ids);
  });

  it('refuse writes and transactions, and pass SQLite errors on', async () => {
    await expect(addDomainOn(reads(), 'dom_reads_write')).rejects.toThrow();
    expect(await storage.db.selectFrom('domains').select('id').where('id', '=', 'dom_reads_write').execute()).toEqual([]);
    await expect(reads().transaction().execute(async () => 1)).rejects.toThrow(/no transactions/);
    await expect(sql`select * from no_such_table`.execute(reads())).rejects.toThrow(/no such table/);
    // Still answering after the errors.
    expect(await reads().selectFrom('domains').select('id').where('id', '=', 'dom_reads_a').execute()).toHaveLength(1);
  });
});

function addDomainOn(db: Storage['db'], id: string) {
  return db.insertInto('domains').values({ id, name: id, isDefault: 0, settings: '{}', createdAt: new Date().toISOString() }).execute();
}
