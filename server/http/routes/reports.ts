// Graphs: kintone's settings (GET on live and preview, PUT on preview; live after deploy) and our
// data call, which aggregates a saved live graph or an ad-hoc definition over the records the
// caller may view (app's view right, record and field permissions: domain/reports/aggregate.ts).
import { appParam } from '../../../common/api/apps.js';
import { PREVIEW_REPORTS_PATH, REPORTS_PATH, REPORT_DATA_PATH, adHocReportDataInput, reportDataInput, updateReportsInput } from '../../../common/api/reports.js';
import { readStage } from '../../domain/apps/load-app.js';
import { adHocReportData, savedReportData } from '../../domain/reports/aggregate.js';
import { reportsOf, updateReports } from '../../domain/reports/update-reports.js';
import { defineRoute } from '../route.js';

export const reportRoutes = [
  ...(['live', 'preview'] as const).map((stage) =>
    defineRoute({
      method: 'GET',
      url: stage === 'live' ? REPORTS_PATH : PREVIEW_REPORTS_PATH,
      access: 'app.read',
      input: appParam,
      handler: async ({ input, read }) => {
        const { revision, definition } = await readStage(read(), input.app, stage);
        return { reports: reportsOf(definition), revision: String(revision) };
      },
    }),
  ),
  defineRoute({
    method: 'PUT',
    url: PREVIEW_REPORTS_PATH,
    access: 'app.manage',
    input: updateReportsInput,
    handler: async ({ input, command }) => {
      const { revision, reports } = await command((ctx) => updateReports(ctx, input.app, input.reports, input.revision));
      return { reports, revision: String(revision) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: REPORT_DATA_PATH,
    access: 'app.read',
    input: reportDataInput,
    handler: async ({ input, read }) => savedReportData(read(), input.app, input.report, input.filter),
  }),
  defineRoute({
    method: 'POST',
    url: REPORT_DATA_PATH,
    access: 'app.read',
    input: adHocReportDataInput,
    handler: async ({ input, read }) => adHocReportData(read(), input.app, input.definition, input.filter),
  }),
];
