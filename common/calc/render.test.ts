import { describe, expect, it } from 'vitest';
import type { CalcFormat } from './ast.js';
import { calc, num, txt } from './test-fixtures.js';

const as = (format: CalcFormat, formula: string, timeZone = 'Asia/Tokyo') => calc(formula, {}, { format, timeZone });

describe('CALC output formats (§5)', () => {
  it.each([
    ['NUMBER', '1234567.5', '1234567.5'],
    ['NUMBER_DIGIT', '1234567.5', '1234567.5'],
    ['NUMBER', '-0.5', '-0.5'],
    ['NUMBER', '1 > 0', '1'],
    ['NUMBER_DIGIT', '1 < 0', '0'],
    ['DATETIME', '0', '1970-01-01T00:00:00Z'],
    ['DATETIME', '90061 * 3600', '1980-04-10T13:00:00Z'],
    ['DATETIME', '1777075200 + 59', '2026-04-25T00:00:00Z'],
    ['DATETIME', '-1', '1969-12-31T23:59:00Z'],
    ['DATETIME', '-62167219200', '0000-01-01T00:00:00Z'],
    ['DATETIME', '253402300799', '9999-12-31T23:59:00Z'],
    ['DATETIME', '253402300800', ''],
    ['DATETIME', '-62167219201', ''],
    ['DATE', '0', '1970-01-01'],
    ['DATE', '86399.9', '1970-01-01'],
    ['DATE', '-1', '1969-12-31'],
    ['DATE', '1777075200 + 86400', '2026-04-26'],
    ['DATE', '1 > 0', '1970-01-01'],
    ['TIME', '90061', '01:01'],
    ['TIME', '0', '00:00'],
    ['TIME', '86399', '23:59'],
    ['TIME', '-60', '23:59'],
    ['TIME', '59.9', '00:00'],
    ['HOUR_MINUTE', '90061', '25:01'],
    ['HOUR_MINUTE', '3900', '01:05'],
    ['HOUR_MINUTE', '59', '00:00'],
    ['HOUR_MINUTE', '-5400', '-01:30'],
    ['HOUR_MINUTE', '-59', '00:00'],
    ['HOUR_MINUTE', '360000000', '100000:00'],
    ['DAY_HOUR_MINUTE', '90061', '25:01'],
    ['DAY_HOUR_MINUTE', '-90061', '-25:01'],
    // Date formats waive the digit budget, so durations may outgrow a double's integers.
    ['HOUR_MINUTE', '99999999999999999999 * 36000', '999999999999999999990:00'],
    ['TIME', '99999999999999999999 * 86400 + 61', '00:01'],
  ] as const)('%s of %s → %s', (format, formula, expected) => {
    expect(as(format, formula)).toBe(expected);
  });

  it('renders DATETIME and DATE in UTC whatever the domain time zone', () => {
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
      expect(as('DATETIME', '1777075200', zone)).toBe('2026-04-25T00:00:00Z');
      expect(as('DATE', '1777075200', zone)).toBe('2026-04-25');
    }
  });

  it('prints a JST date from a DATETIME by adding nine hours, as kintone users do', () => {
    const scope = { dt: { type: 'DATETIME', value: '2026-04-25T20:00:00Z' } };
    expect(calc('dt', scope, { format: 'DATE' })).toBe('2026-04-25');
    expect(calc('dt + 9 * 3600', scope, { format: 'DATE' })).toBe('2026-04-26');
  });

  it('gives "" for an empty result in every format', () => {
    for (const format of ['NUMBER', 'NUMBER_DIGIT', 'DATETIME', 'DATE', 'TIME', 'HOUR_MINUTE', 'DAY_HOUR_MINUTE'] as const) {
      expect(calc('n', { n: num('') }, { format })).toBe('');
    }
  });

  it('gives "" for a string result in every format', () => {
    for (const format of ['NUMBER', 'DATETIME', 'TIME'] as const) expect(as(format, '"12"')).toBe('');
  });
});

describe('auto-calculated text ignores the CALC format', () => {
  it('renders numbers in plain notation and dates as seconds', () => {
    expect(txt('90061 * 3600', {}, { format: 'DATETIME' })).toBe('324219600');
    expect(txt('d', { d: { type: 'DATE', value: '2026-04-25' } })).toBe('1777075200');
  });
});
