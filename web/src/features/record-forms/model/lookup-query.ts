// The searches behind a lookup's 取得 / Lookup button: the source app's records whose key field
// matches what was typed, within the lookup's own filter and sort (kintone's query language).
import type { Lookup } from '../../../../../common/fields/index.js';

/** A string literal of the query language: `"` and `\` escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const LIKE_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK', 'MULTI_LINE_TEXT', 'RICH_TEXT']);

export const PICKER_LIMIT = 50;

/**
 * `exact`: the key equals the typed value; `partial`: the key contains it (text keys only; other
 * keys have no partial search, so the same exact query). An empty value lists every candidate.
 */
export function lookupQuery(lookup: Pick<Lookup, 'relatedKeyField' | 'filterCond' | 'sort'>, keyType: string, value: string, how: 'exact' | 'partial'): string {
  const parts: string[] = [];
  if (lookup.filterCond.trim()) parts.push(`(${lookup.filterCond})`);
  const typed = value.trim();
  if (typed) {
    const op = how === 'partial' && LIKE_TYPES.has(keyType) ? 'like' : '=';
    parts.push(`${lookup.relatedKeyField} ${op} ${quote(typed)}`);
  }
  const order = lookup.sort.trim() ? `order by ${lookup.sort}` : '';
  return [parts.join(' and '), order, `limit ${PICKER_LIMIT}`].filter(Boolean).join(' ');
}

/** The source fields a lookup reads: its key, what it copies and what its picker shows. */
export function lookupFieldsToRead(lookup: Lookup): string[] {
  return [...new Set([lookup.relatedKeyField, ...lookup.fieldMappings.map((m) => m.relatedField), ...lookup.lookupPickerFields])];
}
