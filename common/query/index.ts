// The kintone query language: parse, check against an app's fields, print, and expand date
// functions. Pure: runs in the server and in the browser.

export type { CompareOp, Cond, Expr, FieldRef, Query, SortKey, Value } from './ast.js';
export { COMPARE_OPS, usesFunctions } from './ast.js';
export { parseQuery, MAX_CONDITIONS, MAX_DEPTH, MAX_IN_ITEMS, MAX_LIMIT, MAX_OFFSET } from './parser.js';
export { tokenize, MAX_QUERY_LENGTH, MAX_TOKENS, type Token, type TokenKind } from './lexer.js';
export { checkQuery, operatorsFor, functionsFor, isSortableType, type QueryField, type QuerySchema, type QueryOperator } from './check.js';
export { printQuery, printExpr, printString, isIdentifier } from './print.js';
export {
  compareRange,
  resolveDateFunction,
  type DateFieldType,
  type DateRange,
  type RangeBound,
  type RangeComparison,
} from './dates.js';
export { checkCall, KNOWN_FUNCTIONS, type CheckedCall, type FunctionName } from './functions.js';
export { QueryError, toErrorParts, type QueryErrorParts, type QueryMessageKey } from './errors.js';
