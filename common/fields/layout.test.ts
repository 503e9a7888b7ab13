import { describe, expect, it } from 'vitest';
import { defaultLayout, parseLayout } from './layout.js';
import { fixtureFields } from './test-support.js';

const fields = fixtureFields();
const keys = (problems: Record<string, { key: string }[]>) => Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.map((p) => p.key)]));

describe('parseLayout', () => {
  it('accepts rows, tables, groups and decorations, with sizes as strings', () => {
    const input = [
      {
        type: 'ROW',
        fields: [
          { type: 'SINGLE_LINE_TEXT', code: 'title', size: { width: 200 } },
          { type: 'LABEL', label: '<b>Hi</b>', size: { width: '100' } },
          { type: 'SPACER', elementId: 'sp1', size: { width: '20', height: 30 } },
          { type: 'HR', size: { width: '300' } },
          { type: 'RECORD_NUMBER', code: 'Record_number', size: { width: '100' } },
        ],
      },
      { type: 'ROW', fields: [{ type: 'MULTI_LINE_TEXT', code: 'note', size: { width: '400', innerHeight: '80' } }, { type: 'REFERENCE_TABLE', code: 'ref' }] },
      { type: 'SUBTABLE', code: 'items', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'name', size: { width: '100' } }, { type: 'NUMBER', code: 'n' }] },
      { type: 'GROUP', code: 'grp', layout: [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'qty', size: { width: '90' } }] }] },
    ];
    const { layout, problems } = parseLayout(input, fields);
    expect(problems).toEqual({});
    expect(layout).toEqual([
      {
        type: 'ROW',
        fields: [
          { type: 'SINGLE_LINE_TEXT', code: 'title', size: { width: '200' } },
          { type: 'LABEL', label: '<b>Hi</b>', size: { width: '100' } },
          { type: 'SPACER', elementId: 'sp1', size: { width: '20', height: '30' } },
          { type: 'HR', size: { width: '300' } },
          { type: 'RECORD_NUMBER', code: 'Record_number', size: { width: '100' } },
        ],
      },
      { type: 'ROW', fields: [{ type: 'MULTI_LINE_TEXT', code: 'note', size: { width: '400', innerHeight: '80' } }, { type: 'REFERENCE_TABLE', code: 'ref' }] },
      { type: 'SUBTABLE', code: 'items', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'name', size: { width: '100' } }, { type: 'NUMBER', code: 'n', size: { width: '193' } }] },
      { type: 'GROUP', code: 'grp', layout: [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'qty', size: { width: '90' } }] }] },
    ]);
  });

  it.each([
    ['not an array', { rows: [] }, { layout: ['invalid'] }],
    ['unknown row type', [{ type: 'COLUMN', fields: [] }], { 'layout[0].type': ['enumValue'] }],
    ['row without fields', [{ type: 'ROW' }], { 'layout[0].fields': ['required'] }],
    ['unknown field', [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'nope' }] }], { 'layout[0].fields[0].code': ['fieldNotFound'] }],
    ['wrong type for the field', [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'title' }] }], { 'layout[0].fields[0].code': ['layoutMisplaced'] }],
    ['table in a row', [{ type: 'ROW', fields: [{ type: 'SUBTABLE', code: 'items' }] }], { 'layout[0].fields[0].code': ['layoutMisplaced'] }],
    ['status in a row', [{ type: 'ROW', fields: [{ type: 'STATUS', code: 'Status' }] }], { 'layout[0].fields[0].code': ['layoutMisplaced'] }],
    ['column in a row', [{ type: 'ROW', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'name' }] }], { 'layout[0].fields[0].code': ['fieldNotFound'] }],
    ['field in the wrong table', [{ type: 'SUBTABLE', code: 'items', fields: [{ type: 'NUMBER', code: 'qty' }] }], { 'layout[0].fields[0].code': ['fieldNotFound'] }],
    ['label in a table', [{ type: 'SUBTABLE', code: 'items', fields: [{ type: 'LABEL', label: 'x' }] }], { 'layout[0].fields[0].type': ['enumValue'] }],
    ['group code not a group', [{ type: 'GROUP', code: 'title', layout: [] }], { 'layout[0].code': ['layoutMisplaced'] }],
    ['group in a group', [{ type: 'GROUP', code: 'grp', layout: [{ type: 'GROUP', code: 'grp', layout: [] }] }], { 'layout[0].layout[0].type': ['enumValue'] }],
    ['bad size', [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'qty', size: { width: '100%' } }] }], { 'layout[0].fields[0].size.width': ['invalid'] }],
    [
      'field placed twice',
      [
        { type: 'ROW', fields: [{ type: 'NUMBER', code: 'qty' }] },
        { type: 'GROUP', code: 'grp', layout: [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'qty' }] }] },
      ],
      { 'layout[1].layout[0].fields[0].code': ['layoutDuplicate'] },
    ],
    [
      'table placed twice',
      [
        { type: 'SUBTABLE', code: 'items', fields: [] },
        { type: 'SUBTABLE', code: 'items', fields: [] },
      ],
      { 'layout[1].code': ['layoutDuplicate'] },
    ],
  ])('refuses %s', (_name, input, expected) => {
    const { layout, problems } = parseLayout(input, fields);
    expect(keys(problems)).toEqual(expected);
    expect(layout).toEqual([]);
  });

  it('names the duplicate in its message', () => {
    const { problems } = parseLayout([{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'qty' }, { type: 'NUMBER', code: 'qty' }] }], fields);
    expect(problems['layout[0].fields[1].code']).toEqual([{ key: 'layoutDuplicate', params: { code: 'qty' } }]);
  });
});

describe('defaultLayout', () => {
  it('puts each field on its own row in form order, tables as table blocks, no system fields', () => {
    const layout = defaultLayout(fields);
    expect(layout[0]).toEqual({ type: 'ROW', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'title', size: { width: '193' } }] });
    expect(layout[1]).toEqual({ type: 'ROW', fields: [{ type: 'MULTI_LINE_TEXT', code: 'note', size: { width: '315', innerHeight: '125' } }] });
    const table = layout.find((r) => r.type === 'SUBTABLE');
    expect(table).toMatchObject({ type: 'SUBTABLE', code: 'items' });
    expect(table?.type === 'SUBTABLE' && table.fields.map((f) => f.code)).toEqual(['name', 'n', 'kind', 'tags', 'cfile', 'who', 'sub']);
    expect(layout.find((r) => r.type === 'GROUP')).toEqual({ type: 'GROUP', code: 'grp', layout: [] });
    expect(layout).toContainEqual({ type: 'ROW', fields: [{ type: 'REFERENCE_TABLE', code: 'ref' }] });
    const codes = layout.flatMap((r) => (r.type === 'ROW' ? r.fields.map((f) => f.code) : [r.code]));
    expect(codes).not.toContain('Record_number');
    expect(codes).not.toContain('Status');
    expect(layout).toHaveLength(Object.keys(fields).length - 8);
  });

  it('is a layout parseLayout accepts unchanged', () => {
    const layout = defaultLayout(fields);
    expect(parseLayout(JSON.parse(JSON.stringify(layout)), fields)).toEqual({ layout, problems: {} });
  });
});
