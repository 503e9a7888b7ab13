import { describe, expect, it } from 'vitest';
import { ExactSum, compareExact, exactText, parseExact } from './exact.js';

const sum = (...texts: string[]) => {
  const s = new ExactSum();
  for (const t of texts) s.add(parseExact(t)!);
  return exactText(s);
};

describe('exact decimals', () => {
  it('adds without rounding, whatever the scales and sizes', () => {
    expect(sum('10.1', '0.2')).toBe('10.3');
    expect(sum('0.1', '0.2', '-0.3')).toBe('0');
    expect(sum('123456789012345678901234567890', '0.000000001')).toBe('123456789012345678901234567890.000000001');
    expect(sum('-1.50', '0.25')).toBe('-1.25');
    expect(sum(...Array.from({ length: 1000 }, () => '0.01'))).toBe('10');
  });

  it('reads plain decimals itself and anything else finite through decimal.js', () => {
    expect(exactText(parseExact('-0.000')!)).toBe('0');
    expect(exactText(parseExact('1.5e3')!)).toBe('1500');
    expect(exactText(parseExact('+7')!)).toBe('7');
    expect(parseExact('')).toBeNull();
    expect(parseExact('abc')).toBeNull();
    expect(parseExact('Infinity')).toBeNull();
  });

  it('compares across scales', () => {
    expect(compareExact(parseExact('1.10')!, parseExact('1.1')!)).toBe(0);
    expect(compareExact(parseExact('-2')!, parseExact('-1.999')!)).toBe(-1);
    expect(compareExact(parseExact('10')!, parseExact('9.99999')!)).toBe(1);
  });
});
