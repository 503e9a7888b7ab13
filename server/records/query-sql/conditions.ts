// One condition by field type, and conditions on a subtable's fields, which are decided row
// by row (spec §5.1): positive operators need some row, negative ones every row.
import { sql } from 'kysely';
import type { Cond } from '../../../common/query/ast.js';
import { assertFieldId, type JsonDoc } from '../../storage/json-sql.js';
import { dateCondition, type DateKind } from './date-fields.js';
import { unsupported } from './literals.js';
import { and, type Bool, exists, not, or, TRUE, type Env } from './sql-helpers.js';
import { idCondition, instantCondition, userColumnCondition } from './system-fields.js';
import type { SqlField } from './types.js';
import { fileCondition, isIgnored, numberCondition, selectionCondition, textCondition } from './value-fields.js';

const TEXT_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'RADIO_BUTTON', 'DROP_DOWN', 'STATUS']);
const SELECTIONS = new Set(['CHECK_BOX', 'MULTI_SELECT']);
const ENTITIES = new Set(['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'STATUS_ASSIGNEE']);
const DATE_KINDS = new Set<string>(['DATE', 'TIME', 'DATETIME']);

/** CALC results formatted as dates or times are stored in those types' text forms. */
export function calcDateKind(field: SqlField): DateKind | null {
  return field.type === 'CALC' && field.format !== undefined && DATE_KINDS.has(field.format) ? (field.format as DateKind) : null;
}

/** A condition on a top-level field (`doc` = the record's data) or on one row's field. */
export async function condition(env: Env, cond: Cond, field: SqlField, doc: JsonDoc): Promise<Bool> {
  const t = field.type;
  if (t === '__ID__' || t === 'RECORD_NUMBER') return idCondition(env, cond, field);
  if (t === 'CREATOR' || t === 'MODIFIER') return userColumnCondition(env, cond, field);
  if (t === 'CREATED_TIME' || t === 'UPDATED_TIME') return instantCondition(env, cond, field);
  assertFieldId(field.fieldId);
  if (t === 'NUMBER') return numberCondition(env, cond, field, doc);
  if (t === 'CALC') {
    const kind = calcDateKind(field);
    return kind ? dateCondition(env, cond, field, doc, kind) : numberCondition(env, cond, field, doc);
  }
  if (DATE_KINDS.has(t)) return dateCondition(env, cond, field, doc, t as DateKind);
  if (TEXT_TYPES.has(t)) return textCondition(env, cond, field, doc);
  if (SELECTIONS.has(t)) return selectionCondition(env, cond, field, doc, false);
  if (ENTITIES.has(t)) return selectionCondition(env, cond, field, doc, true);
  if (t === 'FILE') return fileCondition(env, cond, field, doc);
  throw unsupported(cond, field);
}

/** `not in`, `not like` and `!=`: "every row" operators. `is not empty` asks for some row. */
export function isNegative(cond: Cond): boolean {
  if (cond.kind === 'compare') return cond.op === '!=';
  return (cond.kind === 'in' || cond.kind === 'like') && cond.negated;
}

export interface RowCondition {
  cond: Cond;
  field: SqlField;
}

/**
 * Conditions joined by `and` on fields of one subtable (one condition alone under `or`). The
 * positive ones must hold together in a single row — `item in ("A") and qty > 5` needs a row
 * with both — and the negative ones in every row, that row included. A record without rows
 * matches nothing.
 */
export async function rowsCondition(env: Env, table: { fieldId: string }, conds: RowCondition[]): Promise<Bool> {
  const live = conds.filter((c) => !isIgnored(env, c.cond, c.field));
  if (live.length === 0) return TRUE;
  const alias = env.alias('t');
  const rows = env.j.elements(sql.ref('r.data'), assertFieldId(table.fieldId), alias);
  const doc = env.j.rowDoc(alias);
  const positive: Bool[] = [];
  const negative: Bool[] = [];
  for (const { cond, field } of live) {
    if (field.fieldId === '') throw unsupported(cond, field);
    (isNegative(cond) ? negative : positive).push(await condition(env, cond, field, doc));
  }
  const parts = [exists(rows, positive.length > 0 ? and(positive) : undefined)];
  // A row breaks a negative condition when the condition is false or unknown for it.
  if (negative.length > 0) parts.push(not(exists(rows, or(negative.map((n) => not(n))))));
  return and(parts);
}
