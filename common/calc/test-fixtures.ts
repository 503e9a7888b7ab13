// Factories for the calc tests: scopes read like the spec's "Inputs" column.

import type { CalcFormat } from './ast.js';
import { evaluateFormula, evaluateFormulaResult, type EvaluateOptions, type NumberPrecision } from './evaluate.js';
import { parseFormula } from './parser.js';
import type { FormulaScope, RecordValue, ScopeEntry } from './scope.js';

export const num = (value: string | null = ''): ScopeEntry => ({ type: 'NUMBER', value });
export const date = (value: string | null = null): ScopeEntry => ({ type: 'DATE', value });
export const time = (value: string | null = null): ScopeEntry => ({ type: 'TIME', value });
export const datetime = (value = ''): ScopeEntry => ({ type: 'DATETIME', value });
export const str = (value: string | null = ''): ScopeEntry => ({ type: 'SINGLE_LINE_TEXT', value });
export const dropDown = (value: string | null = null): ScopeEntry => ({ type: 'DROP_DOWN', value });
export const checkBox = (...value: string[]): ScopeEntry => ({ type: 'CHECK_BOX', value });
export const calcField = (value: string, format: CalcFormat = 'NUMBER'): ScopeEntry => ({ type: 'CALC', format, value });
export const column = (type: string, rows: RecordValue[]): ScopeEntry => ({ type, rows });

/** `"30/10/HALF_EVEN"` → numberPrecision. */
export function precision(spec: string): NumberPrecision {
  const [digits, decimalPlaces, roundingMode] = spec.split('/');
  return {
    digits: Number(digits),
    decimalPlaces: Number(decimalPlaces),
    roundingMode: roundingMode as NumberPrecision['roundingMode'],
  };
}

export interface CalcOverrides extends Partial<Omit<EvaluateOptions, 'precision'>> {
  precision?: string;
}

export function options(o: CalcOverrides = {}): EvaluateOptions {
  return {
    format: 'NUMBER',
    target: 'CALC',
    timeZone: 'Asia/Tokyo',
    ...o,
    precision: precision(o.precision ?? '16/4/HALF_EVEN'),
  };
}

/** A CALC field's API value. */
export function calc(formula: string, scope: FormulaScope = {}, o: CalcOverrides = {}): string {
  return evaluateFormula(parseFormula(formula), scope, options(o));
}

/** An auto-calculated SINGLE_LINE_TEXT field's API value. */
export function txt(formula: string, scope: FormulaScope = {}, o: CalcOverrides = {}): string {
  return calc(formula, scope, { ...o, target: 'SINGLE_LINE_TEXT' });
}

export function marker(formula: string, scope: FormulaScope = {}, o: CalcOverrides = {}): string | null {
  return evaluateFormulaResult(parseFormula(formula), scope, options(o)).error;
}
