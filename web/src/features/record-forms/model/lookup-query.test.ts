import { describe, expect, it } from 'vitest';
import { lookupFieldsToRead, lookupQuery, quote } from './lookup-query';

const lookup = { relatedKeyField: 'cust_code', filterCond: '', sort: '' };

describe('lookup searches', () => {
  it('quotes values as the query language wants', () => {
    expect(quote('C-1')).toBe('"C-1"');
    expect(quote('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
  });

  it('asks for the exact key, then for keys containing it', () => {
    expect(lookupQuery(lookup, 'SINGLE_LINE_TEXT', ' C-1 ', 'exact')).toBe('cust_code = "C-1" limit 50');
    expect(lookupQuery(lookup, 'SINGLE_LINE_TEXT', 'C-1', 'partial')).toBe('cust_code like "C-1" limit 50');
    expect(lookupQuery(lookup, 'NUMBER', '12', 'partial')).toBe('cust_code = "12" limit 50');
  });

  it('keeps the lookup’s own filter and sort, and lists everything for an empty key', () => {
    const filtered = { relatedKeyField: 'code', filterCond: 'rank > 1 or rank = 0', sort: 'rank desc' };
    expect(lookupQuery(filtered, 'SINGLE_LINE_TEXT', 'A', 'exact')).toBe('(rank > 1 or rank = 0) and code = "A" order by rank desc limit 50');
    expect(lookupQuery(filtered, 'SINGLE_LINE_TEXT', '', 'partial')).toBe('(rank > 1 or rank = 0) order by rank desc limit 50');
    expect(lookupQuery(lookup, 'SINGLE_LINE_TEXT', '', 'exact')).toBe('limit 50');
  });

  it('reads the key, the copied fields and the picker’s columns once each', () => {
    expect(
      lookupFieldsToRead({
        relatedApp: { app: '1', code: '' },
        relatedKeyField: 'code',
        fieldMappings: [
          { field: 'name', relatedField: 'name' },
          { field: 'rank', relatedField: 'rank' },
        ],
        lookupPickerFields: ['code', 'name'],
        filterCond: '',
        sort: '',
      }),
    ).toEqual(['code', 'name', 'rank']);
  });
});
