// A graph's data (`app/report/data.json`, shaped for ECharts) as an ECharts option (named and
// bounded axes for an advanced graph), and as the rows of the accessible table drawn beside every
// chart (and alone for a cross table). Pure: the app's graph panel and a visitor's graph page
// both draw from it.
import type { ReportDataJson } from '../../../../common/api/reports.js';

export interface GraphWords {
  count: string;
  total: string;
  aggregations: Record<'COUNT' | 'SUM' | 'AVERAGE' | 'MAX' | 'MIN', string>;
}

export function aggregationLabel(a: ReportDataJson['aggregations'][number], w: GraphWords): string {
  if (a.type === 'COUNT') return w.count;
  return `${w.aggregations[a.type]}${a.label ? ` (${a.label})` : ''}`;
}

/** A category's label at a group level, by key. */
export function categoryLabel(data: ReportDataJson, level: number, key: string): string {
  return data.groups[level]?.categories.find((c) => c.key === key)?.label ?? key;
}

const TIME_VALUES = new Set(['date', 'datetime']);

export function chartOption(data: ReportDataJson, w: GraphWords): Record<string, unknown> | null {
  const type = data.chartType;
  if (type === 'PIVOT_TABLE' || type === 'TABLE') return null;
  const categories = (data.groups[0]?.categories ?? []).map((c) => c.label);
  const percent = data.chartMode === 'PERCENTAGE';
  const seriesName = (s: ReportDataJson['series'][number]) => {
    const deeper = s.keys.map((k, i) => categoryLabel(data, i + 1, k)).join(' / ');
    const agg = data.aggregations[s.aggregation];
    const aggName = agg ? aggregationLabel(agg, w) : '';
    return deeper ? (data.aggregations.length > 1 ? `${deeper} - ${aggName}` : deeper) : aggName;
  };
  const base = {
    animation: false,
    // Drawn on the canvas: an HTML tooltip would need inline styles the page's CSP refuses.
    tooltip: { trigger: type === 'PIE' ? 'item' : 'axis', renderMode: 'richText' },
    legend: { type: 'scroll', bottom: 0 },
  };
  if (type === 'PIE') {
    const s = data.series[0];
    return {
      ...base,
      series: [
        {
          type: 'pie',
          name: s ? seriesName(s) : '',
          radius: ['0%', '65%'],
          data: categories.map((name, i) => ({ name, value: s?.data[i] ?? 0 })),
        },
      ],
    };
  }
  const valueType = data.aggregations[0]?.valueType ?? 'count';
  const valueAxis = { type: TIME_VALUES.has(valueType) ? 'time' : 'value', ...(percent ? { max: 100 } : {}) };
  const categoryAxis = { type: 'category', data: categories, axisLabel: { hideOverlap: true } };
  const horizontal = type === 'BAR';
  const line = type === 'LINE' || type === 'SPLINE' || type === 'AREA' || type === 'SPLINE_AREA';
  const series = data.series.map((s) => ({
    type: line ? 'line' : 'bar',
    name: seriesName(s),
    data: percent && s.share ? s.share : s.data,
    ...(s.stack ? { stack: s.stack } : {}),
    ...(type === 'SPLINE' || type === 'SPLINE_AREA' ? { smooth: true } : {}),
    ...(type === 'AREA' || type === 'SPLINE_AREA' ? { areaStyle: {} } : {}),
    connectNulls: line,
  }));
  return {
    ...base,
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series,
  };
}

/** An advanced graph's axis options: a title under (or beside) the axis, and its bounds. */
export interface AxisOptions {
  title?: string;
  min?: number;
  max?: number;
}

/** The option with its x and y axes named and bounded; an axis the chart has not (a pie) stays absent. */
export function withAxes(option: Record<string, unknown>, axis: { x?: AxisOptions; y?: AxisOptions } | undefined): Record<string, unknown> {
  if (!axis) return option;
  const apply = (key: 'xAxis' | 'yAxis', a: AxisOptions | undefined) => {
    const base = option[key];
    if (!a || !base || typeof base !== 'object') return base;
    return { ...(base as object), ...(a.title ? { name: a.title, nameLocation: 'middle', nameGap: 28 } : {}), ...(a.min !== undefined ? { min: a.min } : {}), ...(a.max !== undefined ? { max: a.max } : {}) };
  };
  return { ...option, xAxis: apply('xAxis', axis.x), yAxis: apply('yAxis', axis.y) };
}

export interface TableModel {
  head: string[];
  rows: string[][];
  foot: string[];
}

/** The graph's numbers as a table: every category combination shown, then the totals. */
export function graphTable(data: ReportDataJson, w: GraphWords): TableModel {
  const aggs = data.aggregations.map((a) => aggregationLabel(a, w));
  if (data.chartType === 'PIVOT_TABLE' && data.pivot) {
    const p = data.pivot;
    const rowGroups = data.groups.slice(0, -1).map((g) => g.label);
    const cell = (v: Array<string | null> | null | undefined) => (v ? v.map((x) => x ?? '').join(' / ') : '');
    return {
      head: [...rowGroups, ...p.columns.map((c) => c.label), w.total],
      rows: p.rows.map((r, i) => [...r.labels, ...p.columns.map((_, j) => cell(p.cells[i]?.[j])), cell(p.rowTotals[i])]),
      foot: [...rowGroups.map((_, i) => (i === 0 ? w.total : '')), ...p.columnTotals.map(cell), cell(p.total)],
    };
  }
  const groupHeads = data.groups.map((g) => g.label);
  return {
    head: [...groupHeads, ...aggs],
    rows: data.rows.map((r) => [...r.keys.map((k, i) => categoryLabel(data, i, k)), ...r.values.map((v) => v ?? '')]),
    foot: [...groupHeads.map((_, i) => (i === 0 ? w.total : '')), ...data.totals.values.map((v) => v ?? '')],
  };
}
