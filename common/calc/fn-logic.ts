// IF, AND, OR, NOT and CONTAINS (spec/calc-formulas.md §3). Conditions must be booleans: a
// number is not true (`IF(1, 1, 2)` fails), which kintone checks per record, not at deploy.

import type { Node } from './ast.js';
import { wrongType } from './failure.js';
import { PROVISIONAL } from './provisional.js';
import { asBoolean, asString, bool, type Runtime, type Value } from './runtime.js';

function arg(args: readonly Node[], i: number): Node {
  // The parser has checked the arity; this only satisfies the index type.
  return args[i] ?? wrongType();
}

export function IF(args: readonly Node[], rt: Runtime): Value {
  const cond = asBoolean(rt.evaluate(arg(args, 0)));
  if (PROVISIONAL.lazyIf) return rt.evaluate(arg(args, cond ? 1 : 2));
  const [whenTrue, whenFalse] = [rt.evaluate(arg(args, 1)), rt.evaluate(arg(args, 2))];
  return cond ? whenTrue : whenFalse;
}

// Every argument is evaluated, so a non-boolean anywhere fails even when the answer is known.
function conditions(args: readonly Node[], rt: Runtime): boolean[] {
  return args.map((a) => asBoolean(rt.evaluate(a)));
}

export function AND(args: readonly Node[], rt: Runtime): Value {
  return bool(conditions(args, rt).every(Boolean));
}

export function OR(args: readonly Node[], rt: Runtime): Value {
  return bool(conditions(args, rt).some(Boolean));
}

export function NOT(args: readonly Node[], rt: Runtime): Value {
  return bool(!asBoolean(rt.evaluate(arg(args, 0))));
}

/** Whole-value equality against the selected options or the column's rows, never substrings. */
export function CONTAINS(args: readonly Node[], rt: Runtime): Value {
  const list = rt.evaluate(arg(args, 0));
  if (list.kind !== 'strings') return wrongType();
  const needle = asString(rt.evaluate(arg(args, 1)));
  return bool(list.values.includes(needle));
}
