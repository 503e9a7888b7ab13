// Conditions on values kept in the JSON document: texts and single choices, numbers,
// multi-valued choices and entities, files. `doc` is the record's data or one subtable row.
import { type SqlBool, sql } from 'kysely';
import type { Cond } from '../../../common/query/ast.js';
import { QueryError } from '../../../common/query/errors.js';
import type { JsonDoc } from '../../storage/json-sql.js';
import { indexCandidates, likeCondition } from './like.js';
import { DECIMAL, literalText, notNumber, unsupported } from './literals.js';
import { type Bool, compareOp, exists, inList, not, or, TRUE, type Env } from './sql-helpers.js';
import type { SqlField } from './types.js';

/**
 * Texts, RADIO_BUTTON, DROP_DOWN and STATUS. A missing or null value is '', so `in ("")`
 * finds unset choices and `!= "x"` includes empty texts.
 */
export function textCondition(env: Env, cond: Cond, field: SqlField, doc: JsonDoc): Bool {
  const { j } = env;
  const raw = j.text(doc, field.fieldId);
  const value = sql<string>`coalesce(${raw}, '')`;
  switch (cond.kind) {
    case 'compare': {
      if (cond.op !== '=' && cond.op !== '!=') throw unsupported(cond, field);
      return sql<SqlBool>`(${value} ${compareOp(cond.op)} ${literalText(cond.value, field.code)})`;
    }
    case 'in': {
      const p = inList(value, [...new Set(cond.values.map((v) => literalText(v, field.code)))]);
      return cond.negated ? not(p) : p;
    }
    case 'like': {
      env.likeUsed = true;
      const p = likeCondition(j, raw, cond.value);
      if (cond.negated) return not(p);
      const candidates = indexCandidates(j, env.ctx.textIndex, field, cond.value);
      return candidates ? sql<SqlBool>`(${candidates} AND ${p})` : p;
    }
    case 'empty': {
      // Whitespace-only counts as empty, as in the required-field check (isEmptyValue).
      const trimmed = j.trimSpace(value);
      return cond.negated ? sql<SqlBool>`(${trimmed} <> '')` : sql<SqlBool>`(${trimmed} = '')`;
    }
  }
}

function decimal(text: string): string {
  if (!DECIMAL.test(text)) throw notNumber();
  return text;
}

/**
 * NUMBER and numeric CALC. '' is the empty number: `= ""` and `in ("")` find it, while a
 * comparison with a number (`!=` included) never matches it. `not in` is the complement of
 * `in`, so an empty number is "not in (5)" unless "" is listed, as for every list operator.
 */
export function numberCondition(env: Env, cond: Cond, field: SqlField, doc: JsonDoc): Bool {
  const { j } = env;
  const raw = j.text(doc, field.fieldId);
  const number = j.number(raw);
  const isEmpty = sql<SqlBool>`(coalesce(${raw}, '') = '')`;
  if (cond.kind === 'in') {
    const items = cond.values.map((v) => literalText(v, field.code));
    const numbers = [...new Set(items.filter((t) => t !== '').map(decimal))];
    const parts: Bool[] = [];
    if (numbers.length > 0) parts.push(inList(number, numbers.map((n) => j.numberParam(n))));
    if (items.includes('')) parts.push(isEmpty);
    return cond.negated ? not(or(parts)) : or(parts);
  }
  if (cond.kind !== 'compare') throw unsupported(cond, field);
  const text = literalText(cond.value, field.code);
  if (text === '') {
    if (cond.op === '=') return isEmpty;
    if (cond.op === '!=') return not(isEmpty);
    throw notNumber();
  }
  return sql<SqlBool>`(${number} ${compareOp(cond.op)} ${j.numberParam(decimal(text))})`;
}

/** PRIMARY_ORGANIZATION() of a user who has none: kintone ignores the whole condition. */
export function isIgnored(env: Env, cond: Cond, field: SqlField): boolean {
  if (cond.kind !== 'in' || field.type !== 'ORGANIZATION_SELECT' || env.ctx.user?.primaryOrganization) return false;
  return cond.values.some((v) => v.kind === 'function' && v.name === 'PRIMARY_ORGANIZATION');
}

/**
 * CHECK_BOX, MULTI_SELECT (string arrays) and USER/ORGANIZATION/GROUP_SELECT, STATUS_ASSIGNEE
 * (arrays of `{code}`): `in` = some selected value is listed, `not in` = none is; `""` in the
 * list stands for "nothing selected".
 */
export function selectionCondition(env: Env, cond: Cond, field: SqlField, doc: JsonDoc, entities: boolean): Bool {
  if (cond.kind !== 'in') throw unsupported(cond, field);
  if (isIgnored(env, cond, field)) return TRUE;
  const { j } = env;
  const codes = new Set<string>();
  let nothing = false;
  for (const v of cond.values) {
    if (v.kind === 'function') {
      const code = functionCode(env, v.name, field);
      // Under an API token LOGINUSER() names nobody (spec/security.md R14).
      if (code !== null) codes.add(code);
      continue;
    }
    if (v.value === '') nothing = true;
    else codes.add(v.value);
  }
  const alias = env.alias('e');
  const from = j.elements(doc, field.fieldId, alias);
  const element = entities ? j.member(alias, 'code') : j.element(alias);
  const parts: Bool[] = [];
  if (codes.size > 0) parts.push(exists(from, inList(element, [...codes])));
  if (nothing) parts.push(not(exists(from)));
  const p = or(parts);
  return cond.negated ? not(p) : p;
}

const USER_TYPES = new Set(['USER_SELECT', 'STATUS_ASSIGNEE']);

function functionCode(env: Env, name: string, field: SqlField): string | null {
  if (name === 'LOGINUSER' && USER_TYPES.has(field.type)) return env.ctx.user?.code ?? null;
  if (name === 'PRIMARY_ORGANIZATION' && field.type === 'ORGANIZATION_SELECT') return env.ctx.user?.primaryOrganization ?? null;
  throw new QueryError('GAIA_IQ03', { params: { field: field.code, op: `${name}()` } });
}

/** FILE: `like` searches the attached files' names; empty = no file attached. */
export function fileCondition(env: Env, cond: Cond, field: SqlField, doc: JsonDoc): Bool {
  const { j } = env;
  const alias = env.alias('e');
  const from = j.elements(doc, field.fieldId, alias);
  if (cond.kind === 'like') {
    env.likeUsed = true;
    const p = exists(from, likeCondition(j, j.member(alias, 'name'), cond.value));
    return cond.negated ? not(p) : p;
  }
  if (cond.kind === 'empty') return cond.negated ? exists(from) : not(exists(from));
  throw unsupported(cond, field);
}
