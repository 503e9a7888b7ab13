import { describe, expect, it } from 'vitest';
import type { ViewJson } from '../../../../common/api/app-reads.js';
import type { Property } from '../../../../common/fields/index.js';
import { ALL_RECORDS_VIEW, effectiveQuery, keywordFields, orderedViews, readListState, viewColumns, writeListState } from './list-state';
import { composeQuery } from './query/filter';

const view: ViewJson = { id: '7', type: 'LIST', name: 'Open', index: '0', filterCond: 'status in ("open")', sort: 'amount desc', fields: ['title', 'amount'] };
const props = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  memo: { type: 'MULTI_LINE_TEXT', code: 'memo', label: 'Memo' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  items: { type: 'SUBTABLE', code: 'items', label: 'Items' },
  Status: { type: 'STATUS', code: 'Status', label: 'Status', enabled: false },
} as Record<string, Property>;

describe('the record list’s address', () => {
  it('reads defaults and writes only what differs from them', () => {
    const s = readListState(new URLSearchParams('page=0&size=33'));
    expect(s).toEqual({ view: null, q: null, sort: null, page: 1, size: 20, kw: '', graph: null });
    const p = writeListState({ ...s, view: '7', page: 3, size: 40, q: '' });
    expect(p.toString()).toBe('view=7&q=&page=3&size=40');
  });

  it('takes the view’s filter and sort unless the person set their own, and adds the keyword', () => {
    const s = readListState(new URLSearchParams('kw=abc'));
    const q = effectiveQuery(s, view, keywordFields(props, null));
    expect(composeQuery({ where: q.where, orderBy: q.orderBy })).toBe('status in ("open") and (title like "abc" or memo like "abc") order by amount desc');
    const own = effectiveQuery({ ...s, kw: '', q: '', sort: 'title asc' }, view, []);
    expect(composeQuery({ where: own.where, orderBy: own.orderBy })).toBe('order by title asc');
    const bad = effectiveQuery({ ...s, kw: '', q: 'a = ' }, view, []);
    expect([bad.invalid, composeQuery({ where: bad.where, orderBy: [] })]).toEqual([true, 'status in ("open")']);
  });

  it('lists the preset view when an app has none, and every valued field as its columns', () => {
    expect(orderedViews({})).toEqual([ALL_RECORDS_VIEW]);
    expect(viewColumns(ALL_RECORDS_VIEW, props)).toEqual(['title', 'memo', 'amount']);
    expect(viewColumns(view, props)).toEqual(['title', 'amount']);
    expect(keywordFields(props, new Set(['memo']))).toEqual(['memo']);
  });
});
