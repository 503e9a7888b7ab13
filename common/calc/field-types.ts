// Which field types a formula may read, and as what (spec/calc-formulas.md §2.1, §4.1). A LOOKUP
// is described by the type it copies as (SINGLE_LINE_TEXT or NUMBER), as the form API does.

import type { CalcFormat } from './ast.js';

/** number: decimal; time: seconds; string: text; options: a list of selected option names. */
export type FieldKind = 'number' | 'time' | 'string' | 'options';

const KINDS: Readonly<Record<string, FieldKind>> = {
  NUMBER: 'number',
  CALC: 'number',
  DATE: 'time',
  TIME: 'time',
  DATETIME: 'time',
  CREATED_TIME: 'time',
  UPDATED_TIME: 'time',
  SINGLE_LINE_TEXT: 'string',
  DROP_DOWN: 'string',
  RADIO_BUTTON: 'string',
  CREATOR: 'string',
  MODIFIER: 'string',
  CHECK_BOX: 'options',
  MULTI_SELECT: 'options',
};

/** `null`: the type cannot be referenced (RECORD_NUMBER, MULTI_LINE_TEXT, FILE, SUBTABLE, …). */
export function fieldKind(type: string): FieldKind | null {
  return Object.hasOwn(KINDS, type) ? (KINDS[type] ?? null) : null;
}

export const DATE_FORMATS: readonly CalcFormat[] = ['DATETIME', 'DATE', 'TIME', 'HOUR_MINUTE', 'DAY_HOUR_MINUTE'];

export function isDateFormat(format: CalcFormat | undefined): boolean {
  return format !== undefined && DATE_FORMATS.includes(format);
}
