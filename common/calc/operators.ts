// Binary and unary operators (spec/calc-formulas.md §1.3, §2.2, §2.5).

import { isCompareOp, type BinaryOp, type CompareOp } from './ast.js';
import { Dec, divide, power, quantise } from './decimal.js';
import { cannotCompute, wrongType } from './failure.js';
import { PROVISIONAL } from './provisional.js';
import { asInteger, asNumber, asText, bool, number, text, type Runtime, type Value } from './runtime.js';

const ZERO_POWER_ZERO = new Dec(PROVISIONAL.zeroPowerZero);

export function unary(op: '+' | '-', operand: Value, rt: Runtime): Value {
  const x = asNumber(operand);
  // Even `+n` yields a number, not the empty reference: only a bare reference stays empty.
  return number(op === '-' ? quantise(x.neg(), rt.numbers) : x);
}

export function binary(op: BinaryOp, left: Value, right: Value, rt: Runtime): Value {
  if (op === '&') return text(asText(left) + asText(right));
  if (isCompareOp(op)) return bool(compare(op, left, right));
  const a = asNumber(left);
  const b = asNumber(right);
  switch (op) {
    case '+':
      return number(quantise(a.plus(b), rt.numbers));
    case '-':
      return number(quantise(a.minus(b), rt.numbers));
    case '*':
      return number(quantise(a.times(b), rt.numbers));
    case '/':
      return number(divide(a, b, rt.numbers));
    case '^': {
      const e = asInteger(right, PROVISIONAL.maxExponent);
      if (Math.abs(e) > PROVISIONAL.maxExponent) cannotCompute();
      return number(power(a, e, rt.numbers, ZERO_POWER_ZERO));
    }
  }
}

function compare(op: CompareOp, left: Value, right: Value): boolean {
  if (op === '=' || op === '!=' || op === '<>') {
    const eq = equal(left, right);
    return op === '=' ? eq : !eq;
  }
  const c = order(left, right);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function order(left: Value, right: Value): number {
  if (left.kind === 'string' && right.kind === 'string' && !PROVISIONAL.stringOrderingIsError) {
    return left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
  }
  return asNumber(left).comparedTo(asNumber(right));
}

function sameText(a: string, b: string): boolean {
  return PROVISIONAL.caseSensitiveEquality ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** Values of different types are simply unequal; lists cannot be compared at all. */
function equal(a: Value, b: Value): boolean {
  if (a.kind === 'numbers' || a.kind === 'strings' || b.kind === 'numbers' || b.kind === 'strings') {
    return wrongType();
  }
  if (a.kind === 'number' && b.kind === 'number') return a.value.eq(b.value);
  if (a.kind === 'string' && b.kind === 'string') return sameText(a.value, b.value);
  if (a.kind === 'boolean' && b.kind === 'boolean') return a.value === b.value;
  return false;
}
