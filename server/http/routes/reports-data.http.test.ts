// Graph data (app/report/data.json): each aggregation, exact; categories by field value, by each
// checked option and each selected user, by status, and by period in the caller's time zone; the
// cross table with its totals; sorts; kintone's 500-item limit; saved and ad-hoc graphs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDataJson } from '../../../common/api/reports.js';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const options = (...names: string[]) => Object.fromEntries(names.map((n, i) => [n, { label: n, index: String(i) }]));

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: options('a', 'b', 'c') },
  tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: options('x', 'y', 'z') },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  at: { type: 'DATETIME', code: 'at', label: 'At' },
  due: { type: 'DATE', code: 'due', label: 'Due' },
};

const rec = (title: string, kind: string, amount: string, tags: string[], owner: string[], at: string, due: string) => ({
  title: { value: title },
  kind: { value: kind },
  amount: { value: amount },
  tags: { value: tags },
  owner: { value: owner.map((code) => ({ code })) },
  at: { value: at },
  due: { value: due },
});

/**
 * r1 and r2 sit either side of midnight in Tokyo (r1 at 23:59 on 31 March, r2 at 00:00 on
 * 1 April) but on the same day in UTC; r5 is 2025 in UTC and 2026 in Tokyo. r4 has no amount,
 * r3 no tags, r5 no kind.
 */
const RECORDS = [
  rec('r1', 'a', '10.1', ['x', 'y'], ['member'], '2026-03-31T14:59:00Z', '2026-01-15'),
  rec('r2', 'a', '0.2', ['x'], ['member', 'carol'], '2026-03-31T15:00:00Z', '2026-02-01'),
  rec('r3', 'b', '5', [], ['carol'], '2026-04-02T00:00:00Z', ''),
  rec('r4', 'b', '', ['z'], [], '', '2026-04-01'),
  rec('r5', '', '-3', ['y'], ['member'], '2025-12-31T23:30:00Z', '2025-12-31'),
];

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    carol: Persona;
  }

  async function world(): Promise<World> {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    // carol reads in UTC; everyone else in the default Asia/Tokyo.
    const people = await d.request({
      method: 'PUT',
      url: '/v1/users.json',
      as: d.admin,
      payload: { users: [{ code: 'carol', name: 'Carol C', timezone: 'UTC' }, { code: 'member', name: 'Member M' }] },
    });
    expect(people.statusCode, people.body).toBe(200);
    const app = await deployedApp(d, FIELDS);
    const add = await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.admin, payload: { app, records: RECORDS } });
    expect(add.statusCode, add.body).toBe(200);
    return { d, app, carol };
  }

  const adHoc = async (w: World, definition: object, as?: Persona, filter?: string): Promise<ReportDataJson> => {
    const res = await w.d.request({ method: 'POST', url: '/k/v1/app/report/data.json', as: as ?? w.d.admin, payload: { app: w.app, definition, ...(filter ? { filter } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Category keys with each row's values, for compact expectations. */
  const table = (r: ReportDataJson) => r.rows.map((row) => [...row.keys, ...row.values]);
  const by = (code: string, per?: string) => ({ chartType: 'COLUMN', chartMode: 'NORMAL', groups: [{ code, ...(per ? { per } : {}) }], aggregations: [{ type: 'COUNT' }] });

  describe('aggregations', () => {
    it('counts, sums, averages and takes the largest and smallest, exactly', async () => {
      const w = await world();
      const r = await adHoc(w, {
        chartType: 'TABLE',
        groups: [{ code: 'kind' }],
        aggregations: [{ type: 'COUNT' }, { type: 'SUM', code: 'amount' }, { type: 'AVERAGE', code: 'amount' }, { type: 'MAX', code: 'amount' }, { type: 'MIN', code: 'amount' }],
        sorts: [{ by: 'GROUP1', order: 'ASC' }],
      });
      // 10.1 + 0.2 is 10.3, not 10.299999999999999; r4's empty amount counts as a record, not a value.
      expect(table(r)).toEqual([
        ['a', '2', '10.3', '5.15', '10.1', '0.2'],
        ['b', '2', '5', '5', '5', '5'],
      ]);
      // r5 has no kind: it is in no category and in no total (kintone leaves it out).
      expect(r.totals).toEqual({ count: 4, values: ['4', '15.3', '5.1', '10.1', '0.2'] });
      expect(r.aggregations.map((a) => a.valueType)).toEqual(['count', 'number', 'number', 'number', 'number']);
      expect(r.truncated).toBe(false);
    });

    it('aggregates without groups in a table, and takes the latest and earliest date-time', async () => {
      const w = await world();
      const r = await adHoc(w, { chartType: 'TABLE', groups: [], aggregations: [{ type: 'COUNT' }, { type: 'MAX', code: 'at' }, { type: 'MIN', code: 'at' }, { type: 'MAX', code: 'due' }] });
      expect(r.rows).toEqual([{ keys: [], count: 5, values: ['5', '2026-04-02T00:00:00Z', '2025-12-31T23:30:00Z', '2026-04-01'] }]);
      expect(r.aggregations.map((a) => a.valueType)).toEqual(['count', 'datetime', 'datetime', 'date']);
    });

    it('adds up calculated durations in seconds, and groups times by the hour', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, {
        start: { type: 'TIME', code: 'start', label: 'Start' },
        end: { type: 'TIME', code: 'end', label: 'End' },
        worked: { type: 'CALC', code: 'worked', label: 'Worked', expression: 'end - start', format: 'HOUR_MINUTE' },
      });
      const shift = (start: string, end: string) => ({ start: { value: start }, end: { value: end } });
      const add = await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.admin, payload: { app, records: [shift('09:00', '10:30'), shift('09:30', '12:00'), shift('13:00', '13:20')] } });
      expect(add.statusCode, add.body).toBe(200);
      const r = await adHoc({ d, app, carol: d.member }, {
        chartType: 'COLUMN',
        chartMode: 'NORMAL',
        groups: [{ code: 'start', per: 'HOUR' }],
        aggregations: [{ type: 'SUM', code: 'worked' }, { type: 'AVERAGE', code: 'worked' }, { type: 'MAX', code: 'end' }],
        sorts: [{ by: 'GROUP1', order: 'ASC' }],
      });
      expect(table(r)).toEqual([
        ['09', '14400', '7200', '12:00'],
        ['13', '1200', '1200', '13:20'],
      ]);
      expect(r.groups[0]!.categories.map((c) => c.label)).toEqual(['09:00', '13:00']);
      expect(r.aggregations.map((a) => a.valueType)).toEqual(['duration', 'duration', 'time']);
      expect(r.series[2]!.data).toEqual([12 * 3_600_000, (13 * 60 + 20) * 60_000]);
    });

    it('sorts by total or by group, and applies an extra filter on top of the graph’s own', async () => {
      const w = await world();
      const sum = { chartType: 'BAR', chartMode: 'NORMAL', groups: [{ code: 'kind' }], aggregations: [{ type: 'SUM', code: 'amount' }] };
      expect(table(await adHoc(w, { ...sum, sorts: [{ by: 'TOTAL', order: 'ASC' }] }))).toEqual([['b', '5'], ['a', '10.3']]);
      expect(table(await adHoc(w, { ...sum, sorts: [{ by: 'GROUP1', order: 'DESC' }] }))).toEqual([['b', '5'], ['a', '10.3']]);
      // No sort given: the largest total first.
      expect(table(await adHoc(w, sum))).toEqual([['a', '10.3'], ['b', '5']]);
      const filtered = await adHoc(w, { ...sum, filterCond: 'amount >= 1' }, undefined, 'title in ("r1", "r2", "r4")');
      expect(table(filtered)).toEqual([['a', '10.1']]);
      const bad = await w.d.request({ method: 'POST', url: '/k/v1/app/report/data.json', as: w.d.admin, payload: { app: w.app, definition: sum, filter: 'amount > 1 order by amount' } });
      expect([bad.statusCode, Object.keys(bad.json().errors)]).toEqual([400, ['filter']]);
    });
  });

  describe('categories', () => {
    it('puts a record in each checked option, counting it once in the totals', async () => {
      const w = await world();
      const r = await adHoc(w, { chartType: 'COLUMN', chartMode: 'NORMAL', groups: [{ code: 'tags' }], aggregations: [{ type: 'COUNT' }, { type: 'SUM', code: 'amount' }], sorts: [{ by: 'GROUP1', order: 'ASC' }] });
      expect(table(r)).toEqual([
        ['x', '2', '10.3'],
        ['y', '2', '7.1'],
        ['z', '1', '0'],
      ]);
      expect(r.totals).toEqual({ count: 4, values: ['4', '7.3'] });
      expect(r.groups[0]!.categories).toEqual([{ key: 'x', label: 'x' }, { key: 'y', label: 'y' }, { key: 'z', label: 'z' }]);
      expect(r.series).toEqual([{ name: 'COUNT', aggregation: 0, keys: [], data: [2, 2, 1] }, { name: 'SUM(Amount)', aggregation: 1, keys: [], data: [10.3, 7.1, 0] }]);
    });

    it('puts a record under each selected user, named with today’s names', async () => {
      const w = await world();
      const r = await adHoc(w, by('owner'));
      expect(table(r)).toEqual([['member', '3'], ['carol', '2']]);
      expect(r.groups[0]!.categories).toEqual([{ key: 'member', label: 'Member M' }, { key: 'carol', label: 'Carol C' }]);
      const creators = await adHoc(w, by('Created_by'));
      expect(creators.groups[0]!.categories).toEqual([{ key: 'admin', label: 'admin' }]);
      expect(table(creators)).toEqual([['admin', '5']]);
    });

    it('groups date-times by period in the caller’s time zone, and dates as they are', async () => {
      const w = await world();
      const tokyo = await adHoc(w, by('at', 'DAY'));
      expect(table(tokyo)).toEqual([['2026-01-01', '1'], ['2026-03-31', '1'], ['2026-04-01', '1'], ['2026-04-02', '1']]);
      expect(table(await adHoc(w, by('at', 'DAY'), w.carol))).toEqual([['2025-12-31', '1'], ['2026-03-31', '2'], ['2026-04-02', '1']]);
      expect(table(await adHoc(w, by('at', 'YEAR'), w.carol))).toEqual([['2025', '1'], ['2026', '3']]);
      expect(table(await adHoc(w, by('at', 'YEAR')))).toEqual([['2026', '4']]);
      expect(table(await adHoc(w, by('at', 'MONTH')))).toEqual([['2026-01', '1'], ['2026-03', '1'], ['2026-04', '2']]);
      // Quarters from the app's first month of the fiscal year (April): Jan–Mar and Apr–Jun.
      const quarters = await adHoc(w, by('at', 'QUARTER'));
      expect(table(quarters)).toEqual([['2026-01', '2'], ['2026-04', '2']]);
      expect(quarters.groups[0]!.categories.map((c) => c.label)).toEqual(['2026-01 – 2026-03', '2026-04 – 2026-06']);
      // Weeks start on Sunday.
      expect(table(await adHoc(w, by('at', 'WEEK')))).toEqual([['2025-12-28', '1'], ['2026-03-29', '3']]);
      expect(table(await adHoc(w, by('at', 'HOUR')))).toEqual([['2026-01-01T08', '1'], ['2026-03-31T23', '1'], ['2026-04-01T00', '1'], ['2026-04-02T09', '1']]);
      expect(table(await adHoc(w, by('at', 'MINUTE'), w.carol)).map((r) => r[0])).toEqual(['2025-12-31T23:30', '2026-03-31T14:59', '2026-03-31T15:00', '2026-04-02T00:00']);
      const dates = [['2025-12', '1'], ['2026-01', '1'], ['2026-02', '1'], ['2026-04', '1']];
      expect(table(await adHoc(w, by('due', 'MONTH')))).toEqual(dates);
      expect(table(await adHoc(w, by('due', 'MONTH'), w.carol))).toEqual(dates);
      // The records' own created time, from its column (the test clock: 1 April 2026, 00:00 UTC).
      expect(table(await adHoc(w, by('Created_datetime', 'DAY')))).toEqual([['2026-04-01', '5']]);
      expect(table(await adHoc(w, by('Created_datetime', 'DAY'), w.carol))).toEqual([['2026-04-01', '5']]);
    });

    it('groups by status in the order of the states, once process management is on', async () => {
      const w = await world();
      const off = await w.d.request({ method: 'POST', url: '/k/v1/app/report/data.json', as: w.d.admin, payload: { app: w.app, definition: by('Status') } });
      expect([off.statusCode, off.json().code]).toEqual([400, 'GAIA_ST02']);
      const flow = {
        enable: true,
        states: {
          Todo: { name: 'Todo', index: 0, assignee: { type: 'ONE', entities: [] } },
          Doing: { name: 'Doing', index: 1, assignee: { type: 'ONE', entities: [] } },
          Done: { name: 'Done', index: 2, assignee: { type: 'ONE', entities: [] } },
        },
        actions: [
          { name: 'Start', from: 'Todo', to: 'Doing' },
          { name: 'Finish', from: 'Doing', to: 'Done' },
        ],
      };
      const put = await w.d.request({ method: 'PUT', url: '/k/v1/preview/app/status.json', as: w.d.admin, payload: { app: w.app, ...flow } });
      expect(put.statusCode, put.body).toBe(200);
      await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.admin, payload: { apps: [{ app: w.app }] } });
      const move = (id: number, action: string) => w.d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: w.d.admin, payload: { app: w.app, id, action } });
      for (const [id, action] of [[1, 'Start'], [2, 'Start'], [2, 'Finish']] as const) expect((await move(id, action)).statusCode).toBe(200);
      const r = await adHoc(w, { ...by('Status'), sorts: [{ by: 'GROUP1', order: 'ASC' }] });
      expect(table(r)).toEqual([['Todo', '3'], ['Doing', '1'], ['Done', '1']]);
    });
  });

  describe('shapes', () => {
    it('draws two groups as one series per key of the second, stacked on request', async () => {
      const w = await world();
      const r = await adHoc(w, { chartType: 'COLUMN', chartMode: 'PERCENTAGE', groups: [{ code: 'kind' }, { code: 'tags' }], aggregations: [{ type: 'COUNT' }], sorts: [{ by: 'GROUP1', order: 'ASC' }] });
      expect(r.groups.map((g) => g.categories.map((c) => c.key))).toEqual([['a', 'b'], ['x', 'y', 'z']]);
      expect(r.series.map((s) => [s.name, s.keys, s.stack, s.data])).toEqual([
        ['x', ['x'], 'a0', [2, null]],
        ['y', ['y'], 'a0', [1, null]],
        ['z', ['z'], 'a0', [null, 1]],
      ]);
      expect(r.series[0]!.share![0]).toBeCloseTo(66.667, 2);
      expect(r.series[2]!.share).toEqual([null, 100]);
      // Each first-level category's own total: r1 counts once in a although it is in x and in y.
      expect(r.subtotals).toEqual([{ keys: ['a'], count: 2, values: ['2'] }, { keys: ['b'], count: 1, values: ['1'] }]);
    });

    it('crosses two groups in a table with row, column and grand totals', async () => {
      const w = await world();
      const r = await adHoc(w, {
        chartType: 'PIVOT_TABLE',
        groups: [{ code: 'kind' }, { code: 'tags' }],
        aggregations: [{ type: 'COUNT' }, { type: 'SUM', code: 'amount' }],
        sorts: [{ by: 'GROUP1', order: 'ASC' }, { by: 'GROUP2', order: 'ASC' }],
      });
      expect(r.pivot).toEqual({
        rows: [{ keys: ['a'], labels: ['a'] }, { keys: ['b'], labels: ['b'] }],
        columns: [{ key: 'x', label: 'x' }, { key: 'y', label: 'y' }, { key: 'z', label: 'z' }],
        cells: [
          [['2', '10.3'], ['1', '10.1'], null],
          [null, null, ['1', '0']],
        ],
        rowTotals: [['2', '10.3'], ['1', '0']],
        columnTotals: [['2', '10.3'], ['1', '10.1'], ['1', '0']],
        total: ['3', '10.3'],
      });
      expect(r.totals.values).toEqual(['3', '10.3']);
      // Tables are read from rows and the matrix; series are for charts.
      expect(r.series).toEqual([]);
    });

    it('shows at most 500 items in a chart and says it cut them; a table shows up to 10,000', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, { title: FIELDS.title });
      for (let start = 0; start < 501; start += 100) {
        const records = Array.from({ length: Math.min(100, 501 - start) }, (_, i) => ({ title: { value: `t${String(start + i).padStart(3, '0')}` } }));
        expect((await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.admin, payload: { app, records } })).statusCode).toBe(200);
      }
      const w = { d, app, carol: d.member };
      const chart = await adHoc(w, { ...by('title'), sorts: [{ by: 'GROUP1', order: 'ASC' }] });
      expect([chart.rows.length, chart.groups[0]!.categories.length, chart.series[0]!.data.length, chart.truncated, chart.totals.count]).toEqual([500, 500, 500, true, 501]);
      expect(chart.rows.at(-1)!.keys).toEqual(['t499']);
      const whole = await adHoc(w, { chartType: 'TABLE', groups: [{ code: 'title' }], aggregations: [{ type: 'COUNT' }] });
      expect([whole.rows.length, whole.truncated]).toEqual([501, false]);
    });
  });

  describe('saved graphs', () => {
    it('aggregates a live graph by id, like the same definition sent ad hoc', async () => {
      const w = await world();
      const definition = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'SUM', code: 'amount' }], filterCond: 'amount > 1', sorts: [{ by: 'TOTAL', order: 'DESC' }] };
      const saved = await w.d.request({ method: 'PUT', url: '/k/v1/preview/app/reports.json', as: w.d.admin, payload: { app: w.app, reports: { pie: { ...definition, index: 0 } } } });
      expect(saved.statusCode, saved.body).toBe(200);
      const id = saved.json().reports.pie.id as string;
      const ask = () => w.d.request({ method: 'GET', url: `/k/v1/app/report/data.json?app=${w.app}&report=${id}`, as: w.d.member });
      // Not live until deployed.
      expect([(await ask()).statusCode, (await ask()).json().code]).toEqual([400, 'CB_VA01']);
      await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.admin, payload: { apps: [{ app: w.app }] } });
      const res = await ask();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(await adHoc(w, definition, w.d.member));
      expect(table(res.json())).toEqual([['a', '10.1'], ['b', '5']]);
    });
  });
});
