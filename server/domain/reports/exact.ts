// Exact decimals for adding up many values: an integer and a scale (value = int / 10^scale).
// kintone numbers are stored as canonical decimal text, which this reads without rounding;
// sums of them are exact at any size. decimal.js (common/calc/decimal.ts) does the same work but
// parses at several microseconds a value, which was most of a graph's time over 20,000 records;
// it still does what needs a rounding rule (an average's division) and reads any text this
// simple reader does not.
import type { Decimal } from 'decimal.js';
import { Dec } from '../../../common/calc/decimal.js';

export interface Exact {
  int: bigint;
  scale: number;
}

const POWERS: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = POWERS.length; i <= n; i++) POWERS.push(POWERS[i - 1]! * 10n);
  return POWERS[n]!;
}

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** A decimal's text → its exact value; null for anything that is not a finite number. */
export function parseExact(text: string): Exact | null {
  const m = PLAIN.exec(text);
  if (m) return { int: BigInt(`${m[1] === '-' ? '-' : ''}${m[2]}${m[3] ?? ''}`), scale: m[3]?.length ?? 0 };
  try {
    const d = new Dec(text);
    return d.isFinite() ? parseExact(d.toFixed()) : null;
  } catch {
    return null;
  }
}

/** A running exact sum. */
export class ExactSum {
  int = 0n;
  scale = 0;

  add(x: Exact): void {
    if (x.scale > this.scale) {
      this.int *= pow10(x.scale - this.scale);
      this.scale = x.scale;
    }
    this.int += x.scale === this.scale ? x.int : x.int * pow10(this.scale - x.scale);
  }
}

export function compareExact(a: Exact, b: Exact): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.int * pow10(s - a.scale);
  const y = b.int * pow10(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Canonical text: no trailing zeros after the point, no `-0`. */
export function exactText(x: Exact): string {
  if (x.int === 0n) return '0';
  const negative = x.int < 0n;
  const digits = (negative ? -x.int : x.int).toString().padStart(x.scale + 1, '0');
  const whole = digits.slice(0, digits.length - x.scale);
  const fraction = digits.slice(digits.length - x.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function exactDecimal(x: Exact): Decimal {
  return new Dec(exactText(x));
}
