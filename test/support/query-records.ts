// The query compiler's fixture: field definitions and 40 records in blocks (texts 1–12,
// numbers 13–18, dates and times 19–30, choices 31–34, subtable 35–40). Every field a record
// does not mention holds its type's empty value; record 11 holds no keys at all, as a record
// saved before its app gained the fields.
import type { FieldType } from '../../common/fields/types.js';
import { emptyValue, type StoredValue } from '../../common/fields/value-types.js';

export type Def = { type: string; id: string; options?: string[]; table?: string; format?: string };

/** By code. Inner fields of `items` name their table. */
export const DEFS: Record<string, Def> = {
  title: { type: 'SINGLE_LINE_TEXT', id: 'f1' },
  link: { type: 'LINK', id: 'f2' },
  備考: { type: 'MULTI_LINE_TEXT', id: 'f3' },
  rich: { type: 'RICH_TEXT', id: 'f4' },
  num: { type: 'NUMBER', id: 'f5' },
  calc: { type: 'CALC', id: 'f6', format: 'NUMBER' },
  due: { type: 'CALC', id: 'f7', format: 'DATE' },
  date: { type: 'DATE', id: 'f8' },
  time: { type: 'TIME', id: 'f9' },
  dt: { type: 'DATETIME', id: 'f10' },
  radio: { type: 'RADIO_BUTTON', id: 'f11', options: ['A', 'B', 'C'] },
  drop: { type: 'DROP_DOWN', id: 'f12', options: ['x', 'y', 'z'] },
  checks: { type: 'CHECK_BOX', id: 'f13', options: ['a', 'b', 'c'] },
  multi: { type: 'MULTI_SELECT', id: 'f14', options: ['p', 'q', 'r'] },
  users: { type: 'USER_SELECT', id: 'f15' },
  orgs: { type: 'ORGANIZATION_SELECT', id: 'f16' },
  groups: { type: 'GROUP_SELECT', id: 'f17' },
  files: { type: 'FILE', id: 'f18' },
  ステータス: { type: 'STATUS', id: 'f19', options: ['未処理', '処理中', '完了'] },
  items: { type: 'SUBTABLE', id: 'f20' },
  item: { type: 'SINGLE_LINE_TEXT', id: 'f21', table: 'items' },
  qty: { type: 'NUMBER', id: 'f22', table: 'items' },
  when: { type: 'DATE', id: 'f23', table: 'items' },
  tags: { type: 'CHECK_BOX', id: 'f24', table: 'items', options: ['a', 'b'] },
  owner: { type: 'USER_SELECT', id: 'f25', table: 'items' },
};

export interface FixtureRecord {
  id: number;
  creatorId: number;
  modifierId: number;
  /** As toDb.time writes them: ISO with milliseconds. */
  createdAt: string;
  updatedAt: string;
  /** Stored form, keyed by internal field id. */
  data: Record<string, StoredValue>;
}

/** 10 KB of text full of LIKE wildcards. */
export const LONG_TITLE = 'ab%_'.repeat(2560);

type Values = Record<string, unknown>;
interface Spec {
  v?: Values;
  creator?: number;
  modifier?: number;
  created?: string;
  updated?: string;
}

const SPECS: Record<number, Spec> = {
  1: { v: { title: 'Apple', 備考: 'Red fruit', rich: '<p>Crisp <b>apple</b></p>', link: 'https://example.com/apple' }, modifier: 3, updated: '2026-04-15T01:00:00.000Z' },
  2: { v: { title: 'apple pie', 備考: '   ', link: 'https://example.com/pie' }, creator: 2, modifier: 1 },
  3: { v: { title: 'りんご', 備考: '青森県産のりんご\n甘い' }, creator: 3 },
  4: { v: { title: '100% juice', 備考: '\u3000\t' }, creator: 0 },
  5: { v: { title: 'snake_case' }, creator: 2 },
  6: { v: { title: 'C:\\temp\\file' } },
  7: { v: { title: 'say "hi" and \'bye\'' } },
  8: { v: { title: '") or ($id > 0' } },
  9: { v: { title: LONG_TITLE } },
  10: { v: { title: '', 備考: '' } },
  12: { v: { title: 'APPLE', rich: 'APPLE &amp; pear' } },
  13: { v: { num: '10', calc: '10' } },
  14: { v: { num: '-5.5', calc: '-5.5' } },
  15: { v: { num: '0', calc: '0' } },
  16: { v: { num: '', calc: '' } },
  17: { v: { num: '1000000', calc: '3.14' } },
  18: { v: { num: '2.5', calc: '100' } },
  19: { v: { date: '2026-04-15', dt: '2026-04-15T03:00:00Z', time: '12:00', due: '2026-04-15' } },
  20: { v: { date: '2026-04-14', dt: '2026-04-14T14:59:00Z', time: '09:30', due: '2026-01-01' } },
  21: { v: { date: '2026-04-16', dt: '2026-04-14T15:00:00Z', time: '23:59' } },
  22: { v: { date: '2026-04-12', dt: '2026-04-15T14:59:00Z', time: '00:00' } },
  23: { v: { date: '2026-04-18', dt: '2026-04-15T15:00:00Z' } },
  24: { v: { date: '2026-04-08', dt: '2026-04-08T01:00:00Z' } },
  25: { v: { date: '2026-04-22', dt: '2026-04-22T03:00:00Z' } },
  26: { v: { date: '2026-03-31', dt: '2026-03-31T14:59:00Z' } },
  27: { v: { date: '2026-05-01', dt: '2026-04-30T15:00:00Z' } },
  28: { v: { date: '2025-12-31', dt: '2025-12-31T15:00:00Z' } },
  29: { v: { date: '2027-01-01', dt: '' } },
  30: { v: { date: '2026-04-30' } },
  31: {
    v: {
      radio: 'A', drop: 'x', checks: ['a', 'b'], multi: ['p', 'q'], users: ['alice', 'bob'], orgs: ['sales'], groups: ['admins'],
      ステータス: '未処理', files: ['report.pdf', 'photo_1.PNG'],
    },
  },
  32: { v: { radio: 'B', checks: ['c'], users: ['carol'], orgs: ['dev'], ステータス: '処理中', files: ['100%.txt'] } },
  33: { v: { drop: 'y', multi: ['r'], groups: ['everyone'], ステータス: '完了' } },
  34: { v: { radio: 'C', drop: '', checks: ['b'], users: ['bob'], orgs: ['sales', 'dev'] } },
  35: { v: { items: [{ item: 'A', qty: '3', when: '2026-04-01' }, { item: 'B', qty: '7' }] } },
  36: { v: { items: [{ item: 'A', qty: '8' }] }, creator: 2 },
  37: { v: { items: [{ item: 'A', qty: '1' }, { item: 'A', qty: '2' }] }, creator: 3, created: '2026-04-15T03:00:59.000Z' },
  38: {
    v: { items: [{ item: 'C', qty: '' }, { item: 'D', qty: '6', when: '2026-04-15', tags: ['a'], owner: ['carol'] }] },
    created: '2026-04-14T14:59:59.999Z',
  },
  39: { v: { items: [] }, created: '2026-04-14T15:00:00.000Z' },
  40: {
    v: { items: [{ item: '', qty: '5', tags: ['a', 'b'], owner: ['alice'] }, { item: 'B', qty: '9' }] },
    created: '2026-04-15T02:59:30.500Z',
  },
};

let rowIds = 1000;

function stored(def: Def, value: unknown): StoredValue {
  if (value === undefined) return emptyValue(def.type as FieldType);
  if (def.type === 'USER_SELECT' || def.type === 'ORGANIZATION_SELECT' || def.type === 'GROUP_SELECT') {
    return (value as string[]).map((code) => ({ code }));
  }
  if (def.type === 'FILE') {
    return (value as string[]).map((name, i) => ({ fileKey: `key-${i}`, name, contentType: 'application/octet-stream', size: '1' }));
  }
  if (def.type === 'SUBTABLE') {
    const inner = Object.entries(DEFS).filter(([, d]) => d.table !== undefined);
    return (value as Values[]).map((row) => ({
      id: String(++rowIds),
      value: Object.fromEntries(inner.map(([code, d]) => [d.id, stored(d, row[code])])),
    }));
  }
  return value as StoredValue;
}

export function buildRecord(id: number, spec: Spec, allKeys = true): FixtureRecord {
  const created = spec.created ?? new Date(Date.UTC(2026, 2, 1) + id * 3_600_000).toISOString();
  const data: Record<string, StoredValue> = {};
  if (allKeys) {
    for (const [code, def] of Object.entries(DEFS)) if (def.table === undefined) data[def.id] = stored(def, spec.v?.[code]);
  }
  const creatorId = spec.creator ?? 1;
  return { id, creatorId, modifierId: spec.modifier ?? creatorId, createdAt: created, updatedAt: spec.updated ?? created, data };
}

export const RECORDS: FixtureRecord[] = Array.from({ length: 40 }, (_, i) => buildRecord(i + 1, SPECS[i + 1] ?? {}, i + 1 !== 11));
