import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  num: { type: 'NUMBER', code: 'num', label: '数値' },
  category: {
    type: 'DROP_DOWN',
    code: 'category',
    label: '分類',
    options: { a: { label: 'a', index: 0 }, b: { label: 'b', index: 1 }, c: { label: 'c', index: 2 } },
  },
};

async function seed(d: TestDomain, app: number, n: number) {
  for (let start = 0; start < n; start += 100) {
    const records = Array.from({ length: Math.min(100, n - start) }, (_, k) => {
      const i = start + k;
      return { title: { value: `記録 ${i}` }, num: { value: i }, category: { value: ['a', 'b', 'c'][i % 3] } };
    });
    const res = await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.member, payload: { app, records } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

const ids = (res: { json(): { records: Array<{ $id: { value: string } }> } }) => res.json().records.map((r) => Number(r.$id.value));

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('GET records', () => {
    it('filters, sorts, pages and counts with the query language', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await seed(d, app, 30);
      const q = encodeURIComponent('num > 20 and category in ("a", "b") order by $id desc limit 3');
      const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${q}&totalCount=true`, as: d.member });
      expect(res.statusCode, res.body).toBe(200);
      // num = id - 1; ids 22..30 with num%3 in (0,1) → num 21,22,24,25,27,28 → ids 22,23,25,26,28,29
      expect(ids(res)).toEqual([29, 28, 26]);
      expect(res.json().totalCount).toBe('6');

      const none = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, as: d.member });
      expect(none.json().totalCount).toBeNull();
      expect(ids(none)).toHaveLength(30);
      expect(ids(none)[0]).toBe(30);

      const asc = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('order by num asc limit 2 offset 5')}`, as: d.member });
      expect(ids(asc)).toEqual([6, 7]);
    });

    it('finds records by record number with or without the app code', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS, { code: 'INV' });
      await seed(d, app, 3);
      for (const q of ['Record_number = "INV-2"', 'Record_number = 2', 'Record_number in ("INV-1", "3")']) {
        const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent(q)}`, as: d.member });
        expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      }
      const one = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('Record_number = "INV-2"')}`, as: d.member });
      expect(ids(one)).toEqual([2]);
      const both = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('Record_number in ("INV-1", "3")')}`, as: d.member });
      expect(ids(both)).toEqual([3, 1]);
    });

    it('projects fields[] and leaves $id out unless asked', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await seed(d, app, 2);
      const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&fields[0]=title&fields[1]=$id`, as: d.member });
      expect(Object.keys(res.json().records[0]).sort()).toEqual(['$id', 'title']);
    });

    it('pages like the client’s getAllRecordsWithId: $id > N order by $id asc limit 500', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await seed(d, app, 120);
      const seen: number[] = [];
      let last = 0;
      for (;;) {
        const q = encodeURIComponent(`(category in ("a")) and $id > ${last} order by $id asc limit 500`);
        const page = ids(await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${q}`, as: d.member }));
        seen.push(...page);
        if (page.length < 500) break;
        last = page.at(-1)!;
      }
      expect(seen).toHaveLength(40);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    });

    it('answers bad queries with kintone’s codes, never a 500', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const cases: Array<[string, string]> = [
        ['num >', 'CB_VA01'],
        ['nosuch = 1', 'GAIA_IQ11'],
        ['title > "x"', 'GAIA_IQ03'],
        ['category in ("z")', 'GAIA_IQ10'],
        ['limit 501', 'GAIA_QU01'],
        ['offset 10001', 'GAIA_QU02'],
        [`title = "${'('.repeat(600)}"`, ''],
        ['('.repeat(500) + 'num = 1' + ')'.repeat(500), 'CB_VA01'],
      ];
      for (const [query, code] of cases) {
        const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent(query)}`, as: d.member });
        if (code === '') expect(res.statusCode).toBe(200);
        else {
          expect(res.statusCode, query.slice(0, 40)).toBe(400);
          expect(res.json().code, query.slice(0, 40)).toBe(code);
        }
      }
      const syntax = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('num >')}`, as: d.member });
      expect(syntax.json().errors.query.messages.length).toBeGreaterThan(0);
    });

    it('takes a long query through X-HTTP-Method-Override', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await seed(d, app, 5);
      const list = Array.from({ length: 600 }, (_, i) => `"記録 ${i}"`).join(', ');
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: d.member,
        headers: { 'x-http-method-override': 'GET' },
        payload: { app, query: `title in (${list}) order by $id asc` },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('cursors', () => {
    it('reads a fixed set page by page, then deletes itself', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await seed(d, app, 250);
      const made = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app, query: 'category in ("a") order by $id asc', size: 30, fields: ['$id', 'num'] } });
      expect(made.statusCode, made.body).toBe(200);
      const { id, totalCount } = made.json();
      expect(totalCount).toBe('84');
      // Records added after the cursor was made are not part of it.
      await seed(d, app, 3);
      const seen: number[] = [];
      for (;;) {
        const page = await d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${id}`, as: d.member });
        expect(page.statusCode, page.body).toBe(200);
        seen.push(...ids(page));
        if (!page.json().next) break;
      }
      expect(seen).toHaveLength(84);
      expect(new Set(seen).size).toBe(84);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      const gone = await d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${id}`, as: d.member });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().code).toBe('GAIA_CN01');
    });

    it('orders a cursor by any field, refuses limit/offset, and belongs to its maker', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await seed(d, app, 12);
      const bad = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app, query: 'limit 5' } });
      expect(bad.statusCode).toBe(400);
      const made = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app, query: 'order by num desc', size: 5 } });
      const { id } = made.json();
      const stolen = await d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${id}`, as: d.admin });
      expect(stolen.statusCode).toBe(404);
      const pages: number[][] = [];
      for (;;) {
        const page = await d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${id}`, as: d.member });
        pages.push(ids(page));
        if (!page.json().next) break;
      }
      expect(pages).toEqual([[12, 11, 10, 9, 8], [7, 6, 5, 4, 3], [2, 1]]);
    });

    it('allows ten live cursors per domain, then 429 GAIA_TM12; they expire after 10 minutes', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      for (let i = 0; i < 10; i++) {
        expect((await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app } })).statusCode).toBe(200);
      }
      const eleventh = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app } });
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.json().code).toBe('GAIA_TM12');
      h.clock.advance(10 * 60_000 + 1);
      expect((await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app } })).statusCode).toBe(200);
    });
  });

  describe('bulkRequest', () => {
    it('runs writes in order and returns each answer', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/bulkRequest.json',
        as: d.member,
        payload: {
          requests: [
            { method: 'POST', api: '/k/v1/records.json', payload: { app, records: [{ title: { value: 'a' } }, { title: { value: 'b' } }] } },
            { method: 'PUT', api: '/k/v1/record.json', payload: { app, id: 1, record: { num: { value: 5 } } } },
            { method: 'DELETE', api: '/k/v1/records.json', payload: { app, ids: [2], revisions: [null] } },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results).toEqual([{ ids: ['1', '2'], revisions: ['1', '1'] }, { revision: '2' }, {}]);
    });

    it('undoes everything when one sub-request fails, naming its index', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/bulkRequest.json',
        as: d.member,
        payload: {
          requests: [
            { method: 'POST', api: '/k/v1/record.json', payload: { app, record: { title: { value: 'kept?' } } } },
            { method: 'PUT', api: '/k/v1/record.json', payload: { app, id: 99, record: {} } },
          ],
        },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().results[0]).toEqual({});
      expect(res.json().results[1]).toMatchObject({ code: 'GAIA_RE01' });
      const list = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, as: d.member });
      expect(list.json().records).toEqual([]);
    });

    it('refuses other APIs, other paths and more than 20 sub-requests before running any', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      for (const api of ['/k/v1/app/settings.json', '/k/v1/../v1/records.json', 'https://b.example/k/v1/records.json', '/k/v1/bulkRequest.json', '/k/guest/1/v1/records.json']) {
        const res = await d.request({
          method: 'POST',
          url: '/k/v1/bulkRequest.json',
          as: d.member,
          payload: { requests: [{ method: 'POST', api: '/k/v1/record.json', payload: { app, record: {} } }, { method: 'POST', api, payload: { app } }] },
        });
        expect(res.statusCode, api).toBe(400);
        expect(res.json().code).toBe('CB_VA01');
      }
      const many = Array.from({ length: 21 }, () => ({ method: 'POST', api: '/k/v1/record.json', payload: { app, record: {} } }));
      expect((await d.request({ method: 'POST', url: '/k/v1/bulkRequest.json', as: d.member, payload: { requests: many } })).statusCode).toBe(400);
      const list = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, as: d.member });
      expect(list.json().records).toEqual([]);
    });
  });
});

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('like (word search over the n-gram index)', () => {
    it('finds Japanese and mixed-case text, short and long searches alike, and follows edits', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, {
        title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
        body: { type: 'MULTI_LINE_TEXT', code: 'body', label: '本文' },
      });
      const texts = ['東京都港区の現場', '大阪府の倉庫改修', 'Kintone Migration', '100% 完了', 'under_score'];
      await d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: d.member,
        payload: { app, records: texts.map((t, i) => ({ title: { value: t }, body: { value: `メモ ${i}` } })) },
      });
      const search = async (q: string) =>
        ids(await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent(q)} order by $id asc`, as: d.member }));
      expect(await search('title like "港区の現"')).toEqual([1]);
      expect(await search('title like "現場"')).toEqual([1]);
      expect(await search('title like "migration"')).toEqual([3]);
      expect(await search('title like "100%"')).toEqual([4]);
      expect(await search('title like "%"')).toEqual([4]);
      expect(await search('title like "r_s"')).toEqual([5]);
      expect(await search('title like "ers"')).toEqual([]);
      expect(await search('title not like "倉庫"')).toEqual([1, 3, 4, 5]);
      expect(await search('body like "メモ 3" or title like "大阪"')).toEqual([2, 4]);

      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: 1, record: { title: { value: '名古屋の現場' } } } });
      expect(await search('title like "港区の現"')).toEqual([]);
      expect(await search('title like "名古屋"')).toEqual([1]);
      await d.request({ method: 'DELETE', url: '/k/v1/records.json', as: d.member, payload: { app, ids: [1] } });
      expect(await search('title like "名古屋"')).toEqual([]);
    });
  });
});
