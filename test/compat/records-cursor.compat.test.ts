// Cursors through @kintone/rest-api-client: createCursor, getRecordsByCursor page by page until
// `next: false` (after which the cursor is gone), deleteCursor, and the domain's limit of ten
// live cursors (the eleventh is 429 GAIA_TM12). Each file has a domain of its own, so the
// cursors counted here are this file's only.
import type { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FormProperties, deployedApp, eachKintoneServer, errorText, kintoneError } from '../support/kintone.js';

const FIELDS: FormProperties = {
  name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: '名前' },
  rank: { type: 'NUMBER', code: 'rank', label: '順位' },
  lines: {
    type: 'SUBTABLE',
    code: 'lines',
    label: '明細',
    fields: { memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'メモ' } },
  },
};

const COUNT = 150;

eachKintoneServer((server) => {
  let admin: KintoneRestAPIClient;
  let app: string;
  let ids: string[];

  beforeAll(async () => {
    const s = server();
    admin = s.client(s.admin);
    app = await deployedApp(admin, { properties: FIELDS });
    // rank runs backwards, so an order by rank reverses the ids.
    const records = Array.from({ length: COUNT }, (_, i) => ({
      name: { value: `名前${i}` },
      rank: { value: String(COUNT - i) },
      lines: { value: [{ value: { memo: { value: `行${i}` } } }] },
    }));
    ids = (await admin.record.addAllRecords({ app, records })).records.map((r) => r.id);
  });

  describe('reading a cursor', () => {
    it('pages in the size asked for, with the fields and order of the query, then is gone', async () => {
      const s = server();
      const cursor = await admin.record.createCursor({ app, fields: ['$id', 'name', 'lines'], query: 'rank <= 7 order by rank asc', size: 3 });
      expect(cursor).toEqual({ id: expect.any(String), totalCount: '7' });
      // Added after the cursor was made: not among its records.
      await admin.record.addRecord({ app, record: { name: { value: '後から' }, rank: { value: 1 } } });

      const pages: Array<{ ids: unknown[]; next: boolean }> = [];
      for (;;) {
        const page = await admin.record.getRecordsByCursor({ id: cursor.id });
        pages.push({ ids: page.records.map((r) => r.$id!.value), next: page.next });
        for (const r of page.records) expect(Object.keys(r).sort()).toEqual(['$id', 'lines', 'name']);
        if (!page.next) break;
      }
      const expected = ids.slice(COUNT - 7).reverse();
      expect(pages).toEqual([
        { ids: expected.slice(0, 3), next: true },
        { ids: expected.slice(3, 6), next: true },
        { ids: expected.slice(6), next: false },
      ]);
      expect(s.requests.at(-1)?.url).toBe(`/k/v1/records/cursor.json?id=${encodeURIComponent(cursor.id)}`);

      const e = await kintoneError(admin.record.getRecordsByCursor({ id: cursor.id }), 404, 'GAIA_CN01');
      expect(errorText(e)).toBe('The specified cursor does not exist.');
    });

    it('answers each record in full, field by field, 100 a page by default', async () => {
      const { id, totalCount } = await admin.record.createCursor({ app, query: 'name like "名前" order by $id asc' });
      expect(totalCount).toBe(String(COUNT));
      const first = await admin.record.getRecordsByCursor({ id });
      const second = await admin.record.getRecordsByCursor({ id });
      expect([first.records.length, first.next, second.records.length, second.next]).toEqual([100, true, 50, false]);
      const records = [...first.records, ...second.records];
      expect(records.map((r) => r.$id!.value)).toEqual(ids);
      const r = records[42]!;
      expect({ name: r.name, rank: r.rank, $revision: r.$revision, Record_number: r.Record_number }).toEqual({
        name: { type: 'SINGLE_LINE_TEXT', value: '名前42' },
        rank: { type: 'NUMBER', value: String(COUNT - 42) },
        $revision: { type: '__REVISION__', value: '1' },
        Record_number: { type: 'RECORD_NUMBER', value: ids[42] },
      });
      expect(r.lines).toEqual({ type: 'SUBTABLE', value: [{ id: expect.stringMatching(/^\d+$/), value: { memo: { type: 'SINGLE_LINE_TEXT', value: '行42' } } }] });
    });

    it('deleteCursor ends a cursor before its last page', async () => {
      const { id } = await admin.record.createCursor({ app, size: 10 });
      expect((await admin.record.getRecordsByCursor({ id })).next).toBe(true);
      expect(await admin.record.deleteCursor({ id })).toEqual({});
      await kintoneError(admin.record.getRecordsByCursor({ id }), 404, 'GAIA_CN01');
      await kintoneError(admin.record.deleteCursor({ id }), 404, 'GAIA_CN01');
    });

    it('is its maker’s only: another user reading it gets GAIA_CN01, as for an unknown id', async () => {
      const s = server();
      const { id } = await admin.record.createCursor({ app, size: 10 });
      await kintoneError(s.client(s.member).record.getRecordsByCursor({ id }), 404, 'GAIA_CN01');
      await kintoneError(s.client(s.member).record.deleteCursor({ id }), 404, 'GAIA_CN01');
      await kintoneError(admin.record.getRecordsByCursor({ id: 'no-such-cursor' }), 404, 'GAIA_CN01');
      // Still the admin's to read.
      expect((await admin.record.getRecordsByCursor({ id })).records).toHaveLength(10);
      await admin.record.deleteCursor({ id });
    });

    it('refuses limit or offset in the query, and a size beyond 500, with CB_VA01', async () => {
      const limit = await kintoneError(admin.record.createCursor({ app, query: 'order by $id asc limit 10' }), 400, 'CB_VA01');
      expect(limit.errors).toEqual({ query: { messages: ['limit and offset cannot be used in a cursor query.'] } });
      const size = await kintoneError(admin.record.createCursor({ app, size: 501 }), 400, 'CB_VA01');
      expect(Object.keys(size.errors)).toEqual(['size']);
    });
  });

  describe('the limit of ten', () => {
    it('refuses an eleventh live cursor with GAIA_TM12 429 until one is freed', async () => {
      const open: string[] = [];
      try {
        for (let i = 0; i < 10; i++) open.push((await admin.record.createCursor({ app, size: 1 })).id);
        const e = await kintoneError(admin.record.createCursor({ app }), 429, 'GAIA_TM12');
        expect(errorText(e)).toBe('You cannot create a cursor because the number of cursors has reached the limit.');
        expect(e.headers['x-cybozu-error']).toBe('GAIA_TM12');
        // The limit is the domain's, not the user's.
        const s = server();
        await kintoneError(s.client(s.member).record.createCursor({ app }), 429, 'GAIA_TM12');

        await admin.record.deleteCursor({ id: open.shift()! });
        open.push((await admin.record.createCursor({ app, size: 1 })).id);
        await kintoneError(admin.record.createCursor({ app }), 429, 'GAIA_TM12');
      } finally {
        for (const id of open) await admin.record.deleteCursor({ id });
      }
      // All freed: cursors can be made again.
      const { id } = await admin.record.createCursor({ app });
      await admin.record.deleteCursor({ id });
    });
  });
});
