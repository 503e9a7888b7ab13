// Graph settings through @kintone/rest-api-client: updateReports in preview, getReports on
// preview and, after deploy, live, with the client's own request and answer shapes; a refusal
// as the client reports it. Then our data call over the same graph, as the web app makes it.
import { describe, expect, it } from 'vitest';
import { deployAndWait, deployedApp, eachKintoneServer, kintoneError } from '../support/kintone.js';

eachKintoneServer((server) => {
  describe('graphs', () => {
    it('saves, reads, deploys and replaces graphs as the client expects', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, {
        properties: {
          kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: { a: { label: 'a', index: '0' }, b: { label: 'b', index: '1' } } },
          amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
          due: { type: 'DATE', code: 'due', label: 'Due' },
        },
      });
      await admin.record.addRecords({ app, records: [{ kind: { value: 'a' }, amount: { value: '1.5' }, due: { value: '2026-04-01' } }, { kind: { value: 'b' }, amount: { value: '2.25' }, due: { value: '2026-05-01' } }] });
      const { revision: before } = await admin.app.getReports({ app, preview: true });
      const saved = await admin.app.updateReports({
        app,
        revision: before,
        reports: {
          'By kind': { chartType: 'COLUMN', chartMode: 'STACKED', name: 'By kind', index: 0, groups: [{ code: 'kind' }], aggregations: [{ type: 'SUM', code: 'amount' }], sorts: [{ by: 'TOTAL', order: 'DESC' }] },
          Monthly: { chartType: 'PIVOT_TABLE', name: 'Monthly', index: 1, groups: [{ code: 'due', per: 'MONTH' }, { code: 'kind' }], aggregations: [{ type: 'COUNT' }], filterCond: 'amount > 0' },
        },
      });
      expect(saved.revision).toBe(String(Number(before) + 1));
      const kindId = saved.reports['By kind']!.id;
      const preview = await admin.app.getReports({ app, preview: true });
      expect(preview).toStrictEqual({
        reports: {
          'By kind': {
            chartType: 'COLUMN',
            chartMode: 'STACKED',
            id: kindId,
            name: 'By kind',
            index: '0',
            groups: [{ code: 'kind' }],
            aggregations: [{ type: 'SUM', code: 'amount' }],
            filterCond: '',
            sorts: [{ by: 'TOTAL', order: 'DESC' }],
            periodicReport: null,
          },
          Monthly: {
            chartType: 'PIVOT_TABLE',
            id: saved.reports.Monthly!.id,
            name: 'Monthly',
            index: '1',
            groups: [{ code: 'due', per: 'MONTH' }, { code: 'kind' }],
            aggregations: [{ type: 'COUNT' }],
            filterCond: 'amount > 0',
            sorts: [],
            periodicReport: null,
          },
        },
        revision: saved.revision,
      });
      expect((await admin.app.getReports({ app })).reports).toStrictEqual({});
      await deployAndWait(admin, [app]);
      expect((await s.client(s.member).app.getReports({ app, lang: 'en' })).reports).toStrictEqual(preview.reports);

      // Replacing the set: Monthly goes, By kind keeps its id.
      const replaced = await admin.app.updateReports({ app, reports: { 'By kind': { chartType: 'PIE', name: 'By kind', index: 0 } } });
      expect(replaced.reports).toStrictEqual({ 'By kind': { id: kindId } });
      const refused = await kintoneError(admin.app.updateReports({ app, reports: { Bad: { chartType: 'BAR', chartMode: 'NORMAL', name: 'Bad', index: 0, groups: [{ code: 'nope' }], aggregations: [{ type: 'COUNT' }] } } }), 400, 'CB_VA01');
      expect(Object.keys(refused.errors as object)).toEqual(['reports.Bad.groups[0].code']);

      // The live graph's data, as the web app asks for it.
      const res = await s.fetch(`/k/v1/app/report/data.json?app=${app}&report=${kindId}`);
      expect(res.status).toBe(200);
      const data = (await res.json()) as { groups: Array<{ categories: Array<{ key: string }> }>; series: Array<{ stack?: string; data: number[] }> };
      expect(data.groups[0]!.categories.map((c) => c.key)).toEqual(['b', 'a']);
      expect(data.series).toEqual([{ name: 'SUM(Amount)', aggregation: 0, keys: [], stack: 'a0', data: [2.25, 1.5] }]);
    });
  });
});
