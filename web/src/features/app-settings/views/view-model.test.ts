import { describe, expect, it } from 'vitest';
import type { Property, View } from '../../../../../common/fields/index.js';
import { columnChoices, draftsOf, sortOf, sortText, viewsBody } from './view-model';

describe('view drafts', () => {
  const views = {
    B: { type: 'CALENDAR', name: 'B', index: '1', id: '9', date: 'due', title: 'title', filterCond: '', sort: '' },
    A: { type: 'LIST', name: 'A', index: '0', id: '8', fields: ['title'], filterCond: 'kind in ("x")', sort: 'title asc' },
    C: { type: 'CUSTOM', name: 'C', index: '2', id: '7', html: '<p>x</p>', pager: true, device: 'ANY', filterCond: '', sort: '' },
  } as unknown as Record<string, View & { id?: string }>;

  it('reads views in their order and writes them back renumbered, keeping what it does not edit', () => {
    const list = draftsOf(views);
    expect(list.map((v) => v.name)).toEqual(['A', 'B', 'C']);
    const body = viewsBody([list[1]!, list[0]!, list[2]!]);
    expect(body).toEqual({
      B: { type: 'CALENDAR', name: 'B', index: '0', filterCond: '', sort: '', date: 'due', title: 'title' },
      A: { type: 'LIST', name: 'A', index: '1', filterCond: 'kind in ("x")', sort: 'title asc', fields: ['title'] },
      C: { type: 'CUSTOM', name: 'C', index: '2', filterCond: '', sort: '', html: '<p>x</p>', pager: true, device: 'ANY' },
    });
  });

  it('reads and writes one sort key', () => {
    expect(sortOf('title asc, due desc')).toEqual({ code: 'title', order: 'asc' });
    expect(sortOf('')).toBeNull();
    expect(sortText('title', 'desc')).toBe('title desc');
    expect(sortText('', 'desc')).toBe('');
  });

  it('offers values and table columns, not containers or a process that is off', () => {
    const fields = {
      title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
      g: { type: 'GROUP', code: 'g', label: 'G' },
      Status: { type: 'STATUS', code: 'Status', label: 'Status', enabled: false },
      t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { q: { type: 'NUMBER', code: 'q', label: 'Qty' } } },
    } as unknown as Record<string, Property>;
    expect(columnChoices(fields).map((c) => c.code)).toEqual(['title', 'q']);
  });
});
