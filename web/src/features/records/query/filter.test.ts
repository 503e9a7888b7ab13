import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../../common/query/index.js';
import {
  type Filter,
  call,
  composeQuery,
  exprOfFilter,
  filterFromText,
  isComplete,
  joinExprs,
  keywordExpr,
  parseSort,
  printSort,
  text,
  whereText,
} from './filter';

describe('the filter builder’s query', () => {
  it('compiles conditions joined by all or any, escaping every value', () => {
    const f: Filter = {
      match: 'and',
      conditions: [
        { field: 'amount', op: '>', values: [text('100')] },
        { field: 'kind', op: 'in', values: [text('A "big" one'), text('B\\C')] },
        { field: 'due', op: '>=', values: [call('TODAY')] },
        { field: 'memo', op: 'is not', values: [] },
      ],
    };
    expect(whereText(exprOfFilter(f))).toBe('amount > "100" and kind in ("A \\"big\\" one", "B\\\\C") and due >= TODAY() and memo is not empty');
    expect(whereText(exprOfFilter({ ...f, match: 'or' }))).toBe('amount > "100" or kind in ("A \\"big\\" one", "B\\\\C") or due >= TODAY() or memo is not empty');
  });

  it('leaves half-filled rows out', () => {
    expect(isComplete({ field: '', op: '=', values: [text('x')] })).toBe(false);
    expect(isComplete({ field: 'a', op: '=', values: [text('')] })).toBe(false);
    expect(isComplete({ field: 'a', op: 'in', values: [] })).toBe(false);
    expect(isComplete({ field: 'a', op: 'is', values: [] })).toBe(true);
    expect(exprOfFilter({ match: 'and', conditions: [{ field: 'a', op: '=', values: [] }] })).toBeNull();
  });

  it('reads a flat filterCond back as editable conditions, and keeps a nested one as written', () => {
    const flat = filterFromText('amount > 100 and kind in ("A", "B") and title like "x" and due = THIS_MONTH()');
    expect(flat).toEqual({
      match: 'and',
      conditions: [
        { field: 'amount', op: '>', values: [{ kind: 'number', value: '100' }] },
        { field: 'kind', op: 'in', values: [text('A'), text('B')] },
        { field: 'title', op: 'like', values: [text('x')] },
        { field: 'due', op: '=', values: [{ kind: 'function', name: 'THIS_MONTH', args: [], pos: expect.any(Number) }] },
      ],
    });
    expect(filterFromText('a = "1" or b = "2"')?.match).toBe('or');
    expect(filterFromText('')).toEqual({ match: 'and', conditions: [] });
    expect(filterFromText('a = "1" and (b = "2" or c = "3")')).toBeNull();
    expect(filterFromText('rel.title in ("x")')).toBeNull();
    expect(filterFromText('a = ')).toBeNull();
    expect(filterFromText('order by a asc')).toBeNull();
  });

  it('round-trips: what the builder writes parses back to the same conditions', () => {
    const f: Filter = { match: 'or', conditions: [{ field: 'x', op: 'not like', values: [text('a\nb')] }, { field: 'y', op: 'not in', values: [call('LOGINUSER')] }] };
    const again = filterFromText(whereText(exprOfFilter(f)));
    expect(again?.match).toBe('or');
    expect(again?.conditions.map((c) => [c.field, c.op])).toEqual([
      ['x', 'not like'],
      ['y', 'not in'],
    ]);
    expect(again?.conditions[0]?.values).toEqual([text('a\nb')]);
  });

  it('composes the filter, the keyword over text fields, the sort and the page', () => {
    const filter = exprOfFilter({ match: 'or', conditions: [{ field: 'a', op: '=', values: [text('1')] }, { field: 'b', op: '=', values: [text('2')] }] });
    const where = joinExprs('and', [filter, keywordExpr(' 見積 ', ['title', 'memo'])]);
    const q = composeQuery({ where, orderBy: parseSort('amount desc, $id asc'), limit: 20, offset: 40 });
    expect(q).toBe('(a = "1" or b = "2") and (title like "見積" or memo like "見積") order by amount desc, $id asc limit 20 offset 40');
    // The server's parser reads it as written.
    expect(parseQuery(q).limit).toBe(20);
    expect(keywordExpr('  ', ['title'])).toBeNull();
    expect(composeQuery({ where: null, orderBy: [] })).toBe('');
  });

  it('reads and writes a view’s sort', () => {
    expect(printSort(parseSort('Record_number desc'))).toBe('Record_number desc');
    expect(parseSort('nonsense here')).toEqual([]);
    expect(parseSort('')).toEqual([]);
  });
});
