// One field of every type an app may create, as a client sends it to `addFormFields`, and what
// `getFormFields` must answer for it: what was sent plus kintone's defaults for what was left out
// (spec/kintone-rest-api.md §4.4; defaults as observed on real kintone). Record tests reuse this
// form, so it holds something worth storing in every type.
import type { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { expect } from 'vitest';
import { type FormProperties, type KintoneServer, addGroup, addOrganization, deployedApp, uniqueName } from '../support/kintone.js';

type Json = Record<string, unknown>;

export interface FieldCase {
  /** The property as sent to addFormFields. */
  sent: Json;
  /** The attributes kintone fills in for what `sent` left out. */
  filled: Json;
}

const options = (...names: string[]) => Object.fromEntries(names.map((n, i) => [n, { label: n, index: String(i) }]));

export const TABLE_COLUMNS: Record<string, FieldCase> = {
  item_name: {
    sent: { type: 'SINGLE_LINE_TEXT', code: 'item_name', label: '品名', required: true },
    filled: { noLabel: false, minLength: '', maxLength: '', expression: '', hideExpression: false, defaultValue: '' },
  },
  quantity: {
    sent: { type: 'NUMBER', code: 'quantity', label: '数量', minValue: '1', defaultValue: '1' },
    filled: { noLabel: false, required: false, maxValue: '', digit: false, displayScale: '', unit: '', unitPosition: 'BEFORE' },
  },
  subtotal: {
    sent: { type: 'CALC', code: 'subtotal', label: '小計', expression: 'quantity * price' },
    filled: { noLabel: false, required: false, hideExpression: false, format: 'NUMBER', displayScale: '', unit: '', unitPosition: 'BEFORE' },
  },
};

export const ALL_FIELD_TYPES: Record<string, FieldCase> = {
  title: {
    sent: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名', required: true, unique: true, maxLength: '64', defaultValue: '未設定' },
    filled: { noLabel: false, minLength: '', expression: '', hideExpression: false },
  },
  notes: {
    sent: { type: 'MULTI_LINE_TEXT', code: 'notes', label: '備考', defaultValue: '一行目\n二行目' },
    filled: { noLabel: false, required: false },
  },
  body: {
    sent: { type: 'RICH_TEXT', code: 'body', label: '本文', noLabel: true },
    filled: { required: false, defaultValue: '' },
  },
  price: {
    sent: {
      type: 'NUMBER',
      code: 'price',
      label: '単価',
      minValue: '0',
      maxValue: '1000000',
      digit: true,
      displayScale: '2',
      unit: '円',
      unitPosition: 'AFTER',
      defaultValue: '100',
    },
    filled: { noLabel: false, required: false, unique: false },
  },
  total: {
    sent: { type: 'CALC', code: 'total', label: '合計', expression: 'price * 2', format: 'NUMBER_DIGIT' },
    filled: { noLabel: false, required: false, hideExpression: false, displayScale: '', unit: '', unitPosition: 'BEFORE' },
  },
  priority: {
    sent: { type: 'RADIO_BUTTON', code: 'priority', label: '優先度', options: options('高', '中', '低'), defaultValue: '中', align: 'VERTICAL' },
    filled: { noLabel: false, required: true },
  },
  tags: {
    sent: { type: 'CHECK_BOX', code: 'tags', label: 'タグ', options: options('A', 'B', 'C'), defaultValue: ['A', 'C'] },
    filled: { noLabel: false, required: false, align: 'HORIZONTAL' },
  },
  regions: {
    sent: { type: 'MULTI_SELECT', code: 'regions', label: '地域', options: options('東日本', '西日本') },
    filled: { noLabel: false, required: false, defaultValue: [] },
  },
  stage: {
    sent: { type: 'DROP_DOWN', code: 'stage', label: '段階', options: options('見込み', '受注', '失注'), required: true },
    filled: { noLabel: false, defaultValue: '' },
  },
  due: {
    sent: { type: 'DATE', code: 'due', label: '期日', defaultNowValue: true },
    filled: { noLabel: false, required: false, unique: false, defaultValue: '' },
  },
  start: {
    sent: { type: 'TIME', code: 'start', label: '開始時刻', defaultValue: '09:30' },
    filled: { noLabel: false, required: false, defaultNowValue: false },
  },
  meeting: {
    sent: { type: 'DATETIME', code: 'meeting', label: '打合せ', unique: true },
    filled: { noLabel: false, required: false, defaultValue: '', defaultNowValue: false },
  },
  site: {
    sent: { type: 'LINK', code: 'site', label: '連絡先', protocol: 'MAIL', maxLength: '100' },
    filled: { noLabel: false, required: false, unique: false, minLength: '', defaultValue: '' },
  },
  attachments: {
    sent: { type: 'FILE', code: 'attachments', label: '添付ファイル', thumbnailSize: '150' },
    filled: { noLabel: false, required: false },
  },
  owner: {
    sent: {
      type: 'USER_SELECT',
      code: 'owner',
      label: '担当者',
      entities: [{ code: 'member', type: 'USER' }],
      defaultValue: [{ code: 'LOGINUSER()', type: 'FUNCTION' }],
    },
    filled: { noLabel: false, required: false },
  },
  department: {
    sent: { type: 'ORGANIZATION_SELECT', code: 'department', label: '部署', defaultValue: [{ code: 'PRIMARY_ORGANIZATION()', type: 'FUNCTION' }] },
    filled: { noLabel: false, required: false, entities: [] },
  },
  team: {
    sent: { type: 'GROUP_SELECT', code: 'team', label: 'チーム' },
    filled: { noLabel: false, required: false, entities: [], defaultValue: [] },
  },
  items: {
    sent: {
      type: 'SUBTABLE',
      code: 'items',
      label: '明細',
      fields: Object.fromEntries(Object.entries(TABLE_COLUMNS).map(([code, c]) => [code, c.sent])),
    },
    filled: { noLabel: false },
  },
  section: {
    sent: { type: 'GROUP', code: 'section', label: '詳細', openGroup: true },
    filled: { noLabel: false },
  },
};

/** What addFormFields sends for the whole form. */
export function allFieldProperties(): FormProperties {
  return Object.fromEntries(Object.entries(ALL_FIELD_TYPES).map(([code, c]) => [code, structuredClone(c.sent)])) as FormProperties;
}

/** What getFormFields must answer for `code` (for the table: its columns, each completed). */
export function expectedProperty(code: string): Json {
  const c = ALL_FIELD_TYPES[code]!;
  const out: Json = { ...c.filled, ...structuredClone(c.sent) };
  if (c.sent.type === 'SUBTABLE') {
    out.fields = Object.fromEntries(Object.entries(TABLE_COLUMNS).map(([k, col]) => [k, { ...col.filled, ...structuredClone(col.sent) }]));
  }
  return out;
}

/** The system fields of an app created by an English-speaking user, as getFormFields answers them. */
export const ENGLISH_SYSTEM_FIELDS: Record<string, Json> = {
  Record_number: { type: 'RECORD_NUMBER', code: 'Record_number', label: 'Record number', noLabel: false },
  Created_by: { type: 'CREATOR', code: 'Created_by', label: 'Created by', noLabel: false },
  Created_datetime: { type: 'CREATED_TIME', code: 'Created_datetime', label: 'Created datetime', noLabel: false },
  Updated_by: { type: 'MODIFIER', code: 'Updated_by', label: 'Updated by', noLabel: false },
  Updated_datetime: { type: 'UPDATED_TIME', code: 'Updated_datetime', label: 'Updated datetime', noLabel: false },
  Categories: { type: 'CATEGORY', code: 'Categories', label: 'Categories', enabled: false },
  Status: { type: 'STATUS', code: 'Status', label: 'Status', enabled: false },
  Assignee: { type: 'STATUS_ASSIGNEE', code: 'Assignee', label: 'Assignee', enabled: false },
};

/** A deployed app (system fields only, live) with every field type added in preview: revision "3". */
export async function appWithEveryField(admin: KintoneRestAPIClient): Promise<{ admin: KintoneRestAPIClient; app: string; revision: string }> {
  const app = await deployedApp(admin);
  const { revision } = await admin.app.addFormFields({ app, properties: allFieldProperties() });
  return { admin, app, revision };
}

/** What a record of the every-field form refers to: things that must exist before it is saved. */
export interface RecordRefs {
  /** An upload key from file.uploadFile, for `attachments`. */
  fileKey: string;
  /** Codes of a user, an organisation and a group of the domain. */
  user: string;
  organization: string;
  group: string;
}

/** A value for every writable field of the every-field form (and two table rows), as addRecord sends it. */
export function everyFieldRecord(refs: RecordRefs) {
  return {
    title: { value: '見積 ①「春」' },
    notes: { value: '一行目\n二行目, "引用"あり' },
    body: { value: '<div><b>太字</b>と<i>斜体</i>の本文</div>' },
    price: { value: 1234.5 },
    priority: { value: '高' },
    tags: { value: ['A', 'C'] },
    regions: { value: ['東日本', '西日本'] },
    stage: { value: '受注' },
    due: { value: '2026-05-01' },
    start: { value: '13:45' },
    // Sent with an offset; kintone answers in UTC.
    meeting: { value: '2026-05-01T10:30:00+09:00' },
    site: { value: 'sales@example.com' },
    attachments: { value: [{ fileKey: refs.fileKey }] },
    owner: { value: [{ code: refs.user }] },
    department: { value: [{ code: refs.organization }] },
    team: { value: [{ code: refs.group }] },
    items: {
      value: [{ value: { item_name: { value: 'ねじ' }, quantity: { value: 3 } } }, { value: { item_name: { value: 'ボルト' }, quantity: { value: '12' } } }],
    },
    // Not writable: kintone ignores what is sent for a formula.
    total: { value: '999' },
  };
}

/** An attached file as GET record answers it (a matcher may stand for the key). */
export interface FileValue {
  contentType: string;
  fileKey: string;
  name: string;
  size: string;
}

/**
 * What GET record answers for `everyFieldRecord`: every field that holds a value, with its type,
 * but not the system fields nor `$id`/`$revision` (the caller knows those). `names` gives the
 * display names of the user, organisation and group; `file` the attachment as stored. Table
 * row ids are new and checked by shape only.
 */
export function everyFieldExpected(refs: Omit<RecordRefs, 'fileKey'>, names: { user: string; organization: string; group: string }, file: FileValue): Record<string, unknown> {
  const rowId = expect.stringMatching(/^[1-9]\d*$/);
  const row = (name: string, quantity: string, subtotal: string) => ({
    id: rowId,
    value: {
      item_name: { type: 'SINGLE_LINE_TEXT', value: name },
      quantity: { type: 'NUMBER', value: quantity },
      subtotal: { type: 'CALC', value: subtotal },
    },
  });
  return {
    title: { type: 'SINGLE_LINE_TEXT', value: '見積 ①「春」' },
    notes: { type: 'MULTI_LINE_TEXT', value: '一行目\n二行目, "引用"あり' },
    body: { type: 'RICH_TEXT', value: '<div><b>太字</b>と<i>斜体</i>の本文</div>' },
    price: { type: 'NUMBER', value: '1234.5' },
    total: { type: 'CALC', value: '2469' },
    priority: { type: 'RADIO_BUTTON', value: '高' },
    tags: { type: 'CHECK_BOX', value: ['A', 'C'] },
    regions: { type: 'MULTI_SELECT', value: ['東日本', '西日本'] },
    stage: { type: 'DROP_DOWN', value: '受注' },
    due: { type: 'DATE', value: '2026-05-01' },
    start: { type: 'TIME', value: '13:45' },
    meeting: { type: 'DATETIME', value: '2026-05-01T01:30:00Z' },
    site: { type: 'LINK', value: 'sales@example.com' },
    attachments: { type: 'FILE', value: [file] },
    owner: { type: 'USER_SELECT', value: [{ code: refs.user, name: names.user }] },
    department: { type: 'ORGANIZATION_SELECT', value: [{ code: refs.organization, name: names.organization }] },
    team: { type: 'GROUP_SELECT', value: [{ code: refs.group, name: names.group }] },
    items: { type: 'SUBTABLE', value: [row('ねじ', '3', '3703.5'), row('ボルト', '12', '14814')] },
  };
}

export interface EveryFieldWorld {
  admin: KintoneRestAPIClient;
  /** The every-field app, deployed. */
  app: string;
  /** What a record may select: the member, a new department and a new group. */
  refs: Omit<RecordRefs, 'fileKey'>;
  /** Their display names. */
  names: { user: string; organization: string; group: string };
}

/** The every-field app, deployed by the administrator, and a department and a group to select in it. */
export async function everyFieldWorld(s: KintoneServer): Promise<EveryFieldWorld> {
  const admin = s.client(s.admin);
  const app = await deployedApp(admin, { properties: allFieldProperties() });
  const organization = uniqueName('sales');
  const group = uniqueName('managers');
  await addOrganization(s, organization, '営業部');
  await addGroup(s, group, 'マネージャー');
  return { admin, app, refs: { user: s.member.code, organization, group }, names: { user: s.member.code, organization: '営業部', group: 'マネージャー' } };
}
