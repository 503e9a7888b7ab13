// Exact decimal arithmetic at the app's numberPrecision (spec/calc-formulas.md §2.2). Sums and
// products of quantised values are exact in decimal.js; quotients and powers are rounded once,
// from the exact rational, with BigInt, so a tie is a true tie and never an artefact.

import { Decimal } from 'decimal.js';
import { cannotCompute, tooManyDigits } from './failure.js';

// A private clone: the global Decimal's settings belong to whoever else imports decimal.js.
// 200 significant digits hold any product of two 30-digit operands exactly.
export const Dec = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export type Num = Decimal;

/** The app's modes, plus ROUND's half-away-from-zero. */
export type RoundingMode = 'HALF_EVEN' | 'UP' | 'DOWN' | 'HALF_UP';

const DECIMAL_MODES: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  UP: Decimal.ROUND_UP,
  DOWN: Decimal.ROUND_DOWN,
  HALF_UP: Decimal.ROUND_HALF_UP,
};

/** Even where the app's digit budget is waived, no integer part may exceed kintone's 30 digits. */
export const HARD_INTEGER_DIGITS = 30;

export interface NumberContext {
  decimalPlaces: number;
  mode: RoundingMode;
  /** Integer digits a value may have: digits − decimalPlaces, or HARD_INTEGER_DIGITS. */
  integerDigits: number;
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

// Every quantise compares against two powers of ten: made once each, as decimals are immutable.
const POWERS: Decimal[] = [];

function pow10(n: number): Decimal {
  if (n < 0 || n > 64 || !Number.isInteger(n)) return new Dec(`1e${n}`);
  return (POWERS[n] ??= new Dec(`1e${n}`));
}

/** Rounds to the context's places and fails when the integer part is over budget. */
export function quantise(x: Decimal, ctx: NumberContext): Decimal {
  if (!x.isFinite()) cannotCompute();
  if (x.abs().gte(pow10(ctx.integerDigits + 1))) tooManyDigits();
  const q = x.toDecimalPlaces(ctx.decimalPlaces, DECIMAL_MODES[ctx.mode]);
  if (q.abs().gte(pow10(ctx.integerDigits))) tooManyDigits();
  return q.isZero() ? ZERO : q;
}

/** Rounds to `places` decimals; a negative `places` rounds in the integer part (−1 → tens). */
export function roundTo(x: Decimal, places: number, mode: RoundingMode): Decimal {
  const m = DECIMAL_MODES[mode];
  if (places >= 0) return x.toDecimalPlaces(places, m);
  const shift = pow10(-places);
  return x.div(shift).toDecimalPlaces(0, m).times(shift);
}

/** `num / den` rounded to an integer; `den` ≠ 0. */
export function roundQuotient(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (den < 0n) return roundQuotient(-num, -den, mode);
  const q = num / den;
  const r = num % den;
  if (r === 0n) return q;
  const away = q + (num < 0n ? -1n : 1n);
  const twice = 2n * (r < 0n ? -r : r);
  switch (mode) {
    case 'DOWN':
      return q;
    case 'UP':
      return away;
    case 'HALF_UP':
      return twice >= den ? away : q;
    case 'HALF_EVEN':
      return twice > den || (twice === den && q % 2n !== 0n) ? away : q;
  }
}

function scaledInteger(x: Decimal, places: number): bigint {
  return BigInt(x.times(pow10(places)).toFixed(0));
}

/** A value given as an integer count of 10^-places, checked against the budget before it grows. */
function fromScaled(q: bigint, ctx: NumberContext): Decimal {
  const limit = 10n ** BigInt(ctx.integerDigits + ctx.decimalPlaces);
  if (q >= limit || q <= -limit) tooManyDigits();
  return q === 0n ? ZERO : new Dec(`${q}e-${ctx.decimalPlaces}`);
}

export function divide(a: Decimal, b: Decimal, ctx: NumberContext): Decimal {
  if (b.isZero()) cannotCompute();
  const s = Math.max(a.decimalPlaces(), b.decimalPlaces());
  const num = scaledInteger(a, s) * 10n ** BigInt(ctx.decimalPlaces);
  return fromScaled(roundQuotient(num, scaledInteger(b, s), ctx.mode), ctx);
}

/** base ^ exponent for an integer exponent, computed exactly and rounded once (§2.2). */
export function power(base: Decimal, exponent: number, ctx: NumberContext, zeroPowerZero: Decimal): Decimal {
  if (exponent === 0) return quantise(base.isZero() ? zeroPowerZero : ONE, ctx);
  const s = base.decimalPlaces();
  const m = scaledInteger(base, s);
  if (m === 0n) return exponent > 0 ? ZERO : cannotCompute();
  const e = BigInt(Math.abs(exponent));
  const scale = 10n ** (BigInt(s) * e);
  const [num, den] = exponent > 0 ? [m ** e, scale] : [scale, m ** e];
  return fromScaled(roundQuotient(num * 10n ** BigInt(ctx.decimalPlaces), den, ctx.mode), ctx);
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d{1,4})?$/i;

/** A stored NUMBER/CALC value (already normalised by the server, but never trusted blindly). */
export function parseDecimal(text: string): Decimal | null {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? new Dec(t) : null;
}

/** Plain notation: no exponent, no separators, no trailing zeros, never `-0` (§5.1). */
export function plain(x: Decimal): string {
  return x.isZero() ? '0' : x.toFixed();
}
