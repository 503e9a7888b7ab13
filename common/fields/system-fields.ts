// The fields every new app starts with. Their codes follow the language of the person creating
// the app, as kintone's do, and are ordinary codes from then on (renamable, except the three
// process/category fields).
import type { Locale } from '../access.js';
import { type FieldType, type Property, dict } from './types.js';

const SYSTEM_FIELDS: readonly [FieldType, Record<Locale, [code: string, label: string]>][] = [
  ['RECORD_NUMBER', { ja: ['レコード番号', 'レコード番号'], en: ['Record_number', 'Record number'] }],
  ['CREATOR', { ja: ['作成者', '作成者'], en: ['Created_by', 'Created by'] }],
  ['CREATED_TIME', { ja: ['作成日時', '作成日時'], en: ['Created_datetime', 'Created datetime'] }],
  ['MODIFIER', { ja: ['更新者', '更新者'], en: ['Updated_by', 'Updated by'] }],
  ['UPDATED_TIME', { ja: ['更新日時', '更新日時'], en: ['Updated_datetime', 'Updated datetime'] }],
  ['CATEGORY', { ja: ['カテゴリー', 'カテゴリー'], en: ['Categories', 'Categories'] }],
  ['STATUS', { ja: ['ステータス', 'ステータス'], en: ['Status', 'Status'] }],
  ['STATUS_ASSIGNEE', { ja: ['作業者', '作業者'], en: ['Assignee', 'Assignee'] }],
];

export function newAppSystemFields(locale: Locale): Record<string, Property> {
  const out = dict<Property>();
  for (const [type, names] of SYSTEM_FIELDS) {
    const [code, label] = names[locale];
    out[code] =
      type === 'CATEGORY' || type === 'STATUS' || type === 'STATUS_ASSIGNEE'
        ? { type, code, label, enabled: false }
        : { type, code, label, noLabel: false };
  }
  return out;
}
