import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { EMPTY_FORM, draftOfForm, partOfKey, placeErrors } from './view-form';

describe('the view form', () => {
  it('sends a list view’s settings, the allow-list by line, and no password unless one is typed', () => {
    const draft = draftOfForm({ ...EMPTY_FORM, title: 'Houses', fields: ['a', 'b'], sort: [{ field: 'a', order: 'desc' }, { field: '', order: 'asc' }], ipAllow: ' 10.0.0.0/8 \n\n192.0.2.1\n' });
    expect(draft).toEqual({
      title: 'Houses',
      description: '',
      settings: { fields: ['a', 'b'], detail: { enabled: true }, filter: '', sort: [{ field: 'a', order: 'desc' }], pageSize: 20, search: false, searchForm: [], blocks: { above: '', below: '' } },
      ipAllow: ['10.0.0.0/8', '192.0.2.1'],
    });
    expect('password' in draft).toBe(false);
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
    expect('settings' in draftOfForm({ ...EMPTY_FORM, kind: 'dashboard' })).toBe(false);
  });

  it('puts the server’s objections beside the part they are about', () => {
    expect(partOfKey('settings.blocks.above')).toBe('above');
    expect(partOfKey('ipAllow[2]')).toBe('ipAllow');
    expect(partOfKey('settings.detail.fields[0]')).toBe('detail');
    expect(partOfKey('settings.pageSize')).toBe('pageSize');
    expect(partOfKey('somethingElse')).toBeNull();
    const invalid = new ApiError(400, { code: 'CB_VA01', id: 'x', message: 'Missing or invalid input.', errors: { 'ipAllow[1]': { messages: ['bad'] }, other: { messages: ['odd'] } } });
    expect(placeErrors(invalid)).toEqual({ byPart: { ipAllow: 'bad' }, unplaced: ['odd'] });
    const filter = new ApiError(400, { code: 'CB_PV11', id: 'x', message: 'This filter cannot be used' });
    expect(placeErrors(filter).byPart).toEqual({ filter: 'This filter cannot be used' });
  });
});
