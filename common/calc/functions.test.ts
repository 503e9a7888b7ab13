import { describe, expect, it } from 'vitest';
import { calc, checkBox, column, dropDown, marker, num, str, txt } from './test-fixtures.js';

describe('SUM', () => {
  it.each([
    ['SUM(1)', '1'],
    ['SUM(1, 2.5, -3)', '0.5'],
    ['SUM(a, b, 1)', '1'],
    ['SUM(qty, 1)', '31'],
    ['SUM(qty, qty)', '60'],
    ['SUM(SUM(1, 2), 3)', '6'],
    ['SUM(0.00004, 0.00004)', '0'],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula, { a: num(''), b: num(''), qty: column('NUMBER', ['10', '20', null]) })).toBe(expected);
  });

  it('fails on a table without rows, a boolean or a string', () => {
    expect(calc('SUM(qty, 1)', { qty: column('NUMBER', []) })).toBe('');
    expect(calc('SUM(1 > 0)')).toBe('');
    expect(calc('SUM("1")')).toBe('');
  });

  it('fails when a partial sum overflows the digit budget', () => {
    expect(calc('SUM(999999999999, 1)')).toBe('');
    expect(calc('SUM(999999999999, 1)', {}, { precision: '30/10/HALF_EVEN' })).toBe('1000000000000');
  });
});

describe('IF', () => {
  it.each([
    ['IF(1 > 0, 1, 2)', '1'],
    ['IF(1 < 0, 1, 2)', '2'],
    ['IF(a = 0, "zero", "other")', ''],
    ['IF(IF(1 > 0, 1 > 2, 1 < 2), 10, 20)', '20'],
    ['IF(1 > 0, 1 > 0, 2 > 3)', '1'],
    ['IF(1 > 0, 1, 2 / 0)', '1'],
    ['IF("x", 1, 2)', ''],
    ['IF(n, 1, 2)', ''],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula, { a: num('0'), n: num('') })).toBe(expected);
  });

  it('passes a string branch through to a text field, and an empty branch as ""', () => {
    expect(txt('IF(a = 0, "zero", "other")', { a: num('0') })).toBe('zero');
    expect(txt('IF(1 > 0, n, 1)', { n: num('') })).toBe('');
  });
});

describe('AND, OR, NOT', () => {
  const a = { A: num('10'), B: num('10') };
  it.each([
    ['AND(A > 10, B >= 10)', '0'],
    ['OR(A > 10, B >= 10)', '1'],
    ['NOT(A > 10)', '1'],
    ['AND(1 > 0, 2 > 1, 3 > 2)', '1'],
    ['OR(1 < 0, 2 < 1)', '0'],
    ['NOT(NOT(1 > 0))', '1'],
    ['AND(1 > 0, "x")', ''],
    ['OR(1 > 0, 1)', ''],
    ['NOT(1)', ''],
    ['NOT(n)', ''],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula, { ...a, n: num('') })).toBe(expected);
  });

  it('takes 32 arguments', () => {
    expect(calc(`AND(${Array.from({ length: 32 }, () => '1 > 0').join(', ')})`)).toBe('1');
  });
});

describe('ROUND, ROUNDUP, ROUNDDOWN', () => {
  it.each([
    ['ROUND(1234.567, 2)', '1234.57'],
    ['ROUNDUP(1234.567, 2)', '1234.57'],
    ['ROUNDDOWN(1234.567, 2)', '1234.56'],
    ['ROUND(1234.567, 1)', '1234.6'],
    ['ROUNDUP(1234.567, 1)', '1234.6'],
    ['ROUNDDOWN(1234.567, 1)', '1234.5'],
    ['ROUND(2.5)', '3'],
    ['ROUND(-2.5)', '-3'],
    ['ROUND(0.5)', '1'],
    ['ROUNDUP(0.0001)', '1'],
    ['ROUNDUP(-0.0001)', '-1'],
    ['ROUNDDOWN(-0.9999)', '0'],
    ['ROUND(1234.567, -1)', '1230'],
    ['ROUND(1250, -2)', '1300'],
    ['ROUND(-1250, -2)', '-1300'],
    ['ROUNDDOWN(1299, -2)', '1200'],
    ['ROUNDUP(1201, -2)', '1300'],
    ['ROUND(1234.567, -4)', '0'],
    ['ROUND(5000, -4)', '10000'],
    ['ROUND(12.345, 10)', '12.345'],
    ['ROUND(1.26, 1.9)', '1.3'],
    ['ROUND(1.26, -0.9)', '1'],
    ['ROUND(1234, -1000)', '0'],
    ['ROUND(1.5, 1000)', '1.5'],
    ['ROUND(n)', '0'],
    ['ROUND(1.55, n)', '2'],
  ])('%s → %s', (formula, expected) => {
    expect(calc(formula, { n: num('') })).toBe(expected);
  });

  it('ignores the app rounding mode but keeps the digit budget', () => {
    expect(calc('ROUND(2.5)', {}, { precision: '16/4/DOWN' })).toBe('3');
    expect(calc('ROUNDUP(999999999999.5)')).toBe('');
    expect(calc('ROUNDUP(5, -40)')).toBe('');
  });

  it('fails on a non-number', () => {
    expect(calc('ROUND("1.5")')).toBe('');
    expect(calc('ROUND(1 > 0)')).toBe('');
    expect(calc('ROUND(1.5, "1")')).toBe('');
  });
});

describe('YEN', () => {
  it.each([
    ['YEN(1100.5, 0)', '¥1,101'],
    ['YEN(1132.85, 1)', '¥1,132.9'],
    ['YEN(1132.85, 0)', '¥1,133'],
    ['YEN(0, 0)', '¥0'],
    ['YEN(999, 0)', '¥999'],
    ['YEN(1000, 0)', '¥1,000'],
    ['YEN(1234567.891, 2)', '¥1,234,567.89'],
    ['YEN(1234567, -3)', '¥1,235,000'],
    ['YEN(1000, 2)', '¥1,000'],
    ['YEN(-500, 0)', '¥-500'],
    ['YEN(-0.4, 0)', '¥0'],
    ['YEN(n, 0)', '¥0'],
    ['YEN(999999999999.9999, 4)', '¥999,999,999,999.9999'],
  ])('%s → %s', (formula, expected) => {
    expect(txt(formula, { n: num('') })).toBe(expected);
  });

  it('may be compared with a string inside a condition, but is "" as a CALC result', () => {
    expect(calc('IF(YEN(a, 0) = "¥1,000", 1, 2)', { a: num('1000') })).toBe('1');
    expect(calc('YEN(1000, 0)')).toBe('');
    expect(marker('YEN(1000, 0)')).toBe('#CONVERT!');
  });
});

describe('DATE_FORMAT', () => {
  const t = 1745574000; // 2025-04-25T09:40:00Z
  const fmt = (pattern: string, zone = 'UTC', locale: 'ja' | 'en' = 'en') =>
    txt(`DATE_FORMAT(${t}, "${pattern}", "${zone}")`, {}, { locale });

  it.each([
    ['YYYY-MM-dd HH:mm:ss', 'UTC', '2025-04-25 09:40:00'],
    ['YYYY-MM-dd HH:mm:ss', 'Asia/Tokyo', '2025-04-25 18:40:00'],
    ['YYYY-MM-dd HH:mm', 'America/Los_Angeles', '2025-04-25 02:40'],
    ['YYYY/M/d H:m:s', 'UTC', '2025/4/25 9:40:0'],
    ['hh:mm a', 'Asia/Tokyo', '06:40 PM'],
    ['h a', 'UTC', '9 AM'],
    ['KK K kk k', 'Asia/Tokyo', '06 6 18 18'],
    ['MMMM MMM', 'UTC', 'April Apr'],
    ['Z ZZ ZZZ', 'Asia/Tokyo', '+0900 +09:00 Asia/Tokyo'],
    ['Z ZZ', 'America/Los_Angeles', '-0700 -07:00'],
    ['Z ZZ', 'Asia/Kolkata', '+0530 +05:30'],
    ['Z', 'Etc/GMT', '+0000'],
    // Letters that are tokens are replaced even inside words: there is no quoting.
    ['[YYYY] at mm', 'UTC', '[2025] AMt 40'],
    ['', 'UTC', ''],
  ])('%s in %s → %s', (pattern, zone, expected) => {
    expect(fmt(pattern, zone)).toBe(expected);
  });

  it('prints month names and AM/PM in Japanese for a Japanese user', () => {
    expect(fmt('MMMM MMM a h時', 'Asia/Tokyo', 'ja')).toBe('4月 4月 午後 6時');
    expect(fmt('a', 'UTC', 'ja')).toBe('午前');
  });

  it('reads midnight as 00 (HH), 12 (hh), 00 (KK) and 24 (kk)', () => {
    expect(txt('DATE_FORMAT(0, "HH hh KK kk a", "UTC")')).toBe('00 12 00 24 AM');
  });

  it('uses the domain time zone for "system" and Etc/GMT to print dates unshifted', () => {
    expect(txt('DATE_FORMAT(0, "YYYY-MM-dd HH:mm", "system")', {}, { timeZone: 'Asia/Tokyo' })).toBe('1970-01-01 09:00');
    expect(txt('DATE_FORMAT(0, "YYYY-MM-dd HH:mm", "system")', {}, { timeZone: 'America/New_York' })).toBe('1969-12-31 19:00');
    expect(txt('DATE_FORMAT(d + 24*60*60, "YYYY/MM/dd", "Etc/GMT")', { d: { type: 'DATE', value: '2026-04-25' } })).toBe(
      '2026/04/26',
    );
  });

  it('follows daylight saving time', () => {
    expect(txt('DATE_FORMAT(1736500000, "HH ZZ", "America/New_York")')).toBe('04 -05:00');
    expect(txt('DATE_FORMAT(1752000000, "HH ZZ", "America/New_York")')).toBe('14 -04:00');
  });

  it('takes a text field as the pattern and the zone, and truncates fractional seconds', () => {
    const scope = { f: str('YYYY-MM-dd HH:mm:ss'), z: dropDown('UTC') };
    expect(txt('DATE_FORMAT(59.9, f, z)', scope)).toBe('1970-01-01 00:00:59');
    expect(txt('DATE_FORMAT(-0.5, f, z)', scope)).toBe('1970-01-01 00:00:00');
  });

  it('accepts 1000-01-01 to 9999-12-31 and fails outside', () => {
    expect(txt('DATE_FORMAT(-30610224000, "YYYY-MM-dd", "UTC")')).toBe('1000-01-01');
    expect(txt('DATE_FORMAT(253402300799, "YYYY-MM-dd HH:mm:ss", "UTC")')).toBe('9999-12-31 23:59:59');
    expect(txt('DATE_FORMAT(-30610224001, "YYYY", "UTC")')).toBe('');
    expect(txt('DATE_FORMAT(253402300800, "YYYY", "UTC")')).toBe('');
  });

  it('fails on an unknown zone or wrongly typed arguments', () => {
    expect(txt(`DATE_FORMAT(${t}, "YYYY", "Mars/Olympus")`)).toBe('');
    expect(txt(`DATE_FORMAT(${t}, "YYYY", "")`)).toBe('');
    expect(txt(`DATE_FORMAT(${t}, 1 > 0, "UTC")`)).toBe('');
    expect(txt('DATE_FORMAT("x", "YYYY", "UTC")')).toBe('');
  });

  it('gives "" for an empty date', () => {
    expect(txt('DATE_FORMAT(d, "YYYY", "UTC")', { d: { type: 'DATE', value: null } })).toBe('');
  });

  it('fails rather than build a huge string', () => {
    const scope = { f: str('ZZZ'.repeat(5000)) };
    expect(txt('DATE_FORMAT(0, f, "America/Argentina/ComodRivadavia")', scope)).toBe('');
    expect(txt('DATE_FORMAT(0, f, "UTC")', scope)).toHaveLength(15000);
  });
});

describe('CONTAINS', () => {
  it.each([
    ['CONTAINS(tags, "x")', { tags: checkBox('x', 'y') }, '1'],
    ['CONTAINS(tags, "X")', { tags: checkBox('x') }, '0'],
    ['CONTAINS(tags, "x ")', { tags: checkBox('x') }, '0'],
    ['CONTAINS(tags, "")', { tags: checkBox() }, '0'],
    ['CONTAINS(tags, "x")', { tags: { type: 'CHECK_BOX', value: null } }, '0'],
    ['CONTAINS(ms, "b")', { ms: { type: 'MULTI_SELECT', value: ['a', 'b'] } }, '1'],
    ['CONTAINS(col, "app")', { col: column('SINGLE_LINE_TEXT', ['apple']) }, '0'],
    ['CONTAINS(col, "A")', { col: column('DROP_DOWN', [null, 'A']) }, '1'],
    ['CONTAINS(col, "")', { col: column('RADIO_BUTTON', [null]) }, '1'],
    ['CONTAINS(col, "A")', { col: column('SINGLE_LINE_TEXT', []) }, '0'],
    ['CONTAINS(dd, "A")', { dd: dropDown('A') }, ''],
    ['CONTAINS(n, "1")', { n: num('1') }, ''],
    ['CONTAINS(tags, 1)', { tags: checkBox('1') }, ''],
    ['CONTAINS(col, "1")', { col: column('NUMBER', ['1']) }, ''],
  ])('%s with %j → %s', (formula, scope, expected) => {
    expect(calc(formula, scope)).toBe(expected);
  });
});
