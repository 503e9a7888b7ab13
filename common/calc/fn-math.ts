// SUM, ROUND, ROUNDUP, ROUNDDOWN and YEN (spec/calc-formulas.md §3). The ROUND family rounds in
// its own mode whatever the app's numberPrecision says; the result is still held to the budget.

import type { Node } from './ast.js';
import { ZERO, plain, quantise, roundTo, type Num, type RoundingMode } from './decimal.js';
import { cannotCompute, wrongType } from './failure.js';
import { PROVISIONAL } from './provisional.js';
import { asInteger, asNumber, number, text, type Runtime, type Value } from './runtime.js';

/** Places beyond this change nothing: values have at most 20 integer and 10 decimal digits. */
const MAX_PLACES = 40;

export function SUM(args: readonly Node[], rt: Runtime): Value {
  let total = ZERO;
  const add = (x: Num) => {
    total = quantise(total.plus(x), rt.numbers);
  };
  for (const a of args) {
    const v = rt.evaluate(a);
    if (v.kind === 'number') add(v.value);
    else if (v.kind === 'numbers') {
      // A table without rows fails the formula rather than summing to 0 (§2.4).
      if (v.values.length === 0) cannotCompute();
      v.values.forEach(add);
    } else wrongType();
  }
  return number(total);
}

/** The first argument rounded at the second (default 0), and those places. */
function rounded(args: readonly Node[], rt: Runtime, mode: RoundingMode): [Num, number] {
  const [xArg, placesArg] = args;
  const x = asNumber(rt.evaluate(xArg ?? wrongType()));
  const raw = placesArg ? asInteger(rt.evaluate(placesArg), MAX_PLACES) : 0;
  const places = Math.max(-MAX_PLACES, Math.min(MAX_PLACES, raw));
  return [quantise(roundTo(x, places, mode), rt.numbers), places];
}

export function ROUND(args: readonly Node[], rt: Runtime): Value {
  return number(rounded(args, rt, 'HALF_UP')[0]);
}

export function ROUNDUP(args: readonly Node[], rt: Runtime): Value {
  return number(rounded(args, rt, 'UP')[0]);
}

export function ROUNDDOWN(args: readonly Node[], rt: Runtime): Value {
  return number(rounded(args, rt, 'DOWN')[0]);
}

/** `YEN(1132.85, 1)` → `¥1,132.9`: rounded like ROUND, then `¥` and thousands separators. */
export function YEN(args: readonly Node[], rt: Runtime): Value {
  const [x, places] = rounded(args, rt, 'HALF_UP');
  const digits = PROVISIONAL.yenPadDecimals ? x.abs().toFixed(Math.max(0, places)) : plain(x.abs());
  const [int = '0', frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  if (!x.isNegative() || x.isZero()) return text(`¥${grouped}`);
  return text(PROVISIONAL.yenNegative === 'yen-then-sign' ? `¥-${grouped}` : `-¥${grouped}`);
}
