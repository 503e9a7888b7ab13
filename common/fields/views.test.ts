import { describe, expect, it } from 'vitest';
import { fixtureFields, rendered } from './test-support.js';
import { parseViews } from './views.js';

const fields = fixtureFields();
const keys = (problems: Record<string, { key: string }[]>) => Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.map((p) => p.key)]));

describe('parseViews', () => {
  it('completes each kind of view and renumbers indexes', () => {
    const { views, problems } = parseViews(
      {
        Calendar: { type: 'CALENDAR', index: 5, date: 'day', title: 'title' },
        All: { type: 'LIST', index: '0', name: 'All', fields: ['title', 'qty', 'name'], filterCond: 'qty > 1', sort: 'qty desc' },
        Custom: { type: 'CUSTOM', html: '<div id="x"></div>', pager: 'false', device: 'ANY' },
      },
      fields,
    );
    expect(problems).toEqual({});
    expect(JSON.parse(JSON.stringify(views))).toEqual({
      All: { type: 'LIST', index: '0', name: 'All', filterCond: 'qty > 1', sort: 'qty desc', fields: ['title', 'qty', 'name'] },
      Custom: { type: 'CUSTOM', index: '1', name: 'Custom', filterCond: '', sort: '', html: '<div id="x"></div>', pager: false, device: 'ANY' },
      Calendar: { type: 'CALENDAR', index: '2', name: 'Calendar', filterCond: '', sort: '', date: 'day', title: 'title' },
    });
  });

  it('defaults a custom view to the pager on desktop', () => {
    const { views } = parseViews({ C: { type: 'CUSTOM' } }, fields);
    expect(views.C).toMatchObject({ html: '', pager: true, device: 'DESKTOP' });
  });

  it.each([
    ['no type', { V: {} }, { 'views.V.type': ['required'] }],
    ['bad type', { V: { type: 'GANTT' } }, { 'views.V.type': ['enumValue'] }],
    ['name differs from key', { V: { type: 'LIST', name: 'W' } }, { 'views.V.name': ['invalid'] }],
    ['long name', { ['v'.repeat(65)]: { type: 'LIST' } }, { [`views.${'v'.repeat(65)}.name`]: ['tooLong'] }],
    ['blank name', { ' ': { type: 'LIST' } }, { 'views. .name': ['required'] }],
    ['unknown column', { V: { type: 'LIST', fields: ['title', 'nope'] } }, { 'views.V.fields[1]': ['fieldNotFound'] }],
    ['table as a column', { V: { type: 'LIST', fields: ['items'] } }, { 'views.V.fields[0]': ['fieldNotFound'] }],
    ['column twice', { V: { type: 'LIST', fields: ['qty', 'qty'] } }, { 'views.V.fields[1]': ['duplicateInRequest'] }],
    ['calendar on a text', { V: { type: 'CALENDAR', date: 'title', title: 'title' } }, { 'views.V.date': ['fieldNotFound'] }],
    ['calendar without title', { V: { type: 'CALENDAR', date: 'at' } }, { 'views.V.title': ['required'] }],
    ['bad device', { V: { type: 'CUSTOM', device: 'MOBILE' } }, { 'views.V.device': ['enumValue'] }],
    ['bad index', { V: { type: 'LIST', index: 'first' } }, { 'views.V.index': ['notNumber'] }],
    ['filter not text', { V: { type: 'LIST', filterCond: 1 } }, { 'views.V.filterCond': ['invalid'] }],
  ])('refuses %s', (_name, input, expected) => {
    const { views, problems } = parseViews(input, fields);
    expect(keys(problems)).toEqual(expected);
    expect(views).toEqual({});
  });

  it('accepts a 64-character name and 1,000 views, refuses 1,001', () => {
    expect(parseViews({ ['名'.repeat(64)]: { type: 'LIST' } }, fields).problems).toEqual({});
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, { type: 'LIST' }]));
    expect(Object.keys(parseViews(many(1000), fields).views)).toHaveLength(1000);
    expect(rendered(parseViews(many(1001), fields).problems, 'ja')).toEqual({ views: ['1000件以下で指定してください。'] });
  });

  it('keeps a view named __proto__ as data', () => {
    const { views, problems } = parseViews(JSON.parse('{"__proto__": {"type": "LIST"}}'), fields);
    expect(problems).toEqual({});
    expect(Object.keys(views)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(views)).toBeNull();
  });
});
