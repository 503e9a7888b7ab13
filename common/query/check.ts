// Validates a parsed query against an app's fields: the operator and function table of
// spec/kintone-rest-api.md §5.2, with kintone's error codes. The caller passes only the fields
// the actor may see, so a hidden field is reported exactly like a missing one (GAIA_IQ11).

import type { Cond, Expr, FieldRef, Query, Value } from './ast.js';
import { QueryError } from './errors.js';
import { checkCall, DATE_FUNCTIONS, type FunctionName } from './functions.js';

export interface QueryField {
  code: string;
  /** kintone field type, e.g. 'NUMBER', 'CREATOR', 'RECORD_NUMBER', '__ID__'. */
  type: string;
  options?: string[];
  /** Code of the SUBTABLE containing the field. */
  subtable?: string;
  /** For REFERENCE_TABLE: the related app's (visible) fields. */
  relatedFields?: Record<string, QueryField>;
}

/** By code; '$id' is always implicitly present. */
export type QuerySchema = Record<string, QueryField>;

type OpName = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'in' | 'not in' | 'like' | 'not like' | 'is' | 'is not';

const COMPARE: OpName[] = ['=', '!=', '>', '<', '>=', '<='];
const NUMERIC: OpName[] = [...COMPARE, 'in', 'not in'];
const LIST: OpName[] = ['in', 'not in'];
const TEXT: OpName[] = ['=', '!=', 'in', 'not in', 'like', 'not like'];
const LONG_TEXT: OpName[] = ['like', 'not like', 'is', 'is not'];

/** §5.2. A type absent here (CATEGORY, GROUP, SUBTABLE, REFERENCE_TABLE, …) is not queryable. */
const OPERATORS = new Map<string, readonly OpName[]>([
  ['__ID__', NUMERIC],
  ['RECORD_NUMBER', NUMERIC],
  ['NUMBER', NUMERIC],
  ['CALC', NUMERIC],
  ['CREATOR', LIST],
  ['MODIFIER', LIST],
  ['CREATED_TIME', COMPARE],
  ['UPDATED_TIME', COMPARE],
  ['DATETIME', COMPARE],
  ['DATE', COMPARE],
  ['TIME', COMPARE],
  ['SINGLE_LINE_TEXT', TEXT],
  ['LINK', TEXT],
  ['MULTI_LINE_TEXT', LONG_TEXT],
  ['RICH_TEXT', ['like', 'not like']],
  ['FILE', LONG_TEXT],
  ['CHECK_BOX', LIST],
  ['RADIO_BUTTON', LIST],
  ['DROP_DOWN', LIST],
  ['MULTI_SELECT', LIST],
  ['USER_SELECT', LIST],
  ['ORGANIZATION_SELECT', LIST],
  ['GROUP_SELECT', LIST],
  ['STATUS', ['=', '!=', 'in', 'not in']],
  ['STATUS_ASSIGNEE', LIST],
]);

const WITH_NOW: readonly FunctionName[] = ['NOW', ...DATE_FUNCTIONS];
const FUNCTIONS = new Map<string, readonly FunctionName[]>([
  ['DATE', DATE_FUNCTIONS],
  ['DATETIME', WITH_NOW],
  ['CREATED_TIME', WITH_NOW],
  ['UPDATED_TIME', WITH_NOW],
  ['CREATOR', ['LOGINUSER']],
  ['MODIFIER', ['LOGINUSER']],
  ['USER_SELECT', ['LOGINUSER']],
  ['STATUS_ASSIGNEE', ['LOGINUSER']],
  ['ORGANIZATION_SELECT', ['PRIMARY_ORGANIZATION']],
]);

/** Values must be one of the field's options (GAIA_IQ10) when the caller supplies them. */
const OPTION_TYPES = new Set(['CHECK_BOX', 'RADIO_BUTTON', 'DROP_DOWN', 'MULTI_SELECT', 'STATUS']);
const NUMBER_TYPES = new Set(['NUMBER', 'RECORD_NUMBER', '__ID__']);
/** What kintone's list views can sort by; multi-valued and long-text types cannot. */
const SORTABLE = new Set([
  '__ID__', 'RECORD_NUMBER', 'CREATOR', 'MODIFIER', 'CREATED_TIME', 'UPDATED_TIME', 'SINGLE_LINE_TEXT',
  'LINK', 'NUMBER', 'CALC', 'RADIO_BUTTON', 'DROP_DOWN', 'DATE', 'TIME', 'DATETIME', 'STATUS',
]);

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const ID_FIELD: QueryField = { code: '$id', type: '__ID__' };

interface Resolved {
  field: QueryField;
  /** The reference as written, for messages. */
  label: string;
  related: boolean;
}

export function checkQuery(query: Query, schema: QuerySchema, options: { forCursor?: boolean } = {}): void {
  if (options.forCursor && (query.limit !== null || query.offset !== null)) {
    throw new QueryError('CB_VA01', { messageKey: 'queryCursorOptions' });
  }
  if (query.where) checkExpr(query.where, schema);
  for (const key of query.orderBy) {
    const r = resolve(key.field, schema);
    if (r.related || r.field.subtable !== undefined || !SORTABLE.has(r.field.type)) {
      throw new QueryError('GAIA_IQ03', { params: { field: r.label, op: 'order by' } });
    }
  }
}

function checkExpr(expr: Expr, schema: QuerySchema): void {
  if (expr.kind === 'and' || expr.kind === 'or') {
    for (const item of expr.items) checkExpr(item, schema);
    return;
  }
  checkCond(expr, schema);
}

/** Own properties only: a code like `__proto__` or `constructor` must not reach Object.prototype. */
function own<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

function resolve(ref: FieldRef, schema: QuerySchema): Resolved {
  if (ref.related === undefined) {
    const field = ref.code === '$id' ? ID_FIELD : own(schema, ref.code);
    if (!field) throw new QueryError('GAIA_IQ11', { params: { field: ref.code } });
    return { field, label: ref.code, related: false };
  }
  const label = `${ref.related}.${ref.code}`;
  const owner = ref.related === '$id' ? ID_FIELD : own(schema, ref.related);
  if (!owner) throw new QueryError('GAIA_IQ11', { params: { field: label } });
  // `table.field` and any other dotted reference is only for Related Records (spec §5.1).
  if (owner.type !== 'REFERENCE_TABLE') throw new QueryError('GAIA_IR02', { params: { field: label } });
  const field = own(owner.relatedFields, ref.code);
  if (!field) throw new QueryError('GAIA_IQ11', { params: { field: label } });
  return { field, label, related: true };
}

function opName(cond: Cond): OpName {
  switch (cond.kind) {
    case 'compare':
      return cond.op;
    case 'in':
      return cond.negated ? 'not in' : 'in';
    case 'like':
      return cond.negated ? 'not like' : 'like';
    case 'empty':
      return cond.negated ? 'is not' : 'is';
  }
}

function valuesOf(cond: Cond): Value[] {
  if (cond.kind === 'compare') return [cond.value];
  if (cond.kind === 'in') return cond.values;
  return [];
}

function checkCond(cond: Cond, schema: QuerySchema): void {
  const { field, label, related } = resolve(cond.field, schema);
  const op = opName(cond);
  const allowed = OPERATORS.get(field.type);
  if (!allowed) throw new QueryError('GAIA_IQ03', { params: { field: label, op } });
  const values = valuesOf(cond);
  // kintone reports an unknown option before a wrong operator (`radio = "nope"` → IQ10).
  if (OPTION_TYPES.has(field.type) && field.options) checkOptions(values, field.options, label);
  if (op === '=' || op === '!=') {
    // Multi-valued references: "some row matches" needs in / not in (spec §5.1).
    if (field.subtable !== undefined) throw new QueryError('GAIA_IQ07', { params: { field: label, op } });
    if (related) throw new QueryError('GAIA_IQ03', { params: { field: label, op } });
  }
  if (!allowed.includes(op)) throw new QueryError('GAIA_IQ03', { params: { field: label, op } });
  for (const value of values) checkValue(value, field.type, label, op);
}

function checkOptions(values: Value[], options: readonly string[], label: string): void {
  for (const v of values) {
    if (v.kind === 'function') continue;
    // `in ("")` asks for records with nothing selected, so the empty string is always allowed.
    if (v.value !== '' && !options.includes(v.value)) {
      throw new QueryError('GAIA_IQ10', { params: { field: label, value: v.value } });
    }
  }
}

function checkValue(value: Value, type: string, label: string, op: OpName): void {
  if (value.kind === 'function') {
    const name = value.name.toUpperCase();
    const allowed = FUNCTIONS.get(type) ?? [];
    if (!(allowed as readonly string[]).includes(name)) {
      throw new QueryError('GAIA_IQ03', { params: { field: label, op: `${name}()` } });
    }
    checkCall(value, label);
    return;
  }
  if (!NUMBER_TYPES.has(type) || NUMBER_TEXT.test(value.value)) return;
  // "" finds records with no number; it has no order, so only equality and lists take it.
  const emptyAllowed = op === '=' || op === '!=' || op === 'in' || op === 'not in';
  if (value.value === '' && emptyAllowed) return;
  throw new QueryError('CB_VA01', { messageKey: 'notNumber' });
}

/** The operators kintone allows on a field type (§5.2), for the web app's filter builder; none: not queryable. */
export function operatorsFor(type: string): readonly OpName[] {
  return OPERATORS.get(type) ?? [];
}

/** The functions a field type takes as values (`TODAY()`, `LOGINUSER()` …). */
export function functionsFor(type: string): readonly FunctionName[] {
  return FUNCTIONS.get(type) ?? [];
}

/** Whether a list can be sorted by a top-level field of this type. */
export function isSortableType(type: string): boolean {
  return SORTABLE.has(type);
}

export type { OpName as QueryOperator };
