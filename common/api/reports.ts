// Graphs: kintone's settings API (`app/reports.json`, live and `/preview/`) and our data API
// (`app/report/data.json`) that aggregates a saved or an ad-hoc graph for the caller. Request
// schemas and answer types shared by the server, the web client and the tests. The definitions
// themselves are checked by common/reports/, so that problems are keyed the way kintone keys them.
import { z } from 'zod';
import type { AggregationType, GroupPeriod, ValueKind } from '../reports/fields.js';
import type { ChartMode, ChartType, Report } from '../reports/definition.js';
import { revisionParam } from './apps.js';
import { numericId } from './params.js';

export const REPORTS_PATH = '/k/v1/app/reports.json';
export const PREVIEW_REPORTS_PATH = '/k/v1/preview/app/reports.json';
/**
 * Ours, under kintone's prefix like our other app-scoped calls (record/history.json,
 * preview/app/apiTokens.json), so that a guest space's apps answer under
 * `/k/guest/{id}/v1/app/report/data.json` like every other call on them.
 */
export const REPORT_DATA_PATH = '/k/v1/app/report/data.json';

export const updateReportsInput = z.object({ app: numericId, reports: z.record(z.string(), z.unknown()), revision: revisionParam });

/** An extra condition in the query language (no `order by`, `limit` or `offset`). */
const filterParam = z.string().max(10_000).optional();

export const reportDataInput = z.object({ app: numericId, report: numericId.transform(String), filter: filterParam });

export const adHocReportDataInput = z.object({ app: numericId, definition: z.record(z.string(), z.unknown()), filter: filterParam });

export interface ReportsJson {
  reports: Record<string, Report>;
  revision: string;
}

/** One category of a group level: `key` identifies it (and sorts), `label` is what to show. */
export interface ReportCategory {
  key: string;
  label: string;
}

/** What a value is, and so how `series[].data` encodes it (docs/api.md, "Graphs"). */
export type ReportValueType = 'count' | ValueKind;

export interface ReportDataJson {
  chartType: ChartType;
  chartMode?: ChartMode;
  groups: Array<{ code: string; label: string; type: string; per?: GroupPeriod; categories: ReportCategory[] }>;
  aggregations: Array<{ type: AggregationType; code?: string; label?: string; valueType: ReportValueType }>;
  /** One per aggregation and combination of the deeper groups' keys, aligned to groups[0].categories. */
  series: Array<{ name: string; aggregation: number; keys: string[]; stack?: string; data: Array<number | null>; share?: Array<number | null> }>;
  /** Every combination of group keys that has records, in display order; values exact, as text. */
  rows: Array<{ keys: string[]; count: number; values: Array<string | null> }>;
  /** Per group level above the last: the values of each prefix of keys that `rows` shows. */
  subtotals: Array<{ keys: string[]; count: number; values: Array<string | null> }>;
  totals: { count: number; values: Array<string | null> };
  /** PIVOT_TABLE: rows are the first groups' keys, columns the last group's. */
  pivot?: {
    rows: Array<{ keys: string[]; labels: string[] }>;
    columns: ReportCategory[];
    cells: Array<Array<Array<string | null> | null>>;
    rowTotals: Array<Array<string | null>>;
    columnTotals: Array<Array<string | null>>;
    total: Array<string | null>;
  };
  /** More combinations existed than kintone shows (500 in a chart, 10,000 in a table). */
  truncated: boolean;
}
