// The function table the evaluator dispatches on; the parser has already refused any other name.

import type { FunctionName } from './ast.js';
import { DATE_FORMAT } from './fn-date.js';
import { AND, CONTAINS, IF, NOT, OR } from './fn-logic.js';
import { ROUND, ROUNDDOWN, ROUNDUP, SUM, YEN } from './fn-math.js';
import type { Call } from './runtime.js';

export const CALLS: Readonly<Record<FunctionName, Call>> = {
  SUM,
  IF,
  AND,
  OR,
  NOT,
  ROUND,
  ROUNDUP,
  ROUNDDOWN,
  YEN,
  DATE_FORMAT,
  CONTAINS,
};
