// The `like` index's rows are found by their (domain, app, record, field) key, so writing a
// record's text costs the same in a small app and a big one; and 0007 carries 0006's rows over.
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openEmptyDatabase } from '../../test/support/db.js';
import { type Storage, migrateToLatest } from './db.js';
import { toDb } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { deleteSearchText, replaceSearchText } from './record-search.repo.js';

async function domainAndApp(storage: Storage, domainId: string): Promise<void> {
  const at = toDb.time(new Date());
  await storage.db.insertInto('domains').values({ id: domainId, name: domainId, isDefault: toDb.bool(storage.kind, false), settings: '{}', createdAt: at }).execute();
}

/** The query plan of `query`, as text. */
async function plan(storage: Storage, query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const explain = storage.kind === 'sqlite' ? 'explain query plan ' : 'explain ';
  const rows = await storage.db.executeQuery<Record<string, unknown>>({ ...query, sql: explain + query.sql, query: undefined as never, queryId: undefined as never });
  return rows.rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n');
}

describe.each(DATABASE_KINDS)('record search rows on %s', (kind) => {
  it('updates and deletes find a record’s rows by key, whatever the size of the app', async () => {
    const storage = await openEmptyDatabase(kind);
    try {
      await migrateToLatest(storage.db, storage.schema);
      await domainAndApp(storage, 'dom_s');
      // Enough rows that a scan would cost more than the key, and statistics to say so.
      const many = Array.from({ length: 3000 }, (_, i) => ({ recordId: i + 1, fieldId: `f${(i % 3) + 1}`, content: `text ${i}` }));
      await replaceSearchText(storage.db, 'dom_s', 7, [], many, true);
      if (kind === 'postgres') await sql`analyze record_search`.execute(storage.db);

      const del = storage.db.deleteFrom('recordSearch').where('domainId', '=', 'dom_s').where('appId', '=', 7).where('recordId', 'in', [5, 6]);
      const byField = del.where('fieldId', '=', 'f2');
      for (const q of [del, byField]) {
        const text = await plan(storage, q.compile());
        expect(text).toMatch(kind === 'sqlite' ? /USING (COVERING )?INDEX record_search_key/ : /Index Scan using record_search_pk|Bitmap Index Scan on record_search_pk/);
        expect(text).not.toMatch(/SCAN record_search\b(?! USING)|Seq Scan/);
      }

      // Only what changed is rewritten; what is gone goes.
      await replaceSearchText(storage.db, 'dom_s', 7, [1, 2], [
        { recordId: 1, fieldId: 'f2', content: 'text 0' },
        { recordId: 2, fieldId: 'f2', content: 'changed' },
      ]);
      const left = await storage.db.selectFrom('recordSearch').select(['recordId', 'fieldId', 'content']).where('recordId', 'in', [1, 2]).orderBy('recordId').execute();
      expect(left).toEqual([
        { recordId: 1, fieldId: 'f2', content: 'text 0' },
        { recordId: 2, fieldId: 'f2', content: 'changed' },
      ]);
      await deleteSearchText(storage.db, 'dom_s', 7, [1, 2, 3]);
      const count = await storage.db.selectFrom('recordSearch').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(2997);
      if (kind === 'sqlite') {
        // The FTS5 index holds exactly the rows' text (rank 1: checked against the rows themselves).
        await sql`insert into record_search_fts (record_search_fts, rank) values ('integrity-check', 1)`.execute(storage.db);
        const found = await sql<{ n: number }>`select count(*) as n from record_search_fts where record_search_fts match 'content:"text 2999"'`.execute(storage.db);
        expect(found.rows[0]!.n).toBe(1);
      }
    } finally {
      await storage.close();
    }
  });

  if (kind === 'sqlite') {
    it('0007 keeps the rows indexed in 0006, and the index answers for them', async () => {
      const storage = await openEmptyDatabase(kind);
      try {
        const migrator = new Migrator({ db: storage.db.withoutPlugins(), provider: migrationProvider });
        const to6 = await migrator.migrateTo('0006-record-search');
        expect(to6.error).toBeUndefined();
        await sql`insert into record_search (content, domain_id, app_id, record_id, field_id) values
          ('東京都港区の現場', 'dom_m', 1, 1, 'f1'), ('大阪府の倉庫', 'dom_m', 1, 2, 'f1')`.execute(storage.db);
        await migrateToLatest(storage.db);
        const match = async (word: string) =>
          (await sql<{ record_id: number }>`select record_id from record_search_fts where record_search_fts match ${`content:"${word}"`}`.execute(storage.db.withoutPlugins())).rows.map((r) => r.record_id);
        expect(await match('港区の')).toEqual([1]);
        await deleteSearchText(storage.db, 'dom_m', 1, [1]);
        expect(await match('港区の')).toEqual([]);
        expect(await match('府の倉庫')).toEqual([2]);
        expect(await sql`insert into record_search_fts (record_search_fts, rank) values ('integrity-check', 1)`.execute(storage.db)).toBeDefined();
      } finally {
        await storage.close();
      }
    });
  }
});
