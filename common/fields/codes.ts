// Field codes name fields in the API, in formulas and in queries, unquoted. So a code may only
// hold characters the query and formula lexers read as part of an identifier, and may not be a
// word those languages give a meaning to.
import type { FieldMessageKey } from '../errors.js';

export const MAX_FIELD_CODE_LENGTH = 128;

// Letters of any script with their combining marks, digits (full-width too), `_`, and the
// full-width `＿` and `・` kintone allows. Must match common/query/lexer.ts IDENT_CHAR.
const CODE = /^[\p{L}\p{Nd}_\uFF3F\u30FB][\p{L}\p{M}\p{Nd}_\uFF3F\u30FB]*$/u;
const STARTS_WITH_DIGIT = /^\p{Nd}/u;

// Object-model names (security.md X10), kintone's own keys, and query keywords: a field called
// `order` or `limit` would make `order by …` ambiguous.
const RESERVED = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '$id',
  '$revision',
  '__id__',
  '__revision__',
  'and',
  'or',
  'not',
  'in',
  'like',
  'is',
  'empty',
  'order',
  'by',
  'asc',
  'desc',
  'limit',
  'offset',
]);

/** null when `code` may name a field; otherwise why not. Length counts code points. */
export function validateFieldCode(code: unknown): FieldMessageKey | null {
  if (typeof code !== 'string' || code === '') return 'required';
  if (RESERVED.has(code.toLowerCase())) return 'fieldCodeReserved';
  if ([...code].length > MAX_FIELD_CODE_LENGTH) return 'fieldCodeTooLong';
  if (STARTS_WITH_DIGIT.test(code) || !CODE.test(code)) return 'fieldCodeInvalid';
  return null;
}
