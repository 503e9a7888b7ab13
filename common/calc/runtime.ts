// The values formulas compute with and what every operator and function needs to reach while
// evaluating. Empty travels as a flag on numbers only: it survives a bare reference and an IF
// branch, and every operator reads the 0 underneath (spec/calc-formulas.md §2.4).

import type { Locale } from '../errors.js';
import { LIMITS, type Node } from './ast.js';
import type { NumberContext, Num } from './decimal.js';
import { plain } from './decimal.js';
import { cannotCompute, wrongType } from './failure.js';
import type { FormulaScope } from './scope.js';
import { PROVISIONAL } from './provisional.js';

export type Value =
  | { kind: 'number'; value: Num; empty: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** A number-typed table column seen from outside its table: one entry per row. */
  | { kind: 'numbers'; values: Num[] }
  /** CHECK_BOX / MULTI_SELECT selections, or a string-typed column seen from outside its table. */
  | { kind: 'strings'; values: string[] };

export interface Runtime {
  readonly scope: FormulaScope;
  /** Precision for literals and arithmetic results. */
  readonly numbers: NumberContext;
  /** Precision for values read from date/time fields (their digit budget may be waived). */
  readonly timeReads: NumberContext;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly evaluate: (node: Node) => Value;
}

export type Call = (args: readonly Node[], rt: Runtime) => Value;

export function number(value: Num): Value {
  return { kind: 'number', value, empty: false };
}

export function text(value: string): Value {
  if (value.length > LIMITS.maxStringLength) cannotCompute();
  return { kind: 'string', value };
}

export function bool(value: boolean): Value {
  return { kind: 'boolean', value };
}

export function asNumber(v: Value): Num {
  return v.kind === 'number' ? v.value : wrongType();
}

export function asBoolean(v: Value): boolean {
  return v.kind === 'boolean' ? v.value : wrongType();
}

export function asString(v: Value): string {
  return v.kind === 'string' ? v.value : wrongType();
}

/** How a value reads inside `&` and as a text field's result (§2.5). */
export function asText(v: Value): string {
  switch (v.kind) {
    case 'number':
      return v.empty ? '' : plain(v.value);
    case 'string':
      return v.value;
    case 'boolean':
      return PROVISIONAL.textBooleans[v.value ? 0 : 1];
    default:
      return wrongType();
  }
}

/** An integer argument (ROUND's places, `^`'s exponent): fractions are truncated (§3). */
export function asInteger(v: Value, bound: number): number {
  const n = asNumber(v);
  if (!n.isInteger() && !PROVISIONAL.truncateFractionalArguments) wrongType();
  const t = n.trunc();
  if (t.abs().gt(bound)) return t.isNegative() ? -bound - 1 : bound + 1;
  return t.toNumber();
}
