import { describe, expect, it } from 'vitest';
import { type ApiRecordExtras, toApiRecord } from './api-record.js';
import { fixtureFields } from './test-support.js';
import type { Property } from './types.js';
import type { StoredValue } from './value-types.js';

const fields = fixtureFields();
const NAMES: Record<string, string> = { 'user:alice': 'Alice', 'user:bob': 'Bob', 'organization:sales': 'Sales', 'group:admins': 'Admins' };
const extras: ApiRecordExtras = {
  id: '12',
  revision: '3',
  recordNumber: 'APP-12',
  creator: 'alice',
  createdAt: new Date('2026-04-23T14:11:42.500Z'),
  modifier: 'bob',
  updatedAt: '2026-04-24T09:00:59+09:00',
  names: (kind, code) => NAMES[`${kind}:${code}`],
};
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('toApiRecord', () => {
  it('writes every type with its value', () => {
    const stored: Record<string, StoredValue> = {
      title: 'Hello',
      note: 'a\nb',
      rich: '<b>x</b>',
      qty: '15',
      price: '-0.5',
      total: '7.5',
      radio: 'a',
      check: ['x', 'z'],
      multi: ['q'],
      drop: 'd1',
      day: '2026-04-25',
      today: '2026-04-24',
      dayDef: '2020-01-15',
      time: '15:31',
      nowTime: '01:30',
      at: '2026-04-23T06:31:00Z',
      nowAt: '2026-04-23T16:30:00Z',
      link: 'https://example.com',
      file: [{ fileKey: 'fk', name: 'a.txt', contentType: 'text/plain', size: '3' }],
      users: [{ code: 'alice' }, { code: 'gone' }],
      orgs: [{ code: 'sales' }],
      groups: [{ code: 'admins' }],
      items: [{ id: '368', value: { name: 'apple', n: '3', kind: 'k1', tags: ['t2'], cfile: [], who: [{ code: 'bob' }], sub: '6' } }],
      auto: 'Hello',
      key: 'P-1',
      copied: 'Product',
    };
    expect(json(toApiRecord(fields, stored, extras))).toEqual({
      Record_number: { type: 'RECORD_NUMBER', value: 'APP-12' },
      Created_by: { type: 'CREATOR', value: { code: 'alice', name: 'Alice' } },
      Created_datetime: { type: 'CREATED_TIME', value: '2026-04-23T14:11:00Z' },
      Updated_by: { type: 'MODIFIER', value: { code: 'bob', name: 'Bob' } },
      Updated_datetime: { type: 'UPDATED_TIME', value: '2026-04-24T00:00:00Z' },
      title: { type: 'SINGLE_LINE_TEXT', value: 'Hello' },
      note: { type: 'MULTI_LINE_TEXT', value: 'a\nb' },
      rich: { type: 'RICH_TEXT', value: '<b>x</b>' },
      qty: { type: 'NUMBER', value: '15' },
      price: { type: 'NUMBER', value: '-0.5' },
      total: { type: 'CALC', value: '7.5' },
      radio: { type: 'RADIO_BUTTON', value: 'a' },
      check: { type: 'CHECK_BOX', value: ['x', 'z'] },
      multi: { type: 'MULTI_SELECT', value: ['q'] },
      drop: { type: 'DROP_DOWN', value: 'd1' },
      day: { type: 'DATE', value: '2026-04-25' },
      today: { type: 'DATE', value: '2026-04-24' },
      dayDef: { type: 'DATE', value: '2020-01-15' },
      time: { type: 'TIME', value: '15:31' },
      nowTime: { type: 'TIME', value: '01:30' },
      at: { type: 'DATETIME', value: '2026-04-23T06:31:00Z' },
      nowAt: { type: 'DATETIME', value: '2026-04-23T16:30:00Z' },
      link: { type: 'LINK', value: 'https://example.com' },
      file: { type: 'FILE', value: [{ contentType: 'text/plain', fileKey: 'fk', name: 'a.txt', size: '3' }] },
      users: { type: 'USER_SELECT', value: [{ code: 'alice', name: 'Alice' }, { code: 'gone', name: 'gone' }] },
      orgs: { type: 'ORGANIZATION_SELECT', value: [{ code: 'sales', name: 'Sales' }] },
      groups: { type: 'GROUP_SELECT', value: [{ code: 'admins', name: 'Admins' }] },
      items: {
        type: 'SUBTABLE',
        value: [
          {
            id: '368',
            value: {
              name: { type: 'SINGLE_LINE_TEXT', value: 'apple' },
              n: { type: 'NUMBER', value: '3' },
              kind: { type: 'RADIO_BUTTON', value: 'k1' },
              tags: { type: 'CHECK_BOX', value: ['t2'] },
              cfile: { type: 'FILE', value: [] },
              who: { type: 'USER_SELECT', value: [{ code: 'bob', name: 'Bob' }] },
              sub: { type: 'CALC', value: '6' },
            },
          },
        ],
      },
      auto: { type: 'SINGLE_LINE_TEXT', value: 'Hello' },
      key: { type: 'SINGLE_LINE_TEXT', value: 'P-1' },
      copied: { type: 'SINGLE_LINE_TEXT', value: 'Product' },
      $id: { type: '__ID__', value: '12' },
      $revision: { type: '__REVISION__', value: '3' },
    });
  });

  it('writes empty values exactly as kintone does', () => {
    const out = json(toApiRecord(fields, {}, extras)) as Record<string, { value: unknown }>;
    const empties = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.value]));
    expect(empties).toMatchObject({
      title: '',
      note: '',
      rich: '',
      qty: '',
      total: '',
      radio: null,
      check: [],
      multi: [],
      drop: null,
      day: null,
      time: null,
      at: '',
      link: '',
      file: [],
      users: [],
      orgs: [],
      groups: [],
      items: [],
    });
    const row = json(toApiRecord(fields, { items: [{ id: '1', value: {} }] }, extras)) as { items: { value: { value: Record<string, { value: unknown }> }[] } };
    expect(Object.fromEntries(Object.entries(row.items.value[0]!.value).map(([k, v]) => [k, v.value]))).toEqual({
      name: '',
      n: '',
      kind: null,
      tags: [],
      cfile: [],
      who: [],
      sub: '',
    });
  });

  it('leaves out groups, related records, and the process and category fields while disabled', () => {
    const out = toApiRecord(fields, {}, extras);
    for (const code of ['grp', 'ref', 'Status', 'Assignee', 'Categories']) expect(out).not.toHaveProperty(code);
  });

  it('shows status, assignees and categories once enabled', () => {
    const on = (p: Property) => ({ ...p, enabled: true });
    const withProcess = { ...fields, Status: on(fields.Status!), Assignee: on(fields.Assignee!), Categories: on(fields.Categories!) };
    const out = json(toApiRecord(withProcess, { Status: '未処理', Assignee: [{ code: 'bob' }], Categories: ['c1'] }, extras));
    expect(out).toMatchObject({
      Status: { type: 'STATUS', value: '未処理' },
      Assignee: { type: 'STATUS_ASSIGNEE', value: [{ code: 'bob', name: 'Bob' }] },
      Categories: { type: 'CATEGORY', value: ['c1'] },
    });
    expect(json(toApiRecord(withProcess, {}, extras))).toMatchObject({ Assignee: { value: [] }, Categories: { value: [] } });
  });

  it('fields[] keeps only the listed codes, $id and $revision only when listed', () => {
    expect(Object.keys(toApiRecord(fields, { title: 'x' }, { ...extras, fieldsFilter: ['title', 'qty'] }))).toEqual(['title', 'qty']);
    expect(Object.keys(toApiRecord(fields, {}, { ...extras, fieldsFilter: ['$id', 'Created_by', 'nope'] }))).toEqual(['Created_by', '$id']);
    expect(Object.keys(toApiRecord(fields, {}, { ...extras, fieldsFilter: ['$revision'] }))).toEqual(['$revision']);
    expect(Object.keys(toApiRecord(fields, {}, { ...extras, fieldsFilter: [] }))).toEqual([]);
  });
});
