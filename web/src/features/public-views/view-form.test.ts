import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { PublicViewJson } from '../../../../common/api/public-views.js';
import { EMPTY_FORM, draftOfForm, formOfView } from './view-form';
import { entryProblems, partOfKey, placeErrors } from './view-form-errors';

const BASE = { fields: ['a'], detail: { enabled: false }, filter: '', sort: [], pageSize: 20, search: false, searchForm: [], blocks: { above: '', below: '' } };
const VIEW = { id: 'pv_aaaaaaaaaaaaaaaaaaaa', app: '1', title: 'T', description: '', published: false, hasPassword: false, emailAuth: null, ipAllow: [], frameAncestors: [], configVersion: 1 };

describe('the view form', () => {
  it('sends a list view’s settings, the allow-list and embedding sites by line, and no password unless one is typed', () => {
    const draft = draftOfForm({
      ...EMPTY_FORM,
      title: 'Houses',
      fields: ['a', 'b'],
      sort: [{ field: 'a', order: 'desc' }, { field: '', order: 'asc' }],
      ipAllow: ' 10.0.0.0/8 \n\n192.0.2.1\n',
      frameAncestors: 'https://a.example\r\n\n  https://b.example:8443 \n',
    });
    expect(draft).toEqual({
      title: 'Houses',
      description: '',
      settings: { fields: ['a', 'b'], detail: { enabled: true }, filter: '', sort: [{ field: 'a', order: 'desc' }], pageSize: 20, search: false, searchForm: [], blocks: { above: '', below: '' } },
      ipAllow: ['10.0.0.0/8', '192.0.2.1'],
      frameAncestors: ['https://a.example', 'https://b.example:8443'],
    });
    expect('password' in draft).toBe(false);
    expect(formOfView({ ...VIEW, kind: 'list', settings: BASE, frameAncestors: ['https://a.example', 'https://b.example'] } as unknown as PublicViewJson).frameAncestors).toBe('https://a.example\nhttps://b.example');
  });

  it('keeps, replaces or removes an existing password', () => {
    const existing = { hasPassword: true } as Parameters<typeof draftOfForm>[1];
    expect('password' in draftOfForm({ ...EMPTY_FORM, passwordOn: true }, existing)).toBe(false);
    expect(draftOfForm({ ...EMPTY_FORM, passwordOn: true, password: 'longer-secret' }, existing).password).toBe('longer-secret');
    expect(draftOfForm({ ...EMPTY_FORM, passwordOn: false }, existing).password).toBeNull();
  });

  it('sends a list view’s search form as edited, and places the server’s objection to it', () => {
    const items = [
      { kind: 'text' as const, key: 'item1', label: 'Words', fields: ['title', 'note'] },
      { kind: 'choice' as const, key: 'item2', label: '', field: 'stage' },
    ];
    expect(draftOfForm({ ...EMPTY_FORM, fields: ['title'], searchForm: items }).settings?.searchForm).toEqual(items);
    // Only a list has a search form: a card's settings carry none.
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'card', searchForm: items }).settings).not.toHaveProperty('searchForm');
    const pv34 = new ApiError(400, { code: 'CB_PV34', id: 'x', message: 'The search item cannot use the field.' });
    expect(placeErrors(pv34).byPart.searchForm).toBe('The search item cannot use the field.');
    expect(partOfKey('settings.searchForm[1].key')).toBe('searchForm');
  });

  it('gives the detail page its own fields only when asked to', () => {
    expect(draftOfForm({ ...EMPTY_FORM, detailSame: false, detailFields: ['x'] }).settings?.detail).toEqual({ enabled: true, fields: ['x'] });
    expect(draftOfForm({ ...EMPTY_FORM, detailEnabled: false, detailSame: false, detailFields: ['x'] }).settings?.detail).toEqual({ enabled: false });
  });

  it('writes each kind’s own settings, and leaves a kind it does not edit alone', () => {
    const k = { ...EMPTY_FORM.k, titleField: 'title', imageField: 'photo', startField: 'due', segmentField: 'stage', groupField: 'stage', aggregationType: 'SUM' as const, aggregationField: 'amount' };
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'card', k, fields: ['a'] }).settings).toMatchObject({ fields: ['a'], card: { title: 'title', image: 'photo' } });
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'calendar', k }).settings).toEqual({ detail: { enabled: true }, filter: '', search: false, blocks: { above: '', below: '' }, calendar: { title: 'title', start: 'due', mode: 'month' } });
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'segment', k, fields: ['a'] }).settings).toMatchObject({ segment: { field: 'stage' } });
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'graph', k }).settings).toEqual({ filter: '', blocks: { above: '', below: '' }, graph: { chartType: 'COLUMN', group: { field: 'stage' }, aggregation: { type: 'SUM', field: 'amount' } } });
  });

  it('writes an advanced graph, a dashboard and a MyPage match, and reads them back', () => {
    const adv = {
      chartType: 'COLUMN' as const,
      chartMode: 'STACKED' as const,
      groups: [{ field: 'due', per: 'MONTH' as const }, { field: 'stage' }],
      aggregations: [{ type: 'COUNT' as const }, { type: 'SUM' as const, field: 'amount' }],
      sorts: [{ by: 'GROUP1' as const, order: 'ASC' as const }],
      axis: { x: { title: 'Month', min: '', max: '' }, y: { title: 'Yen', min: '0', max: 'lots' } },
    };
    const graph = draftOfForm({ ...EMPTY_FORM, kind: 'advancedGraph', adv, filter: ' stage in ("A") ' }).settings;
    expect(graph).toEqual({
      filter: 'stage in ("A")',
      blocks: { above: '', below: '' },
      graph: {
        chartType: 'COLUMN',
        chartMode: 'STACKED',
        groups: [{ field: 'due', per: 'MONTH' }, { field: 'stage' }],
        aggregations: [{ type: 'COUNT' }, { type: 'SUM', field: 'amount' }],
        sorts: [{ by: 'GROUP1', order: 'ASC' }],
        // A bound that is not a number goes as typed, for the server to refuse beside its input.
        axis: { x: { title: 'Month' }, y: { title: 'Yen', min: 0, max: 'lots' } },
      },
    });
    const view = (kind: PublicViewJson['kind'], settings: Record<string, unknown>) => ({ ...VIEW, kind, settings }) as unknown as PublicViewJson;
    expect(formOfView(view('advancedGraph', { ...BASE, graph: { ...(graph!.graph as object), axis: { x: { title: 'Month' }, y: { title: 'Yen', min: 0 } } } })).adv).toEqual({ ...adv, axis: { x: adv.axis.x, y: { title: 'Yen', min: '0', max: '' } } });
    const items = [
      { type: 'view' as const, view: 'pv_aaaaaaaaaaaaaaaaaaaa', x: 0, y: 0, w: 6, h: 4 },
      { type: 'text' as const, html: '<p>Hi</p>', x: 6, y: 0, w: 6, h: 2 },
    ];
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'dashboard', dash: items }).settings).toEqual({ blocks: { above: '', below: '' }, dashboard: { items } });
    expect(formOfView(view('dashboard', { ...BASE, dashboard: { items } })).dash).toEqual(items);
    const match = [{ field: 'email', attribute: 'email', op: 'eq' as const }, { field: 'code', attribute: 'code', op: 'prefix' as const }];
    expect(draftOfForm({ ...EMPTY_FORM, kind: 'myPage', fields: ['a'], match }).settings).toMatchObject({ fields: ['a'], match, searchForm: [] });
    expect(formOfView(view('myPage', { ...BASE, match })).match).toEqual(match);
    const pv38 = new ApiError(400, { code: 'CB_PV38', id: 'x', message: 'The field cannot be matched.' });
    expect(placeErrors(pv38).byPart.match).toBe('The field cannot be matched.');
    expect(partOfKey('settings.match[0].attribute')).toBe('match');
    expect(partOfKey('settings.dashboard.items[2].view')).toBe('kind');
  });

  it('puts the server’s objections beside the part they are about', () => {
    expect(partOfKey('settings.blocks.above')).toBe('above');
    expect(partOfKey('ipAllow[2]')).toBe('ipAllow');
    expect(partOfKey('settings.detail.fields[0]')).toBe('detail');
    expect(partOfKey('settings.pageSize')).toBe('pageSize');
    expect(partOfKey('somethingElse')).toBeNull();
    const invalid = new ApiError(400, { code: 'CB_VA01', id: 'x', message: 'Missing or invalid input.', errors: { 'ipAllow[1]': { messages: ['bad'] }, other: { messages: ['odd'] } } });
    expect(placeErrors(invalid)).toEqual({ byPart: { ipAllow: 'bad' }, unplaced: ['odd'] });
    const frames = new ApiError(400, {
      code: 'CB_VA01',
      id: 'x',
      message: 'Missing or invalid input.',
      errors: { 'frameAncestors[1]': { messages: ['The value is invalid.'] }, frameAncestors: { messages: ['Specify 20 or fewer items.'] } },
    });
    expect(placeErrors(frames).byPart.frameAncestors).toBeDefined();
    const named = entryProblems(frames, 'frameAncestors', ['https://a.example', 'http://b.example'], (entry, n) => `${n}: ${entry}:`);
    expect(named.sort()).toEqual(['2: http://b.example: The value is invalid.', 'Specify 20 or fewer items.']);
    expect(entryProblems(invalid, 'frameAncestors', [], String)).toEqual([]);
    const filter = new ApiError(400, { code: 'CB_PV11', id: 'x', message: 'This filter cannot be used' });
    expect(placeErrors(filter).byPart).toEqual({ filter: 'This filter cannot be used' });
  });
});
