// A formula that fails for one record is not an error of the request: the field's value becomes
// "" (spec/calc-formulas.md §6.1). The reason survives only to pick the marker the UI shows.

/** kintone's on-screen markers; none of them ever appears in an API value. */
export type FailureMarker = '#ERROR!' | '#PRECISION!' | '#VALUE!' | '#CONVERT!';

export class EvaluationFailure extends Error {
  constructor(readonly marker: FailureMarker) {
    super(marker);
    this.name = 'EvaluationFailure';
  }
}

/** Cannot be computed: division by zero, a table without rows, a date out of range. */
export function cannotCompute(): never {
  throw new EvaluationFailure('#ERROR!');
}

/** Too many integer digits for the app's numberPrecision. */
export function tooManyDigits(): never {
  throw new EvaluationFailure('#PRECISION!');
}

/** An operator or function given a value of the wrong type. */
export function wrongType(): never {
  throw new EvaluationFailure('#VALUE!');
}

/** A result the field's format cannot show (a string in a CALC field). */
export function cannotConvert(): never {
  throw new EvaluationFailure('#CONVERT!');
}
