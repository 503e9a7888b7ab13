import { describe, expect, it } from 'vitest';
import { parseFieldProperties } from './properties.js';
import { newAppSystemFields } from './system-fields.js';
import { rendered } from './test-support.js';
import type { Property } from './types.js';

const add = (input: unknown, existing: Record<string, Property> = newAppSystemFields('ja')) =>
  parseFieldProperties(input, { mode: 'add', existing, locale: 'ja' });
const update = (input: unknown, existing: Record<string, Property>) => parseFieldProperties(input, { mode: 'update', existing, locale: 'en' });
const keys = (r: { problems: Record<string, { key: string }[]> }) =>
  Object.fromEntries(Object.entries(r.problems).map(([k, v]) => [k, v.map((p) => p.key)]));

/** An app with a text, a drop-down, a table and the system fields, as the add parser made them. */
function app(): Record<string, Property> {
  const existing = newAppSystemFields('en');
  const r = add(
    {
      title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title', maxLength: '20' },
      drop: { type: 'DROP_DOWN', code: 'drop', label: 'Drop', options: { a: { label: 'a', index: '0' }, b: { label: 'b', index: '1' } }, defaultValue: 'b' },
      items: {
        type: 'SUBTABLE',
        code: 'items',
        label: 'Items',
        fields: { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' }, qty: { type: 'NUMBER', code: 'qty', label: 'Qty' } },
      },
    },
    existing,
  );
  expect(r.problems).toEqual({});
  return { ...existing, ...r.properties };
}

describe('parseFieldProperties add: refusals and their keys', () => {
  it.each([
    ['missing type', { f: { code: 'f', label: 'F' } }, { 'properties.f.type': ['required'] }],
    ['unknown type', { f: { type: 'LABEL', code: 'f', label: 'F' } }, { 'properties.f.type': ['enumValue'] }],
    ['system type', { f: { type: 'CREATOR', code: 'f', label: 'F' } }, { 'properties.f.type': ['typeNotCreatable'] }],
    ['status type', { f: { type: 'STATUS', code: 'f', label: 'F' } }, { 'properties.f.type': ['typeNotCreatable'] }],
    ['missing label', { f: { type: 'NUMBER', code: 'f' } }, { 'properties.f.label': ['required'] }],
    ['empty label', { f: { type: 'NUMBER', code: 'f', label: '' } }, { 'properties.f.label': ['required'] }],
    ['long label', { f: { type: 'NUMBER', code: 'f', label: 'あ'.repeat(129) } }, { 'properties.f.label': ['tooLong'] }],
    ['bad code', { '1f': { type: 'NUMBER', code: '1f', label: 'F' } }, { 'properties.1f.code': ['fieldCodeInvalid'] }],
    ['reserved code', { limit: { type: 'NUMBER', code: 'limit', label: 'F' } }, { 'properties.limit.code': ['fieldCodeReserved'] }],
    ['code differs from key', { f: { type: 'NUMBER', code: 'g', label: 'F' } }, { 'properties.f.code': ['invalid'] }],
    ['code of a system field', { 作成者: { type: 'NUMBER', code: '作成者', label: 'F' } }, { 'properties.作成者.code': ['fieldCodeDuplicate'] }],
    ['not an object', { f: 'NUMBER' }, { 'properties.f': ['invalid'] }],
    ['bad boolean', { f: { type: 'NUMBER', code: 'f', label: 'F', required: 'yes' } }, { 'properties.f.required': ['invalid'] }],
    ['bad enum', { f: { type: 'NUMBER', code: 'f', label: 'F', unitPosition: 'LEFT' } }, { 'properties.f.unitPosition': ['enumValue'] }],
    ['bad thumbnail', { f: { type: 'FILE', code: 'f', label: 'F', thumbnailSize: '100' } }, { 'properties.f.thumbnailSize': ['enumValue'] }],
    ['bad length', { f: { type: 'LINK', code: 'f', label: 'F', maxLength: 'ten' } }, { 'properties.f.maxLength': ['notNumber'] }],
    ['negative length', { f: { type: 'LINK', code: 'f', label: 'F', maxLength: -1 } }, { 'properties.f.maxLength': ['notNumber'] }],
    ['bad limit', { f: { type: 'NUMBER', code: 'f', label: 'F', maxValue: '1,000' } }, { 'properties.f.maxValue': ['notNumber'] }],
    ['min over max length', { f: { type: 'SINGLE_LINE_TEXT', code: 'f', label: 'F', minLength: 5, maxLength: 3 } }, { 'properties.f.minLength': ['minOverMax'] }],
    ['min over max value', { f: { type: 'NUMBER', code: 'f', label: 'F', minValue: '10', maxValue: '9.5' } }, { 'properties.f.minValue': ['minOverMax'] }],
    ['default over max', { f: { type: 'NUMBER', code: 'f', label: 'F', maxValue: '9', defaultValue: '10' } }, { 'properties.f.defaultValue': ['max'] }],
    ['default too long', { f: { type: 'SINGLE_LINE_TEXT', code: 'f', label: 'F', maxLength: '3', defaultValue: 'abcd' } }, { 'properties.f.defaultValue': ['tooLong'] }],
    ['default not a number', { f: { type: 'NUMBER', code: 'f', label: 'F', defaultValue: 'x' } }, { 'properties.f.defaultValue': ['notNumber'] }],
    ['bad default date', { f: { type: 'DATE', code: 'f', label: 'F', defaultValue: '2020-02-30' } }, { 'properties.f.defaultValue': ['dateFormat'] }],
    ['bad default time', { f: { type: 'TIME', code: 'f', label: 'F', defaultValue: '25:00' } }, { 'properties.f.defaultValue': ['timeFormat'] }],
    ['bad default datetime', { f: { type: 'DATETIME', code: 'f', label: 'F', defaultValue: 'soon' } }, { 'properties.f.defaultValue': ['datetimeFormat'] }],
    ['options missing', { f: { type: 'DROP_DOWN', code: 'f', label: 'F' } }, { 'properties.f.options': ['required'] }],
    ['radio without options', { f: { type: 'RADIO_BUTTON', code: 'f', label: 'F', options: {} } }, { 'properties.f.options': ['required'] }],
    ['default not an option', { f: { type: 'DROP_DOWN', code: 'f', label: 'F', options: { a: {} }, defaultValue: 'b' } }, { 'properties.f.defaultValue': ['oneOf'] }],
    ['defaults not options', { f: { type: 'CHECK_BOX', code: 'f', label: 'F', options: { a: {} }, defaultValue: ['a', 'z'] } }, { 'properties.f.defaultValue': ['oneOf'] }],
    ['long option', { f: { type: 'MULTI_SELECT', code: 'f', label: 'F', options: { ['x'.repeat(256)]: {} } } }, { [`properties.f.options.${'x'.repeat(100)}…`]: ['tooLong'] }],
    ['bad option index', { f: { type: 'MULTI_SELECT', code: 'f', label: 'F', options: { a: { index: 'first' } } } }, { 'properties.f.options.a.index': ['notNumber'] }],
    ['CALC without expression', { f: { type: 'CALC', code: 'f', label: 'F' } }, { 'properties.f.expression': ['required'] }],
    ['bad entity type', { f: { type: 'GROUP_SELECT', code: 'f', label: 'F', entities: [{ code: 'x', type: 'USER' }] } }, { 'properties.f.entities[0].type': ['enumValue'] }],
    ['function outside defaults', { f: { type: 'USER_SELECT', code: 'f', label: 'F', entities: [{ code: 'LOGINUSER()', type: 'FUNCTION' }] } }, { 'properties.f.entities[0].type': ['enumValue'] }],
    ['entity without code', { f: { type: 'USER_SELECT', code: 'f', label: 'F', defaultValue: [{ type: 'USER' }] } }, { 'properties.f.defaultValue[0].code': ['required'] }],
    ['table without fields', { t: { type: 'SUBTABLE', code: 't', label: 'T' } }, { 'properties.t.fields': ['required'] }],
    ['table with no fields', { t: { type: 'SUBTABLE', code: 't', label: 'T', fields: {} } }, { 'properties.t.fields': ['invalid'] }],
    [
      'nested table',
      { t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { u: { type: 'SUBTABLE', code: 'u', label: 'U', fields: {} } } } },
      { 'properties.t.fields.u.type': ['typeNotInSubtable'] },
    ],
    [
      'group in a table',
      { t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { g: { type: 'GROUP', code: 'g', label: 'G' } } } },
      { 'properties.t.fields.g.type': ['typeNotInSubtable'] },
    ],
    [
      'related records in a table',
      { t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { r: { type: 'REFERENCE_TABLE', code: 'r', label: 'R' } } } },
      { 'properties.t.fields.r.type': ['typeNotInSubtable'] },
    ],
    [
      'column code used twice',
      {
        t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { c: { type: 'NUMBER', code: 'c', label: 'C' } } },
        c: { type: 'NUMBER', code: 'c', label: 'C' },
      },
      { 'properties.c.code': ['fieldCodeDuplicate'] },
    ],
    [
      'column code of the table itself',
      { t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { t: { type: 'NUMBER', code: 't', label: 'C' } } } },
      { 'properties.t.code': ['fieldCodeDuplicate'] },
    ],
    ['lookup without key field', { k: { type: 'SINGLE_LINE_TEXT', code: 'k', label: 'K', lookup: { relatedApp: { app: '3' } } } }, { 'properties.k.lookup.relatedKeyField': ['required'] }],
    ['lookup without app', { k: { type: 'SINGLE_LINE_TEXT', code: 'k', label: 'K', lookup: { relatedKeyField: 'x' } } }, { 'properties.k.lookup.relatedApp': ['required'] }],
    ['lookup with a bad app id', { k: { type: 'NUMBER', code: 'k', label: 'K', lookup: { relatedApp: { app: 'x' }, relatedKeyField: 'x' } } }, { 'properties.k.lookup.relatedApp.app': ['invalid'] }],
    [
      'lookup copying into nothing',
      { k: { type: 'NUMBER', code: 'k', label: 'K', lookup: { relatedApp: { app: 3 }, relatedKeyField: 'x', fieldMappings: [{ field: 'nope', relatedField: 'y' }] } } },
      { 'properties.k.lookup.fieldMappings[0].field': ['fieldNotFound'] },
    ],
    [
      'lookup copying onto itself',
      { k: { type: 'NUMBER', code: 'k', label: 'K', lookup: { relatedApp: { app: 3 }, relatedKeyField: 'x', fieldMappings: [{ field: 'k', relatedField: 'y' }] } } },
      { 'properties.k.lookup.fieldMappings[0].field': ['fieldNotFound'] },
    ],
    [
      'lookup mapping without its source',
      { k: { type: 'NUMBER', code: 'k', label: 'K', lookup: { relatedApp: { app: 3 }, relatedKeyField: 'x', fieldMappings: [{ field: 'k' }] } } },
      { 'properties.k.lookup.fieldMappings[0].relatedField': ['required'] },
    ],
    ['related records without condition', { r: { type: 'REFERENCE_TABLE', code: 'r', label: 'R', referenceTable: { relatedApp: { app: 3 } } } }, { 'properties.r.referenceTable.condition': ['required'] }],
    [
      'related records on a missing field',
      { r: { type: 'REFERENCE_TABLE', code: 'r', label: 'R', referenceTable: { relatedApp: { app: 3 }, condition: { field: 'zz', relatedField: 'a' } } } },
      { 'properties.r.referenceTable.condition.field': ['fieldNotFound'] },
    ],
    [
      'related records with a bad size',
      { r: { type: 'REFERENCE_TABLE', code: 'r', label: 'R', referenceTable: { relatedApp: { app: 3 }, condition: { field: 'レコード番号', relatedField: 'a' }, size: 7 } } },
      { 'properties.r.referenceTable.size': ['enumValue'] },
    ],
  ])('%s', (_name, input, expected) => {
    const r = add(input);
    expect(keys(r)).toEqual(expected);
  });

  it('refuses a missing or non-object properties map', () => {
    expect(keys(add(undefined))).toEqual({ properties: ['required'] });
    expect(keys(add([]))).toEqual({ properties: ['invalid'] });
  });

  it('refuses more than 1,000 options', () => {
    const options = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`o${i}`, {}]));
    const r = add({ f: { type: 'DROP_DOWN', code: 'f', label: 'F', options } });
    expect(rendered(r.problems, 'en')).toEqual({ 'properties.f.options': ['Specify 1000 or fewer items.'] });
  });

  it('accepts 1,000 options of 255 characters each', () => {
    const options = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${String(i).padStart(4, '0')}${'x'.repeat(251)}`, {}]));
    expect(add({ f: { type: 'DROP_DOWN', code: 'f', label: 'F', options } }).problems).toEqual({});
  });

  it('reports every bad field at once, in both languages', () => {
    const r = add({
      a: { type: 'NUMBER', code: 'a', label: 'A', maxValue: '5', defaultValue: '6' },
      b: { type: 'SINGLE_LINE_TEXT', code: 'b', label: 'B', maxLength: '2', defaultValue: 'abc' },
      c: { type: 'DROP_DOWN', code: 'c', label: 'C', options: { x: {} }, defaultValue: 'y' },
    });
    expect(rendered(r.problems, 'en')).toEqual({
      'properties.a.defaultValue': ['The value must be 5 or less.'],
      'properties.b.defaultValue': ['Enter less than 3 characters.'],
      'properties.c.defaultValue': ['The value, "y", is not in options.'],
    });
    expect(rendered(r.problems, 'ja')).toEqual({
      'properties.a.defaultValue': ['5以下である必要があります。'],
      'properties.b.defaultValue': ['3文字より短くなければなりません。'],
      'properties.c.defaultValue': ['"y"は選択肢にありません。'],
    });
  });

  it('treats a request key __proto__ as data, never as the prototype', () => {
    const input = JSON.parse('{"__proto__": {"type": "NUMBER", "code": "__proto__", "label": "x"}}') as unknown;
    const r = add(input);
    expect(keys(r)).toEqual({ 'properties.__proto__.code': ['fieldCodeReserved'] });
    expect(Object.getPrototypeOf(r.properties)).toBeNull();
  });

  it('checks lookups against fields added in the same request and in the app', () => {
    const r = add({
      k: { type: 'NUMBER', code: 'k', label: 'K', lookup: { relatedApp: { app: 3 }, relatedKeyField: 'x', fieldMappings: [{ field: 'c', relatedField: 'y' }, { field: 'レコード番号', relatedField: 'z' }] } },
      c: { type: 'SINGLE_LINE_TEXT', code: 'c', label: 'C' },
    });
    expect(keys(r)).toEqual({ 'properties.k.lookup.fieldMappings[1].field': ['fieldNotFound'] });
  });

  it('refuses two lookups copying into one field', () => {
    const lookup = (field: string) => ({ relatedApp: { app: 3 }, relatedKeyField: 'x', fieldMappings: [{ field, relatedField: 'y' }] });
    const r = add({
      k1: { type: 'NUMBER', code: 'k1', label: 'K', lookup: lookup('c') },
      k2: { type: 'NUMBER', code: 'k2', label: 'K', lookup: lookup('c') },
      c: { type: 'SINGLE_LINE_TEXT', code: 'c', label: 'C' },
    });
    expect(keys(r)).toEqual({
      'properties.k1.lookup.fieldMappings[0].field': ['duplicateInRequest'],
      'properties.k2.lookup.fieldMappings[0].field': ['duplicateInRequest'],
    });
  });
});

describe('parseFieldProperties update', () => {
  it('keeps attributes not sent and changes those sent', () => {
    const r = update({ title: { label: 'Subject', required: true } }, app());
    expect(r.problems).toEqual({});
    expect(r.properties.title).toMatchObject({ code: 'title', label: 'Subject', required: true, maxLength: '20', unique: false });
  });

  it('accepts the type when it is unchanged and refuses any change of type', () => {
    expect(update({ title: { type: 'SINGLE_LINE_TEXT', label: 'T' } }, app()).problems).toEqual({});
    expect(keys(update({ drop: { type: 'RADIO_BUTTON' } }, app()))).toEqual({ 'properties.drop.type': ['typeChange'] });
    expect(keys(update({ title: { type: 'MULTI_LINE_TEXT' } }, app()))).toEqual({ 'properties.title.type': ['typeChange'] });
  });

  it('renames when code differs from the key', () => {
    const r = update({ title: { code: 'subject' } }, app());
    expect(r.problems).toEqual({});
    expect(r.properties.title?.code).toBe('subject');
  });

  it('refuses a rename onto a code in use, including a column, and an invalid one', () => {
    expect(keys(update({ title: { code: 'drop' } }, app()))).toEqual({ 'properties.title.code': ['fieldCodeDuplicate'] });
    expect(keys(update({ title: { code: 'qty' } }, app()))).toEqual({ 'properties.title.code': ['fieldCodeDuplicate'] });
    expect(keys(update({ title: { code: 'Created_by' } }, app()))).toEqual({ 'properties.title.code': ['fieldCodeDuplicate'] });
    expect(keys(update({ title: { code: '9lives' } }, app()))).toEqual({ 'properties.title.code': ['fieldCodeInvalid'] });
    expect(rendered(update({ title: { code: 'drop' } }, app()).problems, 'en')).toEqual({
      'properties.title.code': ['The field code "drop" is already used by another field.'],
    });
  });

  it('lets two fields swap codes in one request', () => {
    const r = update({ title: { code: 'drop' }, drop: { code: 'title' } }, app());
    expect(r.problems).toEqual({});
    expect([r.properties.title?.code, r.properties.drop?.code]).toEqual(['drop', 'title']);
  });

  it('renames system fields but not the process and category fields', () => {
    expect(update({ Created_by: { code: 'Author', label: 'Author' } }, app()).problems).toEqual({});
    expect(keys(update({ Status: { code: 'State' } }, app()))).toEqual({ 'properties.Status.code': ['fieldCodeFixed'] });
    const kept = update({ Status: { label: 'State', enabled: true } }, app());
    expect(kept.properties.Status).toEqual({ type: 'STATUS', code: 'Status', label: 'State', enabled: false });
  });

  it('names a field that does not exist', () => {
    expect(rendered(update({ ghost: { label: 'x' } }, app()).problems, 'en')).toEqual({
      'properties.ghost': ['The specified field (code: ghost) is not found.'],
    });
  });

  it('re-checks the default against new options', () => {
    const r = update({ drop: { options: { a: {}, c: {} } } }, app());
    expect(keys(r)).toEqual({ 'properties.drop.defaultValue': ['oneOf'] });
    const ok = update({ drop: { options: { a: {}, c: {} }, defaultValue: 'c' } }, app());
    expect(ok.problems).toEqual({});
    expect(ok.properties.drop?.options).toEqual({ a: { label: 'a', index: '0' }, c: { label: 'c', index: '1' } });
  });

  it('re-checks limits against what the field already has', () => {
    expect(keys(update({ title: { minLength: '30' } }, app()))).toEqual({ 'properties.title.minLength': ['minOverMax'] });
  });

  it('updates, renames and adds table columns, keeping those not sent', () => {
    const r = update(
      { items: { fields: { name: { code: 'item', label: 'Item' }, price: { type: 'NUMBER', code: 'price', label: 'Price' } } } },
      app(),
    );
    expect(r.problems).toEqual({});
    const cols = r.properties.items?.fields as Record<string, Property>;
    expect(Object.keys(cols)).toEqual(['item', 'qty', 'price']);
    expect(cols.item).toMatchObject({ code: 'item', label: 'Item', type: 'SINGLE_LINE_TEXT' });
    expect(cols.price).toMatchObject({ code: 'price', unitPosition: 'BEFORE' });
  });

  it('keeps the columns when the table update sends none', () => {
    const r = update({ items: { label: 'Lines' } }, app());
    expect(r.problems).toEqual({});
    expect(Object.keys(r.properties.items?.fields as object)).toEqual(['name', 'qty']);
  });

  it('refuses a column renamed onto another column or field', () => {
    expect(keys(update({ items: { fields: { name: { code: 'qty' } } } }, app()))).toEqual({ 'properties.items.fields.name.code': ['fieldCodeDuplicate'] });
    expect(keys(update({ items: { fields: { name: { code: 'title' } } } }, app()))).toEqual({ 'properties.items.fields.name.code': ['fieldCodeDuplicate'] });
    expect(keys(update({ items: { fields: { name: { type: 'NUMBER' } } } }, app()))).toEqual({ 'properties.items.fields.name.type': ['typeChange'] });
  });
});
