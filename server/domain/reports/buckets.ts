// One category's running aggregates: the records in it, and per aggregation the exact sum, the
// number of values and the largest or smallest value. Sums are exact (exact.ts) whatever their
// size; an average is rounded once, at the end, to the app's decimal places and rounding mode,
// as a CALC would be.
import type { Decimal } from 'decimal.js';
import { Dec } from '../../../common/calc/decimal.js';
import type { AggregationType } from '../../../common/reports/fields.js';
import { ExactSum, compareExact, exactDecimal, exactText } from './exact.js';
import type { Sample } from './values.js';

interface Acc {
  n: number;
  sum: ExactSum;
  best: Sample | null;
}

function above(a: Sample, b: Sample): number {
  if ('at' in a) return a.at - (b as { at: number }).at;
  return compareExact(a, b as Exclude<Sample, { at: number }>);
}

export class Bucket {
  count = 0;
  private readonly accs: Acc[];

  constructor(private readonly types: readonly AggregationType[]) {
    this.accs = types.map(() => ({ n: 0, sum: new ExactSum(), best: null }));
  }

  add(samples: ReadonlyArray<Sample | null>): void {
    this.count++;
    for (let i = 0; i < this.types.length; i++) {
      const s = samples[i];
      if (s === null || s === undefined) continue;
      const acc = this.accs[i]!;
      acc.n++;
      switch (this.types[i]) {
        case 'SUM':
        case 'AVERAGE':
          acc.sum.add(s as Exclude<Sample, { at: number }>);
          break;
        case 'MAX':
          if (acc.best === null || above(s, acc.best) > 0) acc.best = s;
          break;
        case 'MIN':
          if (acc.best === null || above(s, acc.best) < 0) acc.best = s;
          break;
      }
    }
  }

  /** What sorting by TOTAL compares: the first aggregation's value; null sorts last. */
  rank(): Decimal | number | null {
    const type = this.types[0];
    if (type === undefined || type === 'COUNT') return this.count;
    const acc = this.accs[0]!;
    if (type === 'SUM') return exactDecimal(acc.sum);
    if (type === 'AVERAGE') return acc.n ? exactDecimal(acc.sum).div(acc.n) : null;
    if (acc.best === null) return null;
    return 'at' in acc.best ? acc.best.at : exactDecimal(acc.best);
  }

  /** Each aggregation's value as exact text (a SUM of nothing is 0; MAX, MIN, AVERAGE of nothing, null). */
  values(precision: { decimalPlaces: number; rounding: Decimal.Rounding }): Array<string | null> {
    return this.types.map((type, i) => {
      const acc = this.accs[i]!;
      switch (type) {
        case 'COUNT':
          return String(this.count);
        case 'SUM':
          return exactText(acc.sum);
        case 'AVERAGE':
          return acc.n ? exactDecimal(acc.sum).div(acc.n).toDecimalPlaces(precision.decimalPlaces, precision.rounding).toString() : null;
        default:
          return acc.best === null ? null : 'at' in acc.best ? acc.best.text : exactText(acc.best);
      }
    });
  }
}

export const ROUNDING: Record<string, Decimal.Rounding> = { HALF_EVEN: Dec.ROUND_HALF_EVEN, UP: Dec.ROUND_UP, DOWN: Dec.ROUND_DOWN };

export function compareRanks(a: Decimal | number | null, b: Decimal | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return (typeof a === 'number' ? new Dec(a) : a).cmp(b);
}
