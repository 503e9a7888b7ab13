// Shared by the tests beside this file: an app with a field of every kind, built through the
// same parser the API uses, and the problems rendered as kintone's `errors` map would show them.
import { FIELD_MESSAGES, type Locale, format } from '../errors.js';
import type { Problem } from './problems.js';
import { parseFieldProperties } from './properties.js';
import { newAppSystemFields } from './system-fields.js';
import type { Property } from './types.js';

/** `{key: [sentence…]}` in one locale, as the `errors` map of a CB_VA01 body. */
export function rendered(problems: Record<string, Problem[]>, locale: Locale): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(problems)) out[key] = list.map((p) => format(FIELD_MESSAGES[p.key][locale], p.params));
  return out;
}

const opts = (...keys: string[]) => Object.fromEntries(keys.map((k, i) => [k, { label: k, index: String(i) }]));

export const FIXTURE_INPUT = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title', required: true, minLength: '2', maxLength: '10' },
  note: { type: 'MULTI_LINE_TEXT', code: 'note', label: 'Note' },
  rich: { type: 'RICH_TEXT', code: 'rich', label: 'Rich' },
  qty: { type: 'NUMBER', code: 'qty', label: 'Qty', minValue: '0', maxValue: '100' },
  price: { type: 'NUMBER', code: 'price', label: 'Price', defaultValue: '42' },
  total: { type: 'CALC', code: 'total', label: 'Total', expression: 'qty * price' },
  radio: { type: 'RADIO_BUTTON', code: 'radio', label: 'Radio', options: opts('a', 'b', 'c'), defaultValue: 'b' },
  check: { type: 'CHECK_BOX', code: 'check', label: 'Check', options: opts('x', 'y', 'z') },
  multi: { type: 'MULTI_SELECT', code: 'multi', label: 'Multi', options: opts('p', 'q'), defaultValue: ['q'] },
  drop: { type: 'DROP_DOWN', code: 'drop', label: 'Drop', options: opts('d1', 'd2') },
  day: { type: 'DATE', code: 'day', label: 'Day' },
  today: { type: 'DATE', code: 'today', label: 'Today', defaultNowValue: true },
  dayDef: { type: 'DATE', code: 'dayDef', label: 'Day default', defaultValue: '2020-01-15' },
  time: { type: 'TIME', code: 'time', label: 'Time' },
  nowTime: { type: 'TIME', code: 'nowTime', label: 'Now time', defaultNowValue: true },
  at: { type: 'DATETIME', code: 'at', label: 'At' },
  nowAt: { type: 'DATETIME', code: 'nowAt', label: 'Now at', defaultNowValue: true },
  link: { type: 'LINK', code: 'link', label: 'Link' },
  file: { type: 'FILE', code: 'file', label: 'File' },
  users: { type: 'USER_SELECT', code: 'users', label: 'Users', defaultValue: [{ code: 'LOGINUSER()', type: 'FUNCTION' }] },
  orgs: { type: 'ORGANIZATION_SELECT', code: 'orgs', label: 'Orgs' },
  groups: { type: 'GROUP_SELECT', code: 'groups', label: 'Groups' },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: 'Items',
    fields: {
      name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name', required: true },
      n: { type: 'NUMBER', code: 'n', label: 'N' },
      kind: { type: 'RADIO_BUTTON', code: 'kind', label: 'Kind', options: opts('k1', 'k2') },
      tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: opts('t1', 't2') },
      cfile: { type: 'FILE', code: 'cfile', label: 'Row file' },
      who: { type: 'USER_SELECT', code: 'who', label: 'Who' },
      sub: { type: 'CALC', code: 'sub', label: 'Sub', expression: 'n * 2' },
    },
  },
  auto: { type: 'SINGLE_LINE_TEXT', code: 'auto', label: 'Auto', expression: 'title' },
  key: {
    type: 'SINGLE_LINE_TEXT',
    code: 'key',
    label: 'Key',
    lookup: { relatedApp: { app: '7' }, relatedKeyField: 'code', fieldMappings: [{ field: 'copied', relatedField: 'name' }] },
  },
  copied: { type: 'SINGLE_LINE_TEXT', code: 'copied', label: 'Copied' },
  grp: { type: 'GROUP', code: 'grp', label: 'Group' },
  ref: {
    type: 'REFERENCE_TABLE',
    code: 'ref',
    label: 'Related',
    referenceTable: { relatedApp: { app: '7' }, condition: { field: 'title', relatedField: 'name' } },
  },
};

/** The fixture app's fields: the English system fields, then one field of every kind. */
export function fixtureFields(): Record<string, Property> {
  const existing = newAppSystemFields('en');
  const { properties, problems } = parseFieldProperties(FIXTURE_INPUT, { mode: 'add', existing, locale: 'en' });
  if (Object.keys(problems).length) throw new Error(`fixture is invalid: ${JSON.stringify(problems)}`);
  return { ...existing, ...properties };
}
