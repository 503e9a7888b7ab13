import { describe, expect, it } from 'vitest';
import type { Property } from '../../../../../common/fields/index.js';
import { readCsv } from './csv-read';
import { autoMap, cellValue, chunks, importableFields, keyFields, recordsOf } from './csv-records';

const opts = (...names: string[]) => Object.fromEntries(names.map((n, i) => [n, { label: n, index: String(i) }]));
const P = (p: Partial<Property> & { type: Property['type']; code: string }): Property => ({ label: p.code, ...p }) as Property;

const fields: Record<string, Property> = {
  no: P({ type: 'RECORD_NUMBER', code: 'no', label: 'Record number' }),
  title: P({ type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' }),
  ref: P({ type: 'SINGLE_LINE_TEXT', code: 'ref', label: 'Reference', unique: true }),
  amount: P({ type: 'NUMBER', code: 'amount', label: 'Amount' }),
  tags: P({ type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: opts('A', 'B') }),
  prio: P({ type: 'DROP_DOWN', code: 'prio', label: '優先度', options: opts('高', '低') }),
  visit: P({ type: 'DATETIME', code: 'visit', label: 'Visit' }),
  day: P({ type: 'DATE', code: 'day', label: 'Day' }),
  owner: P({ type: 'USER_SELECT', code: 'owner', label: 'Owner' }),
  calc: P({ type: 'CALC', code: 'calc', label: 'Calc' }),
  copy: P({ type: 'SINGLE_LINE_TEXT', code: 'copy', label: 'Copy' }),
};

describe('CSV files', () => {
  it('reads UTF-8 with or without a BOM, and Shift_JIS', () => {
    const utf8 = new TextEncoder().encode('名前,数\n"山田, 太郎","1"\n');
    expect(readCsv(utf8)).toEqual({ encoding: 'UTF-8', rows: [['名前', '数'], ['山田, 太郎', '1']] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(readCsv(bom).rows[0]).toEqual(['名前', '数']);
    // 「名前,数」 in Shift_JIS.
    const sjis = new Uint8Array([0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x90, 0x94, 0x0a, 0x41, 0x2c, 0x31, 0x0a]);
    expect(readCsv(sjis)).toEqual({ encoding: 'Shift_JIS', rows: [['名前', '数'], ['A', '1']] });
  });

  it('keeps line breaks inside quoted cells and skips blank lines', () => {
    expect(readCsv(new TextEncoder().encode('a,b\r\n"x\ny",2\r\n\r\n')).rows).toEqual([['a', 'b'], ['x\ny', '2']]);
  });
});

describe('columns and fields', () => {
  const importable = importableFields(fields, new Set(['copy']));

  it('offers the fields a file can fill, and the keys an update can match on', () => {
    expect(importable.map((p) => p.code)).toEqual(['no', 'title', 'ref', 'amount', 'tags', 'prio', 'visit', 'day', 'owner']);
    expect(keyFields(importable).map((p) => p.code)).toEqual(['no', 'ref']);
  });

  it('matches columns by code or field name, each field once', () => {
    expect(autoMap(['title', '優先度', 'AMOUNT', 'Nothing', 'Title', 'Record number'], importable)).toEqual(['title', 'prio', 'amount', '', '', 'no']);
  });
});

describe('cells', () => {
  it('turns cells into the values a write sends, and names what is wrong', () => {
    expect(cellValue(fields.amount!, '1,200', 'UTC')).toEqual({ value: '1200', shown: '1200' });
    expect(cellValue(fields.amount!, 'many', 'UTC').problem).toEqual({ kind: 'notNumber' });
    expect(cellValue(fields.tags!, 'A\nB', 'UTC').value).toEqual(['A', 'B']);
    expect(cellValue(fields.tags!, 'A\nZ', 'UTC').problem).toEqual({ kind: 'notOption', value: 'Z' });
    expect(cellValue(fields.prio!, '中', 'UTC').problem).toEqual({ kind: 'notOption', value: '中' });
    expect(cellValue(fields.day!, '2025/4/1', 'UTC').value).toBe('2025-04-01');
    expect(cellValue(fields.day!, 'April', 'UTC').problem).toEqual({ kind: 'badDate' });
    expect(cellValue(fields.visit!, '2025-04-01 14:05', 'Asia/Tokyo').value).toBe('2025-04-01T05:05:00Z');
    expect(cellValue(fields.owner!, 'sato\nyamada', 'UTC').value).toEqual([{ code: 'sato' }, { code: 'yamada' }]);
    expect(cellValue(fields.amount!, '', 'UTC')).toEqual({ value: '', shown: '' });
  });

  it('writes records to add, or to update by the record number or a unique field', () => {
    const row = (line: number, no: string, ref: string, title: string) => ({
      line,
      cells: [
        { code: 'no', type: 'RECORD_NUMBER', cell: { value: no, shown: no } },
        { code: 'ref', type: 'SINGLE_LINE_TEXT', cell: { value: ref, shown: ref } },
        { code: 'title', type: 'SINGLE_LINE_TEXT', cell: { value: title, shown: title } },
      ],
    });
    const rows = [row(2, 'APP-7', 'R-1', 'One')];
    expect(recordsOf(rows, { mode: 'add' })).toEqual([{ ref: { value: 'R-1' }, title: { value: 'One' } }]);
    expect(recordsOf(rows, { mode: 'update', keyField: fields.no! })).toEqual([{ id: '7', record: { ref: { value: 'R-1' }, title: { value: 'One' } } }]);
    expect(recordsOf(rows, { mode: 'update', keyField: fields.ref! })).toEqual([{ updateKey: { field: 'ref', value: 'R-1' }, record: { title: { value: 'One' } } }]);
  });

  it('cuts the writes into bulkRequest-sized pieces', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 100)).toEqual([]);
  });
});
