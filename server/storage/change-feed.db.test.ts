// PostgreSQL's change stamp (change-feed.ts): none until the process listens, then one that moves
// with this process's writes at once and with another process's commits as PostgreSQL notifies
// them, heard before the stamp is given — so a visitor lookup kept under it is never served after
// the view it read has changed, even on the request right after another process's answer.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, type TestDatabase, openTestDatabase } from '../../test/support/db.js';
import { changeFeedName } from './change-feed.js';
import { changeStamp, toDb } from './dialect.js';

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 3_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The stamp once nothing has moved it for a while (notifications of earlier writes have come in). */
async function settled(read: () => Promise<string | null>): Promise<string | null> {
  let last = await until(read, (s) => s !== null);
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
}

describe.runIf(TEST_DATABASE_URL)('PostgreSQL change feed', () => {
  let storage: TestDatabase | undefined;
  beforeAll(async () => {
    storage = await openTestDatabase('postgres');
  });
  afterAll(async () => storage?.close());
  const database = () => storage!;

  const addDomain = (id: string) =>
    database()
      .db.insertInto('domains')
      .values({ id, name: id, isDefault: false, settings: '{}', createdAt: toDb.time(new Date()) })
      .execute();

  it('gives a stamp once listening, which moves at once with this process’s writes', async () => {
    const stamp = await until(() => changeStamp(database().db), (s) => s !== null);
    expect(stamp).toMatch(/^pg:\d+$/);
    expect(await changeStamp(database().db)).toBe(stamp);
    await addDomain('dom_feed_own');
    expect(await changeStamp(database().db)).not.toBe(stamp);
  });

  it('has moved by the next read once another process has committed to a table the lookup reads, and not for another schema’s', async () => {
    const stamp = () => changeStamp(database().db);
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${database().schema},public` });
    await other.connect();
    try {
      // No waiting between the other process's commit and the read, twenty times over.
      for (let i = 0; i < 20; i++) {
        const before = await stamp();
        await other.query(`update domains set name = 'renamed ${i}' where id = 'dom_feed_own'`);
        expect(await stamp()).not.toBe(before);
      }
      // A commit under another schema (another installation sharing the server) is not ours.
      const quiet = await settled(stamp);
      await other.query(`select pg_notify('engawa_changes', 'some_other_schema')`);
      await new Promise((r) => setTimeout(r, 200));
      expect(await changeStamp(database().db)).toBe(quiet);
    } finally {
      await other.end();
    }
  });

  it('gives no stamp once its connection is lost, then listens again', async () => {
    const stamp = () => changeStamp(database().db);
    const before = await until(stamp, (s) => s !== null);
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await other.connect();
    try {
      // This storage's own listening connection, by its name (other test files share the server).
      const killed = await other.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [changeFeedName(database().schema)]);
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await other.end();
    }
    // Lost: nothing kept may be used (null), and never the stamp of before.
    const after = await until(stamp, (s) => s === null, 2_000);
    expect(after).toBeNull();
    const again = await until(stamp, (s) => s !== null, 5_000);
    expect(again).not.toBeNull();
    expect(again).not.toBe(before);
  });

  it('gives no stamp inside a transaction', async () => {
    await database().db.transaction().execute(async (tx) => {
      expect(await changeStamp(tx)).toBeNull();
    });
  });
});
