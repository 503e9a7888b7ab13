// The formula engine: parse at deploy, check against the app's fields, order the formula fields,
// evaluate per record. Pure: runs in the server and the browser alike.

export {
  CALC_FORMATS,
  FUNCTIONS,
  LIMITS,
  isCalcFormat,
  type BinaryOp,
  type CalcFormat,
  type Formula,
  type FunctionName,
  type Node,
  type Span,
} from './ast.js';
export { parseFormula } from './parser.js';
export { FormulaError, describeProblem, type FormulaProblem } from './formula-error.js';
export {
  calcOrder,
  checkAppFormulas,
  checkFormula,
  isFormulaField,
  type CalcOrder,
  type FieldFormulaProblem,
  type FieldInfo,
  type FieldMap,
  type FormulaField,
  type SelfInfo,
} from './check.js';
export {
  evaluateFormula,
  evaluateFormulaResult,
  type EvaluateOptions,
  type EvaluationResult,
  type NumberPrecision,
} from './evaluate.js';
export type { FailureMarker } from './failure.js';
export type { ColumnEntry, FormulaScope, RecordValue, ScalarEntry, ScopeEntry } from './scope.js';
export { PROVISIONAL } from './provisional.js';
