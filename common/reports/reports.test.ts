import { describe, expect, it } from 'vitest';
import type { Property } from '../fields/index.js';
import type { Report } from './definition.js';
import { parseReports } from './reports.js';

const FIELDS: Record<string, Property> = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  hours: { type: 'CALC', code: 'hours', label: 'Hours', format: 'HOUR_MINUTE', expression: '' },
  due: { type: 'CALC', code: 'due', label: 'Due', format: 'DATE', expression: '' },
  start: { type: 'TIME', code: 'start', label: 'Start' },
  made: { type: 'CREATED_TIME', code: 'made', label: 'Made' },
};

const SAVED: Report = {
  chartType: 'BAR',
  chartMode: 'STACKED',
  id: '7',
  name: 'old',
  index: '0',
  groups: [{ code: 'title' }],
  aggregations: [{ type: 'SUM', code: 'amount' }],
  filterCond: 'amount > 1',
  sorts: [{ by: 'GROUP1', order: 'DESC' }],
  periodicReport: { active: true, period: { every: 'DAY', time: '08:00' } },
};

describe('graph settings', () => {
  it('keeps what an update leaves out, and renames through the old key', () => {
    const { reports, problems } = parseReports({ old: { chartType: 'COLUMN', name: 'new', periodicReport: { active: 'false' } } }, FIELDS, { old: SAVED });
    expect(problems).toEqual({});
    expect(reports).toEqual([
      {
        from: 'old',
        report: {
          chartType: 'COLUMN',
          chartMode: 'STACKED',
          name: 'new',
          index: '0',
          groups: SAVED.groups,
          aggregations: SAVED.aggregations,
          filterCond: 'amount > 1',
          sorts: SAVED.sorts,
          periodicReport: { active: false, period: { every: 'DAY', time: '08:00' } },
        },
      },
    ]);
  });

  it('drops a unit on a field that takes none and a code on COUNT; a time may go without', () => {
    const { reports, problems } = parseReports(
      { t: { chartType: 'TABLE', groups: [{ code: 'title', per: 'MONTH' }], aggregations: [{ type: 'COUNT', code: 'amount' }] }, s: { chartType: 'LINE', index: 5, groups: [{ code: 'start' }], aggregations: [{ type: 'SUM', code: 'hours' }] } },
      FIELDS,
      {},
    );
    expect(problems).toEqual({});
    expect(reports.map((r) => [r.report.name, r.report.index, r.report.groups, r.report.aggregations])).toEqual([
      ['t', '0', [{ code: 'title' }], [{ type: 'COUNT' }]],
      ['s', '1', [{ code: 'start' }], [{ type: 'SUM', code: 'hours' }]],
    ]);
  });

  it('sums numbers and durations only, and takes the largest of dates and times too', () => {
    const { problems } = parseReports(
      {
        r: {
          chartType: 'PIE',
          groups: [{ code: 'due', per: 'YEAR' }],
          aggregations: [{ type: 'AVERAGE', code: 'made' }, { type: 'MAX', code: 'made' }, { type: 'MIN', code: 'due' }, { type: 'SUM', code: 'start' }],
        },
      },
      FIELDS,
      {},
    );
    expect(Object.keys(problems)).toEqual(['reports.r.aggregations[0].code', 'reports.r.aggregations[3].code']);
  });

  it('needs the whole of a new graph, and a unit for a date', () => {
    const { problems } = parseReports({ r: { chartType: 'PIE', groups: [{ code: 'made' }] } }, FIELDS, {});
    expect(Object.keys(problems).sort()).toEqual(['reports.r.aggregations', 'reports.r.groups[0].per']);
    expect(Object.keys(parseReports([], FIELDS, {}).problems)).toEqual(['reports']);
  });
});
