// Graph settings (app/reports.json): replaced whole in preview, live after deploy, checked
// against the form with kintone-style errors, and following the form when fields are renamed or
// deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  amount: { type: 'NUMBER', code: 'amount', label: '金額' },
  due: { type: 'DATE', code: 'due', label: '期日' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: '種別', options: { a: { label: 'a', index: '0' }, b: { label: 'b', index: '1' } } },
  notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: '備考' },
  items: { type: 'SUBTABLE', code: 'items', label: '明細', fields: { qty: { type: 'NUMBER', code: 'qty', label: '数量' } } },
};

const BY_KIND = {
  chartType: 'BAR',
  chartMode: 'NORMAL',
  name: '種別ごと',
  index: '0',
  groups: [{ code: 'kind' }],
  aggregations: [{ type: 'COUNT' }, { type: 'SUM', code: 'amount' }],
  filterCond: 'amount > 0',
  sorts: [{ by: 'TOTAL', order: 'DESC' }],
};

const BY_MONTH = {
  chartType: 'LINE',
  name: '月ごと',
  index: '1',
  groups: [{ code: 'due', per: 'MONTH' }],
  aggregations: [{ type: 'AVERAGE', code: 'amount' }],
  sorts: [{ by: 'GROUP1', order: 'ASC' }],
  periodicReport: { active: true, period: { every: 'MONTH', dayOfMonth: 'END_OF_MONTH', time: '09:00' } },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const put = (d: TestDomain, app: number, reports: unknown, as = d.admin, revision?: string) =>
    d.request({ method: 'PUT', url: '/k/v1/preview/app/reports.json', as, payload: { app, reports, ...(revision ? { revision } : {}) } });
  const get = async (d: TestDomain, app: number, stage: 'live' | 'preview', as = d.admin) => {
    const res = await d.request({ method: 'GET', url: `/k/v1/${stage === 'preview' ? 'preview/' : ''}app/reports.json?app=${app}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { reports: Record<string, Record<string, unknown>>; revision: string };
  };
  const deploy = async (d: TestDomain, app: number) => {
    const res = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    expect(res.statusCode, res.body).toBe(200);
  };

  describe('saving graphs', () => {
    it('answers nothing for a new app, keeps what PUT saves in preview, and shows it live after deploy', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      expect((await get(d, app, 'live')).reports).toEqual({});
      const saved = await put(d, app, { 種別ごと: BY_KIND, 月ごと: BY_MONTH });
      expect(saved.statusCode, saved.body).toBe(200);
      const ids = saved.json().reports as Record<string, { id: string }>;
      expect(Object.keys(ids).sort()).toEqual(['月ごと', '種別ごと'].sort());
      expect(ids['種別ごと']!.id).not.toBe(ids['月ごと']!.id);
      const preview = await get(d, app, 'preview');
      expect(preview.revision).toBe(saved.json().revision);
      expect(preview.reports['種別ごと']).toEqual({ ...BY_KIND, id: ids['種別ごと']!.id, periodicReport: null });
      // chartMode belongs to bar, column and area charts only; the rest take the defaults.
      expect(preview.reports['月ごと']).toEqual({ ...BY_MONTH, id: ids['月ごと']!.id, filterCond: '' });
      expect((await get(d, app, 'live')).reports).toEqual({});
      await deploy(d, app);
      expect((await get(d, app, 'live')).reports).toEqual(preview.reports);
      // Anyone who may read the app reads its live graphs; only its managers read preview.
      expect((await get(d, app, 'live', d.member)).reports).toEqual(preview.reports);
      const previewAsMember = await d.request({ method: 'GET', url: `/k/v1/preview/app/reports.json?app=${app}`, as: d.member });
      expect([previewAsMember.statusCode, previewAsMember.json().code]).toEqual([403, 'CB_NO02']);
    });

    it('replaces the whole set: a graph left out is deleted, one kept or renamed keeps its id', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const first = (await put(d, app, { 種別ごと: BY_KIND, 月ごと: BY_MONTH })).json().reports;
      // Renamed through its old key, and updated without restating what stays the same.
      const second = await put(d, app, { 種別ごと: { chartType: 'PIE', name: '種別', index: 0 } });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json().reports).toEqual({ 種別: { id: first['種別ごと'].id } });
      const reports = (await get(d, app, 'preview')).reports;
      expect(Object.keys(reports)).toEqual(['種別']);
      expect(reports['種別']).toMatchObject({ chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: BY_KIND.aggregations, filterCond: 'amount > 0' });
      expect(reports['種別']).not.toHaveProperty('chartMode');
      const third = await put(d, app, { 月ごと: BY_MONTH });
      expect(third.json().reports['月ごと'].id).not.toBe(first['月ごと'].id);
      expect(Object.keys((await put(d, app, {})).json().reports)).toEqual([]);
    });

    it('checks the revision', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const stale = await put(d, app, { 種別ごと: BY_KIND }, d.admin, '1');
      expect([stale.statusCode, stale.json().code]).toEqual([409, 'GAIA_CO02']);
    });

    it('lets only the app’s managers change graphs', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const res = await put(d, app, { 種別ごと: BY_KIND }, d.member);
      expect([res.statusCode, res.json().code]).toEqual([403, 'CB_NO02']);
    });
  });

  describe('checks', () => {
    const problems = async (reports: unknown) => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const res = await put(d, app, reports);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      return res.json().errors as Record<string, { messages: string[] }>;
    };

    it('names every bad field and setting at once, kintone-style', async () => {
      const errors = await problems({
        g: {
          chartType: 'COLUMN',
          index: 0,
          groups: [{ code: 'nope' }, { code: 'notes' }, { code: 'due' }],
          aggregations: [{ type: 'SUM', code: 'title' }, { type: 'MAX', code: 'qty' }, { type: 'MEDIAN' }],
          sorts: [{ by: 'GROUP3', order: 'UP' }],
        },
      });
      expect(Object.keys(errors).sort()).toEqual(
        [
          'reports.g.chartMode',
          'reports.g.groups[0].code',
          'reports.g.groups[1].code',
          'reports.g.groups[2].per',
          'reports.g.aggregations[0].code',
          'reports.g.aggregations[1].code',
          'reports.g.aggregations[2].type',
          'reports.g.sorts[0].order',
        ].sort(),
      );
      expect(errors['reports.g.groups[0].code']!.messages).toEqual(['The specified field (code: nope) is not found.']);
      expect(errors['reports.g.groups[1].code']!.messages).toEqual(['The field (code: notes) cannot be used to group a graph.']);
      expect(errors['reports.g.aggregations[0].code']!.messages).toEqual(['The field (code: title) cannot be aggregated this way.']);
      // Columns of tables are not the graph's to use.
      expect(errors['reports.g.aggregations[1].code']!.messages).toEqual(['The specified field (code: qty) is not found.']);
    });

    it('holds each chart type to its number of groups and aggregations', async () => {
      const base = { index: 0, aggregations: [{ type: 'COUNT' }] };
      expect(Object.keys(await problems({ p: { ...base, chartType: 'PIVOT_TABLE', groups: [{ code: 'kind' }] } }))).toEqual(['reports.p.groups']);
      expect(Object.keys(await problems({ t: { ...base, chartType: 'TABLE', groups: [{ code: 'kind' }, { code: 'title' }] } }))).toEqual(['reports.t.groups']);
      expect(Object.keys(await problems({ c: { ...base, chartType: 'PIE', groups: [] } }))).toEqual(['reports.c.groups']);
      expect(Object.keys(await problems({ c: { chartType: 'PIE', index: 0, groups: [{ code: 'kind' }], aggregations: [] } }))).toEqual(['reports.c.aggregations']);
      const six = Array.from({ length: 6 }, () => ({ type: 'COUNT' }));
      expect(Object.keys(await problems({ c: { chartType: 'PIE', index: 0, groups: [{ code: 'kind' }], aggregations: six } }))).toEqual(['reports.c.aggregations']);
      const four = [{ code: 'kind' }, { code: 'title' }, { code: 'amount' }, { code: 'due', per: 'DAY' }];
      expect(Object.keys(await problems({ c: { ...base, chartType: 'TABLE', groups: four } }))).toEqual(['reports.c.groups']);
    });

    it('refuses a unit a field cannot take, duplicate names and indexes, and a bad condition', async () => {
      const ok = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'COUNT' }] };
      expect(Object.keys(await problems({ d: { ...ok, index: 0, groups: [{ code: 'due', per: 'HOUR' }] } }))).toEqual(['reports.d.groups[0].per']);
      expect(Object.keys(await problems({ a: { ...ok, index: 1 }, b: { ...ok, index: 1 } }))).toEqual(['reports.b.index']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, name: 'other' } }))).toEqual(['reports.a.name']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, name: 'x'.repeat(65) } }))).toEqual(['reports.a.name']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, filterCond: 'nope = 1' } }))).toEqual(['reports.a.filterCond']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, filterCond: 'amount > 1 order by amount' } }))).toEqual(['reports.a.filterCond']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, filterCond: 'kind in ("no such option")' } }))).toEqual(['reports.a.filterCond']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, filterCond: 'title > 3' } }))).toEqual(['reports.a.filterCond']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, sorts: [{ by: 'TOTAL', order: 'ASC' }, { by: 'TOTAL', order: 'DESC' }] } }))).toEqual(['reports.a.sorts[1].by']);
      expect(Object.keys(await problems({ a: { ...ok, index: 0, periodicReport: { active: true, period: { every: 'WEEK', time: '25:00' } } } })).sort()).toEqual(
        ['reports.a.periodicReport.period.dayOfWeek', 'reports.a.periodicReport.period.time'].sort(),
      );
    });
  });

  describe('following the form', () => {
    it('renames fields in graphs, and forgets deleted ones (a graph left with nothing to show goes)', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const two = { ...BY_KIND, chartType: 'PIVOT_TABLE', name: 'cross', index: '2', groups: [{ code: 'kind' }, { code: 'title' }], sorts: [{ by: 'GROUP2', order: 'ASC' }] };
      expect((await put(d, app, { 種別ごと: BY_KIND, 月ごと: BY_MONTH, cross: two })).statusCode).toBe(200);
      const rename = await d.request({ method: 'PUT', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, properties: { amount: { code: 'price' } } } });
      expect(rename.statusCode, rename.body).toBe(200);
      expect((await get(d, app, 'preview')).reports['種別ごと']!.aggregations).toEqual([{ type: 'COUNT' }, { type: 'SUM', code: 'price' }]);
      const drop = await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, fields: ['price', 'title'] } });
      expect(drop.statusCode, drop.body).toBe(200);
      const reports = (await get(d, app, 'preview')).reports;
      // 月ごと averaged price only; the cross table lost one of its two groups.
      expect(Object.keys(reports)).toEqual(['種別ごと']);
      expect(reports['種別ごと']).toMatchObject({ aggregations: [{ type: 'COUNT' }], index: '0' });
    });
  });
});
