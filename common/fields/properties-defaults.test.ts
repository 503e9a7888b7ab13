// What GET app/form/fields answers after an add that sent only type, code and label: every
// optional attribute filled as kintone fills it (spec §4.4, js-sdk property types).
import { describe, expect, it } from 'vitest';
import { parseFieldProperties } from './properties.js';
import { newAppSystemFields } from './system-fields.js';
import type { Property } from './types.js';

function added(code: string, input: Record<string, unknown>) {
  const { properties, problems } = parseFieldProperties({ [code]: { code, label: code, ...input } }, { mode: 'add', existing: {}, locale: 'ja' });
  expect(problems).toEqual({});
  return properties[code];
}

/** Exactly what goes over the wire: key sets and values, no prototypes. */
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const base = (type: string, code: string) => ({ type, code, label: code, noLabel: false });
const oneOption = { o1: { label: 'o1', index: '0' } };

describe('defaults filled on add', () => {
  it.each([
    [
      'SINGLE_LINE_TEXT',
      {},
      { required: false, unique: false, minLength: '', maxLength: '', expression: '', hideExpression: false, defaultValue: '' },
    ],
    [
      'NUMBER',
      {},
      {
        required: false,
        unique: false,
        minValue: '',
        maxValue: '',
        digit: false,
        displayScale: '',
        unit: '',
        unitPosition: 'BEFORE',
        defaultValue: '',
      },
    ],
    [
      'CALC',
      { expression: 'a+1' },
      { required: false, expression: 'a+1', hideExpression: false, format: 'NUMBER', displayScale: '', unit: '', unitPosition: 'BEFORE' },
    ],
    ['MULTI_LINE_TEXT', {}, { required: false, defaultValue: '' }],
    ['RICH_TEXT', {}, { required: false, defaultValue: '' }],
    ['LINK', {}, { required: false, unique: false, minLength: '', maxLength: '', protocol: 'WEB', defaultValue: '' }],
    ['CHECK_BOX', { options: oneOption }, { required: false, options: oneOption, defaultValue: [], align: 'HORIZONTAL' }],
    ['RADIO_BUTTON', { options: oneOption }, { required: true, options: oneOption, defaultValue: 'o1', align: 'HORIZONTAL' }],
    ['DROP_DOWN', { options: oneOption }, { required: false, options: oneOption, defaultValue: '' }],
    ['MULTI_SELECT', { options: oneOption }, { required: false, options: oneOption, defaultValue: [] }],
    ['FILE', {}, { required: false, thumbnailSize: '50' }],
    ['DATE', {}, { required: false, unique: false, defaultValue: '', defaultNowValue: false }],
    ['TIME', {}, { required: false, defaultValue: '', defaultNowValue: false }],
    ['DATETIME', {}, { required: false, unique: false, defaultValue: '', defaultNowValue: false }],
    ['USER_SELECT', {}, { required: false, entities: [], defaultValue: [] }],
    ['ORGANIZATION_SELECT', {}, { required: false, entities: [], defaultValue: [] }],
    ['GROUP_SELECT', {}, { required: false, entities: [], defaultValue: [] }],
    ['GROUP', {}, { openGroup: false }],
    [
      'REFERENCE_TABLE',
      { referenceTable: { relatedApp: { app: 3 }, condition: { field: 'other', relatedField: 'x' } } },
      {
        referenceTable: {
          relatedApp: { app: '3', code: '' },
          condition: { field: 'other', relatedField: 'x' },
          filterCond: '',
          displayFields: [],
          sort: '',
          size: '5',
        },
      },
    ],
  ])('%s', (type, input, expected) => {
    const existing: Record<string, Property> = type === 'REFERENCE_TABLE' ? { other: { type: 'SINGLE_LINE_TEXT', code: 'other', label: 'o', noLabel: false } } : {};
    const { properties, problems } = parseFieldProperties(
      { f: { type, code: 'f', label: 'f', ...input } },
      { mode: 'add', existing, locale: 'ja' },
    );
    expect(problems).toEqual({});
    expect(json(properties.f)).toStrictEqual({ ...base(type, 'f'), ...expected });
  });

  it('SUBTABLE: noLabel and the columns, each filled, without required or unique', () => {
    const p = added('t', { type: 'SUBTABLE', fields: { c: { type: 'DATE', code: 'c', label: 'C', unique: true } } });
    expect(json(p)).toStrictEqual({
      ...base('SUBTABLE', 't'),
      fields: { c: { ...base('DATE', 'c'), label: 'C', required: false, defaultValue: '', defaultNowValue: false } },
    });
  });

  it('lookup: common keys, required and the completed lookup only', () => {
    const p = added('k', {
      type: 'NUMBER',
      unique: true,
      lookup: { relatedApp: { code: 'CRM' }, relatedKeyField: 'no' },
    });
    expect(json(p)).toStrictEqual({
      ...base('NUMBER', 'k'),
      required: false,
      lookup: { relatedApp: { app: '', code: 'CRM' }, relatedKeyField: 'no', fieldMappings: [], lookupPickerFields: [], filterCond: '', sort: '' },
    });
  });

  it('turns numbers and boolean strings into kintone strings and booleans', () => {
    const p = added('n', { type: 'NUMBER', minValue: -5, maxValue: '1e2', displayScale: 2, digit: 'true', required: 'false', noLabel: 'true' });
    expect(p).toMatchObject({ minValue: '-5', maxValue: '100', displayScale: '2', digit: true, required: false, noLabel: true });
    const s = added('s', { type: 'SINGLE_LINE_TEXT', maxLength: 10, minLength: ' 2 ' });
    expect(s).toMatchObject({ maxLength: '10', minLength: '2' });
  });

  it('drops unique where the type has none, and attributes it does not know', () => {
    const p = added('m', { type: 'MULTI_LINE_TEXT', unique: true, maxLength: '3', bogus: 1 });
    expect(json(p)).toStrictEqual({ ...base('MULTI_LINE_TEXT', 'm'), required: false, defaultValue: '' });
  });

  it('renumbers option indexes in the order given and sets each label to its key', () => {
    const p = added('c', {
      type: 'CHECK_BOX',
      options: { z: { label: 'Zed', index: '5' }, a: { index: 2 }, m: {} },
      defaultValue: ['z', 'a'],
    });
    expect(p?.options).toEqual({ a: { label: 'a', index: '0' }, z: { label: 'z', index: '2' }, m: { label: 'm', index: '1' } });
    expect(p?.defaultValue).toEqual(['a', 'z']);
  });

  it('RADIO_BUTTON defaults to its first option by index', () => {
    const p = added('r', { type: 'RADIO_BUTTON', options: { b: { label: 'b', index: '1' }, a: { label: 'a', index: '0' } } });
    expect(p?.defaultValue).toBe('a');
    expect(p?.required).toBe(true);
  });

  it('canonicalises default values', () => {
    expect(added('d', { type: 'DATE', defaultValue: '2020-1-5' })?.defaultValue).toBe('2020-01-05');
    expect(added('t', { type: 'TIME', defaultValue: '9:05' })?.defaultValue).toBe('09:05');
    expect(added('a', { type: 'DATETIME', defaultValue: '2012-07-19T09:00+09:00' })?.defaultValue).toBe('2012-07-19T00:00:00Z');
    expect(added('n', { type: 'NUMBER', defaultValue: '1.5e1' })?.defaultValue).toBe('15');
    expect(added('u', { type: 'USER_SELECT', defaultValue: [{ code: 'LOGINUSER()', type: 'FUNCTION' }, { code: 'sales', type: 'GROUP' }] })?.defaultValue).toEqual([
      { code: 'LOGINUSER()', type: 'FUNCTION' },
      { code: 'sales', type: 'GROUP' },
    ]);
  });
});

describe('newAppSystemFields', () => {
  it('ja', () => {
    expect(json(newAppSystemFields('ja'))).toStrictEqual({
      レコード番号: { type: 'RECORD_NUMBER', code: 'レコード番号', label: 'レコード番号', noLabel: false },
      作成者: { type: 'CREATOR', code: '作成者', label: '作成者', noLabel: false },
      作成日時: { type: 'CREATED_TIME', code: '作成日時', label: '作成日時', noLabel: false },
      更新者: { type: 'MODIFIER', code: '更新者', label: '更新者', noLabel: false },
      更新日時: { type: 'UPDATED_TIME', code: '更新日時', label: '更新日時', noLabel: false },
      カテゴリー: { type: 'CATEGORY', code: 'カテゴリー', label: 'カテゴリー', enabled: false },
      ステータス: { type: 'STATUS', code: 'ステータス', label: 'ステータス', enabled: false },
      作業者: { type: 'STATUS_ASSIGNEE', code: '作業者', label: '作業者', enabled: false },
    });
  });

  it('en', () => {
    const f = newAppSystemFields('en');
    expect(Object.keys(f)).toEqual(['Record_number', 'Created_by', 'Created_datetime', 'Updated_by', 'Updated_datetime', 'Categories', 'Status', 'Assignee']);
    expect(f.Status).toEqual({ type: 'STATUS', code: 'Status', label: 'Status', enabled: false });
    expect(f.Record_number).toEqual({ type: 'RECORD_NUMBER', code: 'Record_number', label: 'Record number', noLabel: false });
  });
});
