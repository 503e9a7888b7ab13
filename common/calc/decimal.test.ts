import { describe, expect, it } from 'vitest';
import { Dec, divide, plain, power, quantise, roundQuotient, roundTo, type NumberContext } from './decimal.js';

const ctx = (decimalPlaces: number, mode: NumberContext['mode'], integerDigits = 12): NumberContext => ({
  decimalPlaces,
  mode,
  integerDigits,
});

describe('roundQuotient', () => {
  it.each([
    [5n, 2n, 'HALF_EVEN', 2n],
    [7n, 2n, 'HALF_EVEN', 4n],
    [-5n, 2n, 'HALF_EVEN', -2n],
    [5n, -2n, 'HALF_EVEN', -2n],
    [-7n, -2n, 'HALF_EVEN', 4n],
    [5n, 2n, 'HALF_UP', 3n],
    [-5n, 2n, 'HALF_UP', -3n],
    [1n, 3n, 'UP', 1n],
    [-1n, 3n, 'UP', -1n],
    [2n, 3n, 'DOWN', 0n],
    [-2n, 3n, 'DOWN', 0n],
    [2n, 3n, 'HALF_EVEN', 1n],
    [6n, 3n, 'UP', 2n],
  ] as const)('%d / %d %s → %d', (num, den, mode, expected) => {
    expect(roundQuotient(num, den, mode)).toBe(expected);
  });
});

describe('exact rounding of quotients and powers', () => {
  it('sees a true tie as a tie and a near tie as not one', () => {
    // 1/8 = 0.125 exactly: HALF_EVEN keeps 0.12; 0.1250000001 must round up.
    expect(plain(divide(new Dec(1), new Dec(8), ctx(2, 'HALF_EVEN')))).toBe('0.12');
    expect(plain(divide(new Dec('1.0000000008'), new Dec(8), ctx(2, 'HALF_EVEN')))).toBe('0.13');
    expect(plain(divide(new Dec(-1), new Dec(8), ctx(2, 'HALF_EVEN')))).toBe('-0.12');
  });

  it('divides operands with more places than the result keeps', () => {
    expect(plain(divide(new Dec('0.0001'), new Dec('0.0003'), ctx(4, 'HALF_EVEN')))).toBe('0.3333');
    expect(plain(divide(new Dec('123456789012.3456'), new Dec('0.0001'), ctx(4, 'HALF_EVEN', 30)))).toBe(
      '1234567890123456',
    );
  });

  it('computes powers exactly before rounding once', () => {
    expect(plain(power(new Dec('1.5'), 3, ctx(4, 'HALF_EVEN'), new Dec(1)))).toBe('3.375');
    expect(plain(power(new Dec('1.05'), 2, ctx(2, 'HALF_EVEN'), new Dec(1)))).toBe('1.1');
    expect(plain(power(new Dec(2), -3, ctx(2, 'HALF_EVEN'), new Dec(1)))).toBe('0.12');
    expect(plain(power(new Dec(2), -3, ctx(2, 'UP'), new Dec(1)))).toBe('0.13');
    expect(() => power(new Dec(10), 12, ctx(4, 'HALF_EVEN'), new Dec(1))).toThrow('#PRECISION!');
  });

  it('quantises and refuses an integer part over budget', () => {
    expect(plain(quantise(new Dec('999999999999.99994'), ctx(4, 'HALF_EVEN')))).toBe('999999999999.9999');
    expect(() => quantise(new Dec('999999999999.99995'), ctx(4, 'HALF_EVEN'))).toThrow('#PRECISION!');
    expect(() => quantise(new Dec('1e400'), ctx(4, 'HALF_EVEN'))).toThrow('#PRECISION!');
  });

  it('rounds at negative places in the integer part', () => {
    expect(plain(roundTo(new Dec('1250'), -2, 'HALF_EVEN'))).toBe('1200');
    expect(plain(roundTo(new Dec('1250'), -2, 'HALF_UP'))).toBe('1300');
  });

  it('leaves the global Decimal settings alone', async () => {
    const { Decimal } = await import('decimal.js');
    expect(Decimal.precision).toBe(20);
    expect(Dec.precision).toBe(200);
  });
});
