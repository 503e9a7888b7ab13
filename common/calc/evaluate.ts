// Evaluates a parsed formula against one record (or one table row) and renders the result the
// way the API stores it. A failing formula yields "" and never fails the save (§6.1), so every
// failure of the formula itself is caught here; a bug in this module still throws.

import type { Locale } from '../errors.js';
import { LIMITS, type CalcFormat, type Formula, type Node } from './ast.js';
import { Dec, HARD_INTEGER_DIGITS, quantise, type NumberContext } from './decimal.js';
import { EvaluationFailure, type FailureMarker } from './failure.js';
import { isDateFormat } from './field-types.js';
import { CALLS } from './functions.js';
import { binary, unary } from './operators.js';
import { PROVISIONAL } from './provisional.js';
import { renderCalc, renderText } from './render.js';
import { number, type Runtime, type Value } from './runtime.js';
import { readField, type FormulaScope } from './scope.js';

/** The app's numberPrecision (`app/settings`), numbers or the API's numeric strings. */
export interface NumberPrecision {
  digits: number | string;
  decimalPlaces: number | string;
  roundingMode: 'HALF_EVEN' | 'UP' | 'DOWN';
}

export interface EvaluateOptions {
  /** The CALC field's `format`; ignored for text fields. */
  format: CalcFormat;
  /** UI only (§5.1): accepted so callers can pass a field's properties, never applied. */
  displayScale?: string;
  precision: NumberPrecision;
  target: 'CALC' | 'SINGLE_LINE_TEXT';
  /** The zone DATE_FORMAT's `"system"` means: the kintone domain's time zone. */
  timeZone: string;
  /** Month names and AM/PM in DATE_FORMAT; the requesting user's language. */
  locale?: Locale;
}

export interface EvaluationResult {
  /** What the API stores and returns as the field's `value`. */
  value: string;
  /** Why the value is "" when the formula failed: the marker kintone's UI would show. */
  error: FailureMarker | null;
}

/** The field's API `value`: "" when the result is empty or the formula fails for this record. */
export function evaluateFormula(formula: Formula, scope: FormulaScope, options: EvaluateOptions): string {
  return evaluateFormulaResult(formula, scope, options).value;
}

export function evaluateFormulaResult(
  formula: Formula,
  scope: FormulaScope,
  options: EvaluateOptions,
): EvaluationResult {
  const { numbers, timeReads } = numberContexts(options);
  const rt: Runtime = {
    scope,
    numbers,
    timeReads,
    timeZone: options.timeZone,
    locale: options.locale ?? PROVISIONAL.defaultLocale,
    evaluate: (node) => evaluateNode(node, rt),
  };
  try {
    const v = rt.evaluate(formula.root);
    const value = options.target === 'CALC' ? renderCalc(v, calcFormat(options)) : renderText(v);
    if (value.length > LIMITS.maxStringLength) return { value: '', error: '#ERROR!' };
    return { value, error: null };
  } catch (e) {
    if (e instanceof EvaluationFailure) return { value: '', error: e.marker };
    // decimal.js reports impossible operations (which our checks should already prevent) so.
    if (e instanceof Error && e.message.startsWith('[DecimalError]')) return { value: '', error: '#ERROR!' };
    throw e;
  }
}

function evaluateNode(node: Node, rt: Runtime): Value {
  switch (node.kind) {
    case 'number':
      // Literals are quantised like everything else: 0.00015 is 0.0002 at 4 places (§2.2).
      return number(quantise(new Dec(node.text), rt.numbers));
    case 'string':
      return { kind: 'string', value: node.value };
    case 'field':
      return readField(rt, node.code);
    case 'unary':
      return unary(node.op, rt.evaluate(node.operand), rt);
    case 'binary':
      return binary(node.op, rt.evaluate(node.left), rt.evaluate(node.right), rt);
    case 'call':
      return CALLS[node.name](node.args, rt);
  }
}

function calcFormat(options: EvaluateOptions): CalcFormat {
  return options.format ?? PROVISIONAL.defaultFormat;
}

function clampInt(value: number | string, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function numberContexts(options: EvaluateOptions): { numbers: NumberContext; timeReads: NumberContext } {
  const decimalPlaces = clampInt(options.precision.decimalPlaces, 0, 10, 4);
  const digits = clampInt(options.precision.digits, 1, 30, 16);
  const mode = options.precision.roundingMode;
  const budget = Math.max(0, digits - decimalPlaces);
  const waived =
    PROVISIONAL.dateFormatsSkipDigitBudget && options.target === 'CALC' && isDateFormat(calcFormat(options));
  const numbers = { decimalPlaces, mode, integerDigits: waived ? HARD_INTEGER_DIGITS : budget };
  const timeReads = {
    ...numbers,
    integerDigits: PROVISIONAL.dateReadsSkipDigitBudget ? HARD_INTEGER_DIGITS : numbers.integerDigits,
  };
  return { numbers, timeReads };
}
