import { describe, expect, it } from 'vitest';
import { canonicalDate, canonicalDateTime, canonicalNumber, canonicalTime, localParts } from './scalars.js';

describe('canonicalNumber', () => {
  it.each([
    ['1.5e1', '15'],
    [' 42 ', '42'],
    ['+3', '3'],
    ['-3', '-3'],
    ['-0', '0'],
    ['0.50', '0.5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1E3', '1000'],
    ['1e-7', '0.0000001'],
    ['123456789012345678901234567890.125', '123456789012345678901234567890.125'],
    [12, '12'],
    [0.1, '0.1'],
    [-2.5e-3, '-0.0025'],
    [1e21, '1000000000000000000000'],
  ] as const)('%j → %s', (input, out) => {
    expect(canonicalNumber(input)).toBe(out);
  });

  it.each(['abc', '12abc', '1,000', '', ' ', '1e', 'e5', '--1', '0x10', 'Infinity', 'NaN', '１２', '1e1001'])('refuses %j', (input) => {
    expect(canonicalNumber(input)).toBeUndefined();
  });

  it('refuses non-finite numbers', () => {
    expect(canonicalNumber(Number.NaN)).toBeUndefined();
    expect(canonicalNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('canonicalDate', () => {
  it.each([
    ['2026-04-25', '2026-04-25'],
    ['2026', '2026-01-01'],
    ['2026-4', '2026-04-01'],
    ['2026-04', '2026-04-01'],
    ['2026-4-5', '2026-04-05'],
    ['2024-02-29', '2024-02-29'],
    [' 2026-04-25 ', '2026-04-25'],
  ])('%s → %s', (input, out) => {
    expect(canonicalDate(input)).toBe(out);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-25T00:00:00Z', '26-04-25', '2026/04/25', '0999-01-01', 'today', ''])(
    'refuses %s',
    (input) => {
      expect(canonicalDate(input)).toBeUndefined();
    },
  );
});

describe('canonicalTime', () => {
  it.each([
    ['15:31', '15:31'],
    ['9:05', '09:05'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('%s → %s', (input, out) => {
    expect(canonicalTime(input)).toBe(out);
  });

  it.each(['24:00', '12:60', '12:5', '1230', '12:30:00', '12:30Z', ''])('refuses %s', (input) => {
    expect(canonicalTime(input)).toBeUndefined();
  });
});

describe('canonicalDateTime', () => {
  it.each([
    ['2026-04-23T06:31:00Z', '2026-04-23T06:31:00Z'],
    ['2026-04-23T06:31Z', '2026-04-23T06:31:00Z'],
    ['2026-04-23T06:31:59Z', '2026-04-23T06:31:00Z'],
    ['2026-04-23T06:31:59.999Z', '2026-04-23T06:31:00Z'],
    ['2026-04-23T15:31:00+09:00', '2026-04-23T06:31:00Z'],
    ['2026-04-23T01:00:00-05:30', '2026-04-23T06:30:00Z'],
    ['2026-04-23T01:00+0900', '2026-04-22T16:00:00Z'],
    ['2026-01-01T08:00:00+09:00', '2025-12-31T23:00:00Z'],
    ['2026-04-23', '2026-04-23T00:00:00Z'],
    ['2026-04-23T06:31', '2026-04-23T06:31:00Z'],
  ])('%s → %s', (input, out) => {
    expect(canonicalDateTime(input)).toBe(out);
  });

  it.each(['2026-04-23T24:00Z', '2026-02-30T00:00Z', '2026-04-23 06:31Z', '2026-04-23T06Z', '2026-4-23T06:31Z', '2026', 'now', '2026-04-23T06:31+25:00'])(
    'refuses %s',
    (input) => {
      expect(canonicalDateTime(input)).toBeUndefined();
    },
  );
});

describe('localParts', () => {
  it('gives the wall clock in the named zone', () => {
    const at = new Date('2026-04-23T16:30:45Z');
    expect(localParts(at, 'Asia/Tokyo')).toEqual({ date: '2026-04-24', time: '01:30' });
    expect(localParts(at, 'UTC')).toEqual({ date: '2026-04-23', time: '16:30' });
    expect(localParts(at, 'America/Los_Angeles')).toEqual({ date: '2026-04-23', time: '09:30' });
  });
});
