import { describe, expect, it } from 'vitest';
import type { Property } from '../../../../common/fields/index.js';
import { csvHeader, csvRow, cursorFields } from './csv-export';

const props = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  when: { type: 'DATETIME', code: 'when', label: 'When' },
  people: { type: 'USER_SELECT', code: 'people', label: 'People' },
  items: { type: 'SUBTABLE', code: 'items', label: 'Items', fields: { qty: { type: 'NUMBER', code: 'qty', label: 'Qty' } } },
} as unknown as Record<string, Property>;

describe('CSV export rows', () => {
  it('writes labels, people by code, date-times in the zone and a table column on lines', () => {
    const columns = ['title', 'when', 'people', 'qty'];
    expect(csvHeader(columns, props)).toEqual(['Title', 'When', 'People', 'Qty']);
    expect(cursorFields(columns, props)).toEqual(['title', 'when', 'people', 'items']);
    const row = csvRow(
      {
        title: { type: 'SINGLE_LINE_TEXT', value: '=SUM(A1)' },
        when: { type: 'DATETIME', value: '2026-03-31T23:59:00Z' },
        people: { type: 'USER_SELECT', value: [{ code: 'sato', name: 'Sato' }, { code: 'kato', name: 'Kato' }] },
        items: { type: 'SUBTABLE', value: [{ id: '1', value: { qty: { type: 'NUMBER', value: '2' } } }, { id: '2', value: { qty: { type: 'NUMBER', value: '3' } } }] },
      },
      columns,
      props,
      'Asia/Tokyo',
    );
    // Formula defusing is csvText's (common/csv.ts); the row carries the text as it is.
    expect(row).toEqual(['=SUM(A1)', '2026-04-01 08:59', 'sato\nkato', '2\n3']);
  });
});
