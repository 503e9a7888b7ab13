import { describe, expect, it } from 'vitest';
import type { ReportDataJson } from '../../../../common/api/reports.js';
import { chartOption, graphTable, withAxes } from './graph-option';

const w = { count: 'Count', total: 'Total', aggregations: { COUNT: 'Count', SUM: 'Sum', AVERAGE: 'Average', MAX: 'Max', MIN: 'Min' } };

const column: ReportDataJson = {
  chartType: 'COLUMN',
  chartMode: 'STACKED',
  groups: [
    { code: 'kind', label: 'Kind', type: 'DROP_DOWN', categories: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }] },
    { code: 'owner', label: 'Owner', type: 'USER_SELECT', categories: [{ key: 'sato', label: 'Sato Hanako' }] },
  ],
  aggregations: [{ type: 'SUM', code: 'amount', label: 'Amount', valueType: 'number' }],
  series: [{ name: 'Sato Hanako', aggregation: 0, keys: ['sato'], stack: 'a0', data: [10.3, null] }],
  rows: [{ keys: ['a', 'sato'], count: 2, values: ['10.3'] }],
  subtotals: [{ keys: ['a'], count: 2, values: ['10.3'] }],
  totals: { count: 2, values: ['10.3'] },
  truncated: false,
};

describe('graphs', () => {
  it('draws columns by the first group, one stacked series per deeper category', () => {
    const o = chartOption(column, w) as any;
    expect(o.xAxis).toMatchObject({ type: 'category', data: ['A', 'B'] });
    expect(o.series).toEqual([{ type: 'bar', name: 'Sato Hanako', data: [10.3, null], stack: 'a0', connectNulls: false }]);
    expect(o.tooltip.renderMode).toBe('richText');
  });

  it('draws bars sideways, lines smooth for splines, pies by category', () => {
    expect((chartOption({ ...column, chartType: 'BAR' }, w) as any).yAxis.type).toBe('category');
    expect((chartOption({ ...column, chartType: 'SPLINE_AREA' }, w) as any).series[0]).toMatchObject({ type: 'line', smooth: true, areaStyle: {} });
    const pie = chartOption({ ...column, chartType: 'PIE', groups: [column.groups[0]!], series: [{ name: 'x', aggregation: 0, keys: [], data: [3, 4] }] }, w) as any;
    expect(pie.series[0].data).toEqual([
      { name: 'A', value: 3 },
      { name: 'B', value: 4 },
    ]);
    expect(chartOption({ ...column, chartType: 'PIVOT_TABLE' }, w)).toBeNull();
  });

  it('lists the numbers as a table with their exact values and the totals', () => {
    expect(graphTable(column, w)).toEqual({ head: ['Kind', 'Owner', 'Sum (Amount)'], rows: [['A', 'Sato Hanako', '10.3']], foot: ['Total', '', '10.3'] });
    const pivot = graphTable(
      {
        ...column,
        chartType: 'PIVOT_TABLE',
        pivot: {
          rows: [{ keys: ['a'], labels: ['A'] }],
          columns: [{ key: 'sato', label: 'Sato Hanako' }],
          cells: [[['10.3']]],
          rowTotals: [['10.3']],
          columnTotals: [['10.3']],
          total: ['10.3'],
        },
      },
      w,
    );
    expect(pivot).toEqual({ head: ['Kind', 'Sato Hanako', 'Total'], rows: [['A', '10.3', '10.3']], foot: ['Total', '10.3', '10.3'] });
  });

  it('names and bounds the axes of an advanced graph, and leaves a pie without axes', () => {
    const o = withAxes(chartOption(column, w)!, { x: { title: 'Kind' }, y: { title: '', min: 0, max: 50 } }) as any;
    expect(o.xAxis).toMatchObject({ type: 'category', name: 'Kind', nameLocation: 'middle', nameGap: 28 });
    expect(o.yAxis).toEqual({ type: 'value', min: 0, max: 50 });
    const pie = chartOption({ ...column, chartType: 'PIE' }, w)!;
    expect(withAxes(pie, { x: { title: 'Kind' } })).toEqual({ ...pie, xAxis: undefined, yAxis: undefined });
    expect(withAxes(pie, undefined)).toBe(pie);
  });
});
