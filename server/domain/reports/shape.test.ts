import { describe, expect, it } from 'vitest';
import { Dec } from '../../../common/calc/decimal.js';
import type { ReportDefinition } from '../../../common/reports/definition.js';
import { parseExact } from './exact.js';
import { type LevelView, PIVOT_CELLS, shapeReport } from './shape.js';
import { Tally } from './tally.js';

const level = (code: string): LevelView => ({
  field: { type: 'SINGLE_LINE_TEXT', code, label: code },
  kind: 'text',
  order: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  key: (k) => k,
  label: (k) => k.toUpperCase(),
});

const precision = { decimalPlaces: 2, rounding: Dec.ROUND_HALF_EVEN };

describe('shaping totals', () => {
  it('sorts each level by its own totals, empty totals last, and rounds averages once', () => {
    const tally = new Tally(['AVERAGE'], 2);
    const add = (a: string, b: string, v: string | null) => tally.add([[a], [b]], [v === null ? null : parseExact(v)]);
    add('p', 'x', '1');
    add('p', 'y', '2');
    add('q', 'x', '10');
    add('q', 'y', '1');
    add('q', 'y', '1');
    add('r', 'x', null);
    const definition: ReportDefinition = { chartType: 'TABLE', groups: [], aggregations: [{ type: 'AVERAGE' }], filterCond: '', sorts: [{ by: 'TOTAL', order: 'DESC' }] };
    const out = shapeReport({ definition: { ...definition, chartType: 'COLUMN', chartMode: 'NORMAL' }, levels: [level('a'), level('b')], aggregations: [{ type: 'AVERAGE', valueType: 'number' }], tally, precision });
    // q averages 4, p 1.5, r nothing: q first, r last though the order is descending.
    expect(out.rows.map((r) => [...r.keys, ...r.values])).toEqual([
      ['q', 'x', '10'],
      ['q', 'y', '1'],
      ['p', 'y', '2'],
      ['p', 'x', '1'],
      ['r', 'x', null],
    ]);
    expect(out.subtotals.map((s) => s.values[0])).toEqual(['4', '1.5', null]);
    expect(out.totals.values).toEqual(['3']);
    expect(out.series.map((s) => [s.name, s.data])).toEqual([
      ['X', [10, 1, null]],
      ['Y', [1, 2, null]],
    ]);
  });

  it('keeps a cross table’s matrix within its cell budget, and says it cut rows', () => {
    const tally = new Tally(['COUNT'], 2);
    // Every row a new row header and a new column: n rows make an n × n matrix.
    const n = Math.ceil(Math.sqrt(PIVOT_CELLS)) + 5;
    for (let i = 0; i < n; i++) tally.add([[`r${String(i).padStart(4, '0')}`], [`c${String(i).padStart(4, '0')}`]], []);
    const definition: ReportDefinition = { chartType: 'PIVOT_TABLE', groups: [], aggregations: [{ type: 'COUNT' }], filterCond: '', sorts: [{ by: 'GROUP1', order: 'ASC' }] };
    const out = shapeReport({ definition, levels: [level('a'), level('b')], aggregations: [{ type: 'COUNT', valueType: 'count' }], tally, precision });
    const { rows, columns, cells } = out.pivot!;
    expect(rows.length * columns.length).toBeLessThanOrEqual(PIVOT_CELLS);
    expect(cells).toHaveLength(rows.length);
    expect(out.truncated).toBe(true);
    expect(out.pivot!.total).toEqual([String(n)]);
  });
});
