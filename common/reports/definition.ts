// A graph's definition (kintone's "report": app/reports.json) and its checks against an app's
// fields. Pure: the settings PUT, the aggregation engine (a saved report or an ad-hoc one from
// the graph builder) and the web app read the same rules. Problems are collected, never thrown,
// keyed the way kintone keys its `errors` map (`reports.<name>.groups[0].code`).
import type { Property } from '../fields/index.js';
import { type ProblemSink, echo } from '../fields/problems.js';
import { isObject } from '../fields/types.js';
import { type AggregationType, type GroupPeriod, GROUP_PERIODS, aggregates, groupKindOf, periodsOf, valueKindOf } from './fields.js';
import { type PeriodicReport, parsePeriodicReport } from './periodic.js';

export const CHART_TYPES = ['BAR', 'COLUMN', 'PIE', 'LINE', 'PIVOT_TABLE', 'TABLE', 'AREA', 'SPLINE', 'SPLINE_AREA'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const CHART_MODES = ['NORMAL', 'STACKED', 'PERCENTAGE'] as const;
export type ChartMode = (typeof CHART_MODES)[number];
/** kintone answers `chartMode` for these only, and requires it for them. */
export const MODED_CHARTS: ReadonlySet<ChartType> = new Set(['BAR', 'COLUMN', 'AREA', 'SPLINE_AREA']);
export const AGGREGATION_TYPES = ['COUNT', 'SUM', 'AVERAGE', 'MAX', 'MIN'] as const;
export const SORT_KEYS = ['TOTAL', 'GROUP1', 'GROUP2', 'GROUP3'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const MAX_GROUPS = 3;
export const MAX_AGGREGATIONS = 5;
export const MAX_FILTER_LENGTH = 10_000;

export interface ReportGroup {
  code: string;
  per?: GroupPeriod;
}
export interface ReportAggregation {
  type: AggregationType;
  code?: string;
}
export interface ReportSort {
  by: SortKey;
  order: 'ASC' | 'DESC';
}

/** What the aggregation needs: a saved report, or an ad-hoc one from the graph builder. */
export interface ReportDefinition {
  chartType: ChartType;
  chartMode?: ChartMode;
  groups: ReportGroup[];
  aggregations: ReportAggregation[];
  filterCond: string;
  sorts: ReportSort[];
}

/** A saved report, exactly as GET app/reports.json answers it. */
export interface Report extends ReportDefinition {
  id: string;
  name: string;
  index: string;
  periodicReport: PeriodicReport | null;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], key: string, sink: ProblemSink): T | undefined {
  if (v === undefined || v === null || v === '') return void sink.add(key, 'required');
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) return void sink.add(key, 'enumValue');
  return v as T;
}

function list(v: unknown, key: string, sink: ProblemSink, max: number): unknown[] | undefined {
  if (!Array.isArray(v)) return void sink.add(key, v === undefined || v === null ? 'required' : 'invalid');
  if (v.length > max) return void sink.add(key, 'tooMany', { n: max });
  return v;
}

function fieldOf(v: unknown, key: string, pool: Map<string, Property>, sink: ProblemSink): Property | undefined {
  if (typeof v !== 'string' || v === '') return void sink.add(key, 'required');
  const p = pool.get(v);
  if (!p) return void sink.add(key, 'fieldNotFound', { code: echo(v) });
  return p;
}

function parseGroups(v: unknown, at: string, pool: Map<string, Property>, sink: ProblemSink): ReportGroup[] | undefined {
  const items = list(v, `${at}.groups`, sink, MAX_GROUPS);
  if (!items) return undefined;
  const before = sink.count;
  const groups = items.map((raw, i) => {
    const key = `${at}.groups[${i}]`;
    if (!isObject(raw)) return void sink.add(key, 'invalid');
    const p = fieldOf(raw.code, `${key}.code`, pool, sink);
    if (!p) return undefined;
    const kind = groupKindOf(p);
    if (!kind) return void sink.add(`${key}.code`, 'reportGroupField', { code: echo(p.code) });
    const { periods, required } = periodsOf(kind);
    // kintone ignores a unit on fields that have none; a date needs one, a time may take one.
    if (periods.length === 0) return { code: p.code };
    if (raw.per === undefined || raw.per === null || raw.per === '') {
      if (required) sink.add(`${key}.per`, 'required');
      return { code: p.code };
    }
    const per = oneOf(raw.per, GROUP_PERIODS, `${key}.per`, sink);
    if (per && !periods.includes(per)) sink.add(`${key}.per`, 'enumValue');
    return { code: p.code, per };
  });
  return sink.count === before ? (groups as ReportGroup[]) : undefined;
}

function parseAggregations(v: unknown, at: string, pool: Map<string, Property>, sink: ProblemSink): ReportAggregation[] | undefined {
  const items = list(v, `${at}.aggregations`, sink, MAX_AGGREGATIONS);
  if (!items) return undefined;
  if (items.length === 0) return void sink.add(`${at}.aggregations`, 'tooFew', { n: 1 });
  const before = sink.count;
  const out = items.map((raw, i): ReportAggregation | undefined => {
    const key = `${at}.aggregations[${i}]`;
    if (!isObject(raw)) return void sink.add(key, 'invalid');
    const type = oneOf(raw.type, AGGREGATION_TYPES, `${key}.type`, sink);
    // COUNT counts records: a code sent with it names nothing and is dropped.
    if (!type || type === 'COUNT') return type ? { type } : undefined;
    const p = fieldOf(raw.code, `${key}.code`, pool, sink);
    if (!p) return undefined;
    const kind = valueKindOf(p);
    if (!kind || !aggregates(type, kind)) return void sink.add(`${key}.code`, 'reportAggregationField', { code: echo(p.code) });
    return { type, code: p.code };
  });
  return sink.count === before ? (out as ReportAggregation[]) : undefined;
}

function parseSorts(v: unknown, at: string, groupCount: number, sink: ProblemSink): ReportSort[] | undefined {
  const items = list(v, `${at}.sorts`, sink, SORT_KEYS.length);
  if (!items) return undefined;
  const before = sink.count;
  const seen = new Set<string>();
  const out = items.map((raw, i) => {
    const key = `${at}.sorts[${i}]`;
    if (!isObject(raw)) return void sink.add(key, 'invalid');
    const by = oneOf(raw.by, SORT_KEYS, `${key}.by`, sink);
    const order = oneOf(raw.order, ['ASC', 'DESC'] as const, `${key}.order`, sink);
    if (by && by !== 'TOTAL' && Number(by.slice(5)) > groupCount) sink.add(`${key}.by`, 'invalid');
    if (by && seen.has(by)) sink.add(`${key}.by`, 'duplicateInRequest');
    if (by) seen.add(by);
    return by && order ? { by, order } : undefined;
  });
  return sink.count === before ? (out as ReportSort[]) : undefined;
}

function parseFilter(v: unknown, key: string, sink: ProblemSink): string | undefined {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return void sink.add(key, 'invalid');
  if (v.length > MAX_FILTER_LENGTH) return void sink.add(key, 'tooLong', { n: MAX_FILTER_LENGTH + 1 });
  return v;
}

/**
 * One definition at `at` against the fields in `pool`. `base`: the report being updated, whose
 * settings stand where the request leaves them out (kintone requires them only of a new report).
 * The query in `filterCond` is checked by the caller, who knows the query module's rules.
 */
export function parseReportDefinition(
  v: unknown,
  at: string,
  pool: Map<string, Property>,
  sink: ProblemSink,
  base?: ReportDefinition,
): ReportDefinition | undefined {
  if (!isObject(v)) return void sink.add(at, 'invalid');
  const before = sink.count;
  const chartType = oneOf(v.chartType, CHART_TYPES, `${at}.chartType`, sink);
  const moded = chartType !== undefined && MODED_CHARTS.has(chartType);
  const chartMode = moded ? oneOf(v.chartMode ?? base?.chartMode, CHART_MODES, `${at}.chartMode`, sink) : undefined;
  const groups = v.groups === undefined && base ? base.groups : parseGroups(v.groups, at, pool, sink);
  const aggregations = v.aggregations === undefined && base ? base.aggregations : parseAggregations(v.aggregations, at, pool, sink);
  const filterCond = v.filterCond === undefined && base ? base.filterCond : parseFilter(v.filterCond, `${at}.filterCond`, sink);
  // Groups that failed their own checks say nothing about which GROUPn a sort may name.
  const groupCount = groups?.length ?? MAX_GROUPS;
  const sorts = v.sorts === undefined ? (base?.sorts.filter((s) => s.by === 'TOTAL' || Number(s.by.slice(5)) <= groupCount) ?? []) : parseSorts(v.sorts, at, groupCount, sink);
  if (chartType && groups) {
    // A cross table crosses two groups at least; a table groups by one at most; a chart by one at least.
    if (chartType === 'PIVOT_TABLE' && groups.length < 2) sink.add(`${at}.groups`, 'tooFew', { n: 2 });
    else if (chartType === 'TABLE' && groups.length > 1) sink.add(`${at}.groups`, 'tooMany', { n: 1 });
    else if (chartType !== 'TABLE' && groups.length === 0) sink.add(`${at}.groups`, 'tooFew', { n: 1 });
  }
  if (sink.count !== before || !chartType || !groups || !aggregations || filterCond === undefined || !sorts) return undefined;
  return { chartType, ...(chartMode ? { chartMode } : {}), groups, aggregations, filterCond, sorts };
}

export { type PeriodicReport, parsePeriodicReport };
