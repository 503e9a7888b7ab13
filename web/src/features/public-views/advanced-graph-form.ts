// An advanced graph view's form state (common/api/public-view-kinds.ts advancedGraphSettings):
// chart type and mode, up to three groups (a period for dates), up to five aggregations, sorts,
// and the axes' titles and bounds — bounds kept as typed, so a value the server refuses is shown
// beside its input rather than silently changed. Pure.
import type { AdvancedGraphSettings } from '../../../../common/api/public-view-kinds.js';
import type { AggregationType, GroupPeriod } from '../../../../common/reports/fields.js';

export const ADVANCED_CHARTS = ['COLUMN', 'BAR', 'LINE', 'AREA', 'SPLINE', 'SPLINE_AREA', 'PIE', 'TABLE', 'PIVOT_TABLE'] as const;
export type AdvancedChart = (typeof ADVANCED_CHARTS)[number];
type Graph = AdvancedGraphSettings['graph'];

export interface AxisForm {
  title: string;
  min: string;
  max: string;
}

export interface AdvancedGraphForm {
  chartType: AdvancedChart;
  chartMode: Graph['chartMode'];
  groups: Array<{ field: string; per?: GroupPeriod | undefined }>;
  aggregations: Array<{ type: AggregationType; field?: string | undefined }>;
  sorts: Graph['sorts'];
  axis: { x: AxisForm; y: AxisForm };
}

const NO_AXIS: AxisForm = { title: '', min: '', max: '' };

export const EMPTY_ADVANCED: AdvancedGraphForm = {
  chartType: 'COLUMN',
  chartMode: 'NORMAL',
  groups: [{ field: '' }],
  aggregations: [{ type: 'COUNT' }],
  sorts: [],
  axis: { x: NO_AXIS, y: NO_AXIS },
};

/** Charts drawn with axes (the others are a pie or tables). */
export const AXIS_CHARTS: ReadonlySet<AdvancedChart> = new Set(['COLUMN', 'BAR', 'LINE', 'AREA', 'SPLINE', 'SPLINE_AREA']);

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function advancedOfSettings(g: Partial<Graph> | undefined): AdvancedGraphForm {
  if (!g?.groups) return EMPTY_ADVANCED;
  const axis = (a: { title?: string; min?: number; max?: number } | undefined): AxisForm => ({ title: a?.title ?? '', min: text(a?.min), max: text(a?.max) });
  return {
    chartType: (g.chartType as AdvancedChart | undefined) ?? 'COLUMN',
    chartMode: g.chartMode ?? 'NORMAL',
    groups: g.groups.map((x) => ({ field: x.field, per: x.per })),
    aggregations: (g.aggregations ?? [{ type: 'COUNT' }]).map((a) => ({ type: a.type, field: a.field })),
    sorts: (g.sorts ?? []).map((s) => ({ ...s })),
    axis: { x: axis(g.axis?.x), y: axis(g.axis?.y) },
  };
}

/** A bound as the request sends it: a number, absent when blank, or the text as typed (refused by the server). */
function bound(v: string): number | string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

function axisOut(a: AxisForm): Record<string, unknown> {
  const min = bound(a.min);
  const max = bound(a.max);
  return { title: a.title, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

export function settingsOfAdvanced(f: AdvancedGraphForm): Record<string, unknown> {
  return {
    chartType: f.chartType,
    chartMode: f.chartMode,
    groups: f.groups.map((g) => ({ field: g.field, ...(g.per ? { per: g.per } : {}) })),
    aggregations: f.aggregations.map((a) => (a.type === 'COUNT' ? { type: 'COUNT' } : { type: a.type, field: a.field ?? '' })),
    sorts: f.sorts,
    axis: { x: axisOut(f.axis.x), y: axisOut(f.axis.y) },
  };
}
