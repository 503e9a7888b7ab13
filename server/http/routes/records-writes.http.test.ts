// Record writes under load and under trouble: concurrent bulk loads, a database that reports a
// deadlock or is busy, and the `like` index kept in step with every kind of write.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, TableNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  code: { type: 'SINGLE_LINE_TEXT', code: 'code', label: 'コード', unique: true },
  body: { type: 'MULTI_LINE_TEXT', code: 'body', label: '本文' },
  num: { type: 'NUMBER', code: 'num', label: '数値' },
  lines: {
    type: 'SUBTABLE',
    code: 'lines',
    label: '明細',
    fields: { item: { type: 'SINGLE_LINE_TEXT', code: 'item', label: '品目' } },
  },
};

/** Makes the database report `code` whenever a write checks unique values, while `failures` lasts. */
class Flaky implements KyselyPlugin {
  failures = 0;
  /** Checks that pass before the failures begin. */
  skip = 0;
  constructor(private readonly code: string) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const from = node.kind === 'SelectQueryNode' ? node.from?.froms[0] : undefined;
    const table = from?.kind === 'TableNode' ? (from as TableNode).table.identifier.name : undefined;
    if (this.failures > 0 && (table === 'record_unique_values' || table === 'recordUniqueValues')) {
      if (this.skip > 0) {
        this.skip--;
        return node;
      }
      this.failures--;
      throw Object.assign(new Error(`simulated ${this.code}`), { code: this.code });
    }
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const bulkAdd = (app: number, from: number, subRequests: number) => ({
  requests: Array.from({ length: subRequests }, (_, s) => ({
    method: 'POST',
    api: '/k/v1/records.json',
    payload: {
      app,
      records: Array.from({ length: 100 }, (_, k) => {
        const n = from + s * 100 + k;
        return { title: { value: `件名 ${n}` }, num: { value: n }, code: { value: `C-${n}` }, lines: { value: [{ value: { item: { value: `品 ${n}` } } }] } };
      }),
    },
  })),
});

eachDatabase((database, kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const count = async (d: TestDomain, app: number, query = '') => {
    const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&totalCount=true&query=${encodeURIComponent(`${query} limit 1`)}`, as: d.member });
    expect(res.statusCode, res.body).toBe(200);
    return Number(res.json().totalCount);
  };

  describe('bulk loads', () => {
    it('adds every record of concurrent bulk requests once, under ids of its own', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const answers = await Promise.all(
        [0, 1, 2, 3].map((c) => d.request({ method: 'POST', url: '/k/v1/bulkRequest.json', as: d.member, payload: bulkAdd(app, c * 300, 3) })),
      );
      const ids: number[] = [];
      for (const res of answers) {
        expect(res.statusCode, res.body).toBe(200);
        for (const r of res.json().results as Array<{ ids: string[] }>) {
          const sub = r.ids.map(Number);
          // Within one call, ids follow the input order.
          expect(sub).toEqual([...sub].sort((a, b) => a - b));
          ids.push(...sub);
        }
      }
      expect(new Set(ids).size).toBe(1200);
      expect(await count(d, app)).toBe(1200);
      // Each record is the one sent under its id.
      const sample = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=${ids[777]}`, as: d.member });
      const rec = sample.json().record;
      expect(rec.title.value).toBe(`件名 ${rec.num.value}`);
      expect(rec.lines.value[0].value.item.value).toBe(`品 ${rec.num.value}`);
      expect(rec.lines.value[0].id).toMatch(/^\d+$/);
    });

    it('runs a bulk request again, unseen, after a deadlock or a busy database', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const flaky = new Flaky(kind === 'sqlite' ? 'SQLITE_BUSY' : '40P01');
      const { db, ids } = h.services;
      h.services.db = db.withPlugin(flaky);
      h.services.ids = ids?.withPlugin(flaky);
      try {
        // The second sub-request fails twice, after the first has written its records.
        flaky.skip = 1;
        flaky.failures = 2;
        const ok = await d.request({ method: 'POST', url: '/k/v1/bulkRequest.json', as: d.member, payload: bulkAdd(app, 0, 2) });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json().results).toHaveLength(2);
        expect(await count(d, app)).toBe(200);

        flaky.failures = 1_000;
        const busy = await d.request({ method: 'POST', url: '/k/v1/bulkRequest.json', as: d.member, payload: bulkAdd(app, 200, 2) });
        expect(busy.statusCode).toBe(503);
        expect(busy.headers['retry-after']).toBe('1');
        expect(busy.json()).toMatchObject({ code: 'CB_SU01', message: 'The service is temporarily unavailable.', id: expect.any(String) });
        const single = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: 'x' }, code: { value: 'x' } } } });
        expect(single.statusCode).toBe(503);
        expect(single.json().code).toBe('CB_SU01');
      } finally {
        h.services.db = db;
        h.services.ids = ids;
      }
      // Nothing of the failed calls was written, and the same call now succeeds.
      expect(await count(d, app)).toBe(200);
      const again = await d.request({ method: 'POST', url: '/k/v1/bulkRequest.json', as: d.member, payload: bulkAdd(app, 200, 2) });
      expect(again.statusCode, again.body).toBe(200);
      expect(await count(d, app)).toBe(400);
    });
  });

  describe('the like index', () => {
    const rows = async (d: TestDomain, app: number) =>
      (
        await database()
          .db.selectFrom('recordSearch')
          .select(['recordId', 'content'])
          .where('domainId', '=', d.id)
          .where('appId', '=', app)
          .orderBy('recordId')
          .orderBy('content')
          .execute()
      ).map((r) => `${r.recordId}:${r.content}`);

    it('follows adds, partial updates, upserts and deletes, one row per record and text field', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const search = async (q: string) => {
        const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent(`${q} order by $id asc`)}`, as: d.member });
        return res.json().records.map((r: { $id: { value: string } }) => Number(r.$id.value));
      };
      await d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: d.member,
        payload: {
          app,
          records: [
            { title: { value: '東京の倉庫' }, body: { value: '鍵は受付' }, code: { value: 'A' } },
            { title: { value: '大阪の倉庫' }, code: { value: 'B' } },
          ],
        },
      });
      expect(await rows(d, app)).toEqual(['1:A', '1:東京の倉庫', '1:鍵は受付', '2:B', '2:大阪の倉庫']);

      // Only the body changes: the title stays searchable, the old body goes.
      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: 1, record: { body: { value: '鍵は守衛室' } } } });
      expect(await search('title like "東京"')).toEqual([1]);
      expect(await search('body like "守衛"')).toEqual([1]);
      expect(await search('body like "受付"')).toEqual([]);
      // Emptied text leaves the index; an upsert adds one record and updates another by key.
      const upsert = await d.request({
        method: 'PUT',
        url: '/k/v1/records.json',
        as: d.member,
        payload: {
          app,
          upsert: true,
          records: [
            { updateKey: { field: 'code', value: 'B' }, record: { title: { value: '' }, body: { value: '名古屋へ移転' } } },
            { updateKey: { field: 'code', value: 'C' }, record: { title: { value: '福岡の倉庫' } } },
          ],
        },
      });
      expect(upsert.json().records).toEqual([
        { id: '2', revision: '2', operation: 'UPDATE' },
        { id: '3', revision: '1', operation: 'INSERT' },
      ]);
      expect(await rows(d, app)).toEqual(['1:A', '1:東京の倉庫', '1:鍵は守衛室', '2:B', '2:名古屋へ移転', '3:C', '3:福岡の倉庫']);
      expect(await search('title like "倉庫"')).toEqual([1, 3]);
      expect(await search('body like "名古屋"')).toEqual([2]);

      await d.request({ method: 'DELETE', url: '/k/v1/records.json', as: d.member, payload: { app, ids: [1, 3] } });
      expect(await rows(d, app)).toEqual(['2:B', '2:名古屋へ移転']);
      expect(await search('title like "倉庫"')).toEqual([]);
    });

    it('stores and finds text with quotes, braces, backslashes, commas and NULL as sent', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const texts = ['{"a\\b", NULL}', 'NULL', 'say "hi", \\ then {go}', '改行\nと\t🙂 と \'引用\''];
      const add = await d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: d.member,
        payload: { app, records: texts.map((t, i) => ({ title: { value: t }, code: { value: `Q-${i}` } })) },
      });
      expect(add.statusCode, add.body).toBe(200);
      expect(await rows(d, app)).toEqual(texts.flatMap((t, i) => [`${i + 1}:Q-${i}`, `${i + 1}:${t}`].sort()));
      for (const [i, t] of texts.entries()) {
        const got = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=${i + 1}`, as: d.member });
        expect(got.json().record.title.value).toBe(t);
      }
      const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('title like "\\"hi\\", \\\\"')}`, as: d.member });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().records.map((r: { $id: { value: string } }) => r.$id.value)).toEqual(['3']);
    });

    it('lets two records swap unique values in one update', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.member, payload: { app, records: [{ code: { value: 'X' } }, { code: { value: 'Y' } }] } });
      const swap = await d.request({
        method: 'PUT',
        url: '/k/v1/records.json',
        as: d.member,
        payload: { app, records: [{ id: 1, record: { code: { value: 'Y' } } }, { id: 2, record: { code: { value: 'X' } } }] },
      });
      expect(swap.statusCode, swap.body).toBe(200);
      const byKey = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, updateKey: { field: 'code', value: 'X' }, record: { title: { value: 'now X' } } } });
      expect(byKey.statusCode, byKey.body).toBe(200);
      const two = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=2`, as: d.member });
      expect(two.json().record.title.value).toBe('now X');
      const dup = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { code: { value: 'Y' } } } });
      expect(dup.statusCode).toBe(400);
    });
  });
});
