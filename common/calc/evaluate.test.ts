import { describe, expect, it } from 'vitest';
import { evaluateFormulaResult } from './evaluate.js';
import { parseFormula } from './parser.js';
import { calc, calcField, column, date, datetime, marker, num, options, str, time, txt } from './test-fixtures.js';

describe('arithmetic at the app precision (§2.2)', () => {
  it.each([
    ['0.00025 + 0', '16/4/HALF_EVEN', '0.0002'],
    ['0.00035 + 0', '16/4/HALF_EVEN', '0.0004'],
    ['-0.00005 + 0', '16/4/HALF_EVEN', '0'],
    ['0.00015 * 10000', '30/10/HALF_EVEN', '1.5'],
    ['0.015 + 0', '5/2/HALF_EVEN', '0.02'],
    ['0.025 + 0', '5/2/HALF_EVEN', '0.02'],
    ['1.99999 + 0', '5/2/DOWN', '1.99'],
    ['0.00001 + 0', '5/2/UP', '0.01'],
    ['-1 / 3', '5/2/UP', '-0.34'],
    ['-1 / 3', '5/2/DOWN', '-0.33'],
    ['2 / 3', '16/0/HALF_EVEN', '1'],
    ['5 / 2', '16/0/HALF_EVEN', '2'],
    ['7 / 2', '16/0/HALF_EVEN', '4'],
    ['1 / 8', '16/2/HALF_EVEN', '0.12'],
    ['3 / 8', '16/2/HALF_EVEN', '0.38'],
    ['999999999999.9999 + 0', '16/4/HALF_EVEN', '999999999999.9999'],
    ['99999999999999999999.9999999999 + 0', '30/10/HALF_EVEN', '99999999999999999999.9999999999'],
    ['12345678901234567 + 0', '30/10/HALF_EVEN', '12345678901234567'],
    ['100000000000000000000 + 0', '30/10/HALF_EVEN', ''],
    ['999999999999999999999999999999 + 0', '30/0/HALF_EVEN', '999999999999999999999999999999'],
    ['1 + 0', '4/4/HALF_EVEN', ''],
    ['0.5 + 0', '4/4/HALF_EVEN', '0.5'],
  ])('%s at %s → %s', (formula, precision, expected) => {
    expect(calc(formula, {}, { precision })).toBe(expected);
  });

  it('accepts the precision as the API’s numeric strings', () => {
    const o = options();
    o.precision = { digits: '5', decimalPlaces: '2', roundingMode: 'UP' };
    expect(evaluateFormulaResult(parseFormula('1 / 3'), {}, o).value).toBe('0.34');
  });

  it.each([
    ['1 / 0', '#ERROR!'],
    ['0 / 0', '#ERROR!'],
    ['0 ^ -1', '#ERROR!'],
    ['2 ^ 101', '#ERROR!'],
    ['2 ^ -101', '#ERROR!'],
    ['999999999999 + 1', '#PRECISION!'],
    ['(1 > 0) + 1', '#VALUE!'],
    ['"a" & 1 + "b"', '#VALUE!'],
    ['IF(1 > 0, "x", 1)', '#CONVERT!'],
  ])('%s fails with the UI marker %s and the API value ""', (formula, expected) => {
    expect(marker(formula)).toBe(expected);
    expect(calc(formula)).toBe('');
  });

  it.each([
    ['0 ^ 0', '1'],
    ['0 ^ 5', '0'],
    ['(-2) ^ 3', '-8'],
    ['-2 ^ 3', '-8'],
    ['10 ^ 11', '100000000000'],
    ['10 ^ 12', ''],
    ['10 ^ -4', '0.0001'],
    ['10 ^ -5', '0'],
    ['1.5 ^ 2', '2.25'],
    ['1.00001 ^ 100', '1'],
    ['0.99999 ^ 100', '1'],
    ['2 ^ 100', ''],
    ['0.5 ^ 100', '0'],
    ['3 ^ -1', '0.3333'],
    // The quotient is quantised (0.6667) before it is squared.
    ['(2 / 3) ^ 2', '0.4445'],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula)).toBe(expected);
  });

  it('never renders an exponent, separators or negative zero', () => {
    expect(calc('0.0001 * 1')).toBe('0.0001');
    expect(calc('100000000000 * 9')).toBe('900000000000');
    expect(calc('-0.00001 * 1')).toBe('0');
    expect(calc('-(0)')).toBe('0');
  });
});

describe('empty operands (§2.4)', () => {
  const empty = { n: num(''), m: num(null), d: date(null), t: time(null), dt: datetime(''), c: calcField('') };
  it.each([
    ['n', ''],
    ['c', ''],
    ['d', ''],
    ['(((dt)))', ''],
    ['+n', '0'],
    ['n * 5 + 1', '1'],
    ['n / 5', '0'],
    ['5 / n', ''],
    ['n ^ 2', '0'],
    ['2 ^ n', '1'],
    ['m = 0', '1'],
    ['n = ""', '0'],
    ['n <> 0', '0'],
    ['t < 1', '1'],
    ['dt + 60', '60'],
    ['SUM(n, m, c)', '0'],
    ['ROUND(n, 2)', '0'],
    ['IF(n = 0, c, 1)', ''],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula, empty)).toBe(expected);
  });

  it('renders as "" inside & and as a text result', () => {
    expect(txt('n & d & "|" & c', empty)).toBe('|');
    expect(txt('n', empty)).toBe('');
  });
});

describe('strings and booleans (§2.5)', () => {
  const scope = { s: str('abc'), e: str(''), dd: { type: 'DROP_DOWN', value: null }, n: num('5') };
  it.each([
    ['s = "abc"', '1'],
    ['s = "ABC"', '0'],
    ['s != "abc"', '0'],
    ['e = ""', '1'],
    ['dd = ""', '1'],
    ['n = "5"', '0'],
    ['n <> "5"', '1'],
    ['(1 > 0) = (2 > 1)', '1'],
    ['(1 > 0) = 1', '0'],
    ['s < "b"', ''],
    ['(1 > 0) < (2 > 1)', ''],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula, scope)).toBe(expected);
  });

  it.each([
    ['s & "-" & n & "-" & (n > 1)', 'abc-5-true'],
    ['1 > 2', 'false'],
    ['n', '5'],
    ['n / 3', '1.6667'],
    ['s', 'abc'],
    ['"全角（かっこ）" & s', '全角（かっこ）abc'],
  ])('text %s → %s', (formula, expected) => {
    expect(txt(formula, scope)).toBe(expected);
  });

  it('bounds the length of concatenated strings', () => {
    const big = { x: str('x'.repeat(40_000)) };
    expect(txt('x & "y"', big)).toHaveLength(40_001);
    expect(txt('x & x', big)).toBe('');
    expect(marker('x & x', big, { target: 'SINGLE_LINE_TEXT' })).toBe('#ERROR!');
  });
});

describe('reading record values (§2.3, spec/kintone-rest-api.md §4.1)', () => {
  it.each([
    ['DATE', '2026-04-25', '1777075200'],
    ['DATE', '1969-12-31', '-86400'],
    ['TIME', '01:30', '5400'],
    ['TIME', '23:59', '86340'],
    ['DATETIME', '2026-04-25T00:00:00Z', '1777075200'],
    ['DATETIME', '2026-04-25T09:00:00+09:00', '1777075200'],
    ['DATETIME', '2026-04-24T19:00-05:00', '1777075200'],
    ['CREATED_TIME', '2026-04-25T00:00:00Z', '1777075200'],
    ['UPDATED_TIME', '2026-04-25T00:01:00Z', '1777075260'],
    ['NUMBER', ' 42 ', '42'],
    ['NUMBER', '1.5e1', '15'],
    ['NUMBER', '-0.00005', '0'],
    ['NUMBER', 'junk', ''],
    ['DATE', '2026-02-30', ''],
    ['TIME', '24:00', ''],
    ['DATETIME', '2026-04-25', ''],
  ])('%s %j reads as %s', (type, value, expected) => {
    expect(calc('x', { x: { type, value } })).toBe(expected);
  });

  it.each([
    ['NUMBER', '12.5', '12.5'],
    ['NUMBER_DIGIT', '1234', '1234'],
    ['DATETIME', '1980-04-10T13:00:00Z', '324219600'],
    ['DATE', '1980-04-10', '324172800'],
    ['TIME', '01:01', '3660'],
    ['HOUR_MINUTE', '25:01', '90060'],
    ['DAY_HOUR_MINUTE', '-01:30', '-5400'],
  ] as const)('reads a CALC of format %s (%s) back as %s', (format, value, expected) => {
    expect(calc('x', { x: calcField(value, format) })).toBe(expected);
  });

  it('reads a JavaScript number, a lookup copy and user fields', () => {
    expect(calc('x + 1', { x: { type: 'NUMBER', value: 2.5 } })).toBe('3.5');
    expect(txt('x & "!"', { x: { type: 'SINGLE_LINE_TEXT', value: 'copied' } })).toBe('copied!');
    const user = { code: 'sato', name: '佐藤' };
    expect(txt('c & "/" & m', { c: { type: 'CREATOR', value: user }, m: { type: 'MODIFIER', value: user } })).toBe(
      'sato/sato',
    );
  });

  it('fails on a missing field, an unusable type or a value of the wrong shape', () => {
    expect(marker('x')).toBe('#ERROR!');
    expect(calc('x & ""', { x: { type: 'MULTI_LINE_TEXT', value: 'a' } })).toBe('');
    expect(calc('CONTAINS(x, "a")', { x: { type: 'CHECK_BOX', value: 'a' } })).toBe('');
    expect(calc('x + 1', { x: { type: 'NUMBER', value: ['1'] } })).toBe('');
    expect(calc('SUM(x)', { x: { type: 'CHECK_BOX', rows: [['a']] } })).toBe('');
    const odd = (value: unknown) => ({ x: { type: 'SINGLE_LINE_TEXT', value: value as string } });
    expect(marker('x & ""', odd({}))).toBe('#VALUE!');
    expect(marker('x & ""', odd(true))).toBe('#VALUE!');
    expect(marker('x + 1', { x: { type: 'NUMBER', value: true as unknown as string } })).toBe('#VALUE!');
    expect(marker('SUM(x)', { x: { type: 'NUMBER', rows: 'nope' as unknown as string[] } })).toBe('#VALUE!');
  });

  it('looks codes up as own properties only', () => {
    for (const code of ['constructor', 'toString', 'hasOwnProperty']) {
      expect(calc(`${code} + 1`)).toBe('');
      expect(calc(`${code} + 1`, { [code]: num('1') })).toBe('2');
    }
  });

  it('waives the digit budget for date/time reads and date formats, not for numbers', () => {
    const scope = { d: date('2026-04-25'), n: num('1777075200') };
    expect(calc('d - d', scope, { precision: '5/2/HALF_EVEN' })).toBe('0');
    expect(calc('n - n', scope, { precision: '5/2/HALF_EVEN' })).toBe('');
    expect(calc('d + 86400', scope, { precision: '5/2/HALF_EVEN', format: 'DATE' })).toBe('2026-04-26');
    expect(calc('d + 86400', scope, { precision: '5/2/HALF_EVEN' })).toBe('');
  });

  it('sums the rows of a number column, dates and CALC columns included', () => {
    expect(calc('SUM(x)', { x: column('CALC', ['1.5', '', '2']) })).toBe('3.5');
    expect(calc('SUM(x)', { x: column('TIME', ['01:00', null]) })).toBe('3600');
    expect(calc('SUM(x)', { x: { type: 'CALC', format: 'HOUR_MINUTE', rows: ['1:00', '2:30'] } })).toBe('12600');
  });
});

describe('evaluation result', () => {
  it('ignores displayScale, which only changes the UI', () => {
    expect(calc('1 / 3', {}, { displayScale: '1' })).toBe('0.3333');
  });

  it('evaluates a long flat sum and deep nesting without trouble', () => {
    const scope = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`a${i}`, num('1')]));
    const formula = Array.from({ length: 1000 }, (_, i) => `a${i}`).join('+');
    expect(calc(formula, scope)).toBe('1000');
    expect(calc(`${'('.repeat(64)}1${')'.repeat(64)}`)).toBe('1');
    expect(calc(`${'IF(1 > 0, '.repeat(30)}7${', 0)'.repeat(30)}`)).toBe('7');
  });
});
