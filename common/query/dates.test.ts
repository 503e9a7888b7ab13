import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, compareRange, daysFromCivil, resolveDateFunction, type DateFieldType } from './dates.js';
import { QueryError } from './errors.js';

function call(text: string): { name: string; args: string[] } {
  const open = text.indexOf('(');
  const inner = text.slice(open + 1, -1).trim();
  return { name: text.slice(0, open), args: inner === '' ? [] : inner.split(',').map((a) => a.trim()) };
}

const resolve = (fn: string, now: string, zone: string, type: DateFieldType = 'DATE') =>
  resolveDateFunction(call(fn), new Date(now), zone, type);
const range = (from: string, to: string) => ({ from, to });

describe('resolveDateFunction around midnight: Asia/Tokyo against UTC', () => {
  // 2024-03-31T15:30Z is Monday 1 April 00:30 in Tokyo and still Sunday 31 March in UTC.
  const now = '2024-03-31T15:30:45.123Z';
  it.each([
    ['TODAY()', range('2024-04-01', '2024-04-02'), range('2024-03-31', '2024-04-01')],
    ['YESTERDAY()', range('2024-03-31', '2024-04-01'), range('2024-03-30', '2024-03-31')],
    ['TOMORROW()', range('2024-04-02', '2024-04-03'), range('2024-04-01', '2024-04-02')],
    ['FROM_TODAY(0, DAYS)', range('2024-04-01', '2024-04-02'), range('2024-03-31', '2024-04-01')],
    ['FROM_TODAY(-7, DAYS)', range('2024-03-25', '2024-03-26'), range('2024-03-24', '2024-03-25')],
    ['FROM_TODAY(2, WEEKS)', range('2024-04-15', '2024-04-16'), range('2024-04-14', '2024-04-15')],
    ['FROM_TODAY(-1, MONTHS)', range('2024-03-01', '2024-03-02'), range('2024-02-29', '2024-03-01')],
    ['FROM_TODAY(1, years)', range('2025-04-01', '2025-04-02'), range('2025-03-31', '2025-04-01')],
    ['THIS_MONTH()', range('2024-04-01', '2024-05-01'), range('2024-03-01', '2024-04-01')],
    ['THIS_MONTH(31)', range('2024-04-30', '2024-05-01'), range('2024-03-31', '2024-04-01')],
    ['THIS_MONTH(LAST)', range('2024-04-30', '2024-05-01'), range('2024-03-31', '2024-04-01')],
    ['LAST_MONTH()', range('2024-03-01', '2024-04-01'), range('2024-02-01', '2024-03-01')],
    ['LAST_MONTH(30)', range('2024-03-30', '2024-03-31'), range('2024-02-29', '2024-03-01')],
    ['NEXT_MONTH(1)', range('2024-05-01', '2024-05-02'), range('2024-04-01', '2024-04-02')],
    ['NEXT_MONTH(LAST)', range('2024-05-31', '2024-06-01'), range('2024-04-30', '2024-05-01')],
    ['THIS_YEAR()', range('2024-01-01', '2025-01-01'), range('2024-01-01', '2025-01-01')],
    ['LAST_YEAR()', range('2023-01-01', '2024-01-01'), range('2023-01-01', '2024-01-01')],
    ['NEXT_YEAR()', range('2025-01-01', '2026-01-01'), range('2025-01-01', '2026-01-01')],
  ])('%s', (fn, tokyo, utc) => {
    expect(resolve(fn, now, 'Asia/Tokyo')).toEqual(tokyo);
    expect(resolve(fn, now, 'UTC')).toEqual(utc);
  });

  it('gives date-time fields the UTC instants of the zone’s midnights', () => {
    expect(resolve('TODAY()', now, 'Asia/Tokyo', 'DATETIME')).toEqual(range('2024-03-31T15:00:00Z', '2024-04-01T15:00:00Z'));
    expect(resolve('TODAY()', now, 'UTC', 'CREATED_TIME')).toEqual(range('2024-03-31T00:00:00Z', '2024-04-01T00:00:00Z'));
    expect(resolve('THIS_MONTH()', now, 'Asia/Tokyo', 'UPDATED_TIME')).toEqual(range('2024-03-31T15:00:00Z', '2024-04-30T15:00:00Z'));
    expect(resolve('THIS_YEAR()', now, 'UTC', 'DATETIME')).toEqual(range('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'));
  });

  it('turns over exactly at the zone’s midnight', () => {
    expect(resolve('TODAY()', '2024-03-31T14:59:59.999Z', 'Asia/Tokyo')).toEqual(range('2024-03-31', '2024-04-01'));
    expect(resolve('TODAY()', '2024-03-31T15:00:00.000Z', 'Asia/Tokyo')).toEqual(range('2024-04-01', '2024-04-02'));
    expect(resolve('TODAY()', '2024-03-31T23:59:59.999Z', 'UTC')).toEqual(range('2024-03-31', '2024-04-01'));
    expect(resolve('TODAY()', '2024-04-01T00:00:00.000Z', 'UTC')).toEqual(range('2024-04-01', '2024-04-02'));
  });

  it('NOW() is the current minute as an instant, whatever the zone', () => {
    expect(resolve('NOW()', now, 'Asia/Tokyo', 'DATETIME')).toEqual(range('2024-03-31T15:30:00Z', '2024-03-31T15:30:00Z'));
    expect(resolve('NOW()', now, 'UTC', 'CREATED_TIME')).toEqual(range('2024-03-31T15:30:00Z', '2024-03-31T15:30:00Z'));
  });
});

describe('resolveDateFunction: weeks run Sunday to Saturday', () => {
  // Saturday 6 April 15:30 in UTC is already Sunday 7 April in Tokyo: a new week there.
  const now = '2024-04-06T15:30:00Z';
  it.each([
    ['THIS_WEEK()', range('2024-04-07', '2024-04-14'), range('2024-03-31', '2024-04-07')],
    ['THIS_WEEK(SUNDAY)', range('2024-04-07', '2024-04-08'), range('2024-03-31', '2024-04-01')],
    ['THIS_WEEK(saturday)', range('2024-04-13', '2024-04-14'), range('2024-04-06', '2024-04-07')],
    ['LAST_WEEK()', range('2024-03-31', '2024-04-07'), range('2024-03-24', '2024-03-31')],
    ['LAST_WEEK(WEDNESDAY)', range('2024-04-03', '2024-04-04'), range('2024-03-27', '2024-03-28')],
    ['NEXT_WEEK()', range('2024-04-14', '2024-04-21'), range('2024-04-07', '2024-04-14')],
    ['NEXT_WEEK(FRIDAY)', range('2024-04-19', '2024-04-20'), range('2024-04-12', '2024-04-13')],
  ])('%s', (fn, tokyo, utc) => {
    expect(resolve(fn, now, 'Asia/Tokyo')).toEqual(tokyo);
    expect(resolve(fn, now, 'UTC')).toEqual(utc);
  });

  it('crosses month and year ends', () => {
    expect(resolve('THIS_WEEK()', '2025-01-01T12:00:00Z', 'UTC')).toEqual(range('2024-12-29', '2025-01-05'));
  });
});

describe('resolveDateFunction: month ends and leap years', () => {
  it.each([
    ['THIS_MONTH(31)', '2024-02-10T00:00:00Z', range('2024-02-29', '2024-03-01')],
    ['THIS_MONTH(30)', '2024-02-10T00:00:00Z', range('2024-02-29', '2024-03-01')],
    ['THIS_MONTH(29)', '2023-02-10T00:00:00Z', range('2023-02-28', '2023-03-01')],
    ['THIS_MONTH(LAST)', '2023-02-10T00:00:00Z', range('2023-02-28', '2023-03-01')],
    ['THIS_MONTH()', '2024-02-10T00:00:00Z', range('2024-02-01', '2024-03-01')],
    ['THIS_MONTH()', '2100-02-10T00:00:00Z', range('2100-02-01', '2100-03-01')],
    ['THIS_MONTH()', '2000-02-10T00:00:00Z', range('2000-02-01', '2000-03-01')],
    ['LAST_MONTH(31)', '2024-03-31T00:00:00Z', range('2024-02-29', '2024-03-01')],
    ['LAST_MONTH()', '2024-01-15T00:00:00Z', range('2023-12-01', '2024-01-01')],
    ['NEXT_MONTH()', '2024-12-15T00:00:00Z', range('2025-01-01', '2025-02-01')],
    ['FROM_TODAY(1, MONTHS)', '2024-01-31T00:00:00Z', range('2024-02-29', '2024-03-01')],
    ['FROM_TODAY(1, MONTHS)', '2023-01-31T00:00:00Z', range('2023-02-28', '2023-03-01')],
    ['FROM_TODAY(1, YEARS)', '2024-02-29T00:00:00Z', range('2025-02-28', '2025-03-01')],
    ['FROM_TODAY(4, YEARS)', '2024-02-29T00:00:00Z', range('2028-02-29', '2028-03-01')],
    ['FROM_TODAY(-13, MONTHS)', '2024-03-31T00:00:00Z', range('2023-02-28', '2023-03-01')],
    ['TOMORROW()', '2024-02-28T00:00:00Z', range('2024-02-29', '2024-03-01')],
    ['TOMORROW()', '2023-12-31T00:00:00Z', range('2024-01-01', '2024-01-02')],
  ])('%s on %s (UTC)', (fn, now, expected) => {
    expect(resolve(fn, now, 'UTC')).toEqual(expected);
  });

  it('THIS_MONTH(31) in February for a date-time field in Tokyo', () => {
    expect(resolve('THIS_MONTH(31)', '2024-02-10T16:00:00Z', 'Asia/Tokyo', 'DATETIME')).toEqual(
      range('2024-02-28T15:00:00Z', '2024-02-29T15:00:00Z'),
    );
  });
});

describe('resolveDateFunction: zones with daylight saving', () => {
  it('a 23-hour day in New York', () => {
    expect(resolve('TODAY()', '2024-03-10T12:00:00Z', 'America/New_York', 'DATETIME')).toEqual(
      range('2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z'),
    );
  });

  it('a day whose midnight never happened (São Paulo, 2018-11-04 00:00 → 01:00)', () => {
    expect(resolve('TODAY()', '2018-11-04T12:00:00Z', 'America/Sao_Paulo', 'DATETIME')).toEqual(
      range('2018-11-04T03:00:00Z', '2018-11-05T02:00:00Z'),
    );
  });
});

describe('resolveDateFunction: refusals and extremes', () => {
  const now = '2024-04-01T00:00:00Z';
  it.each([
    ['NOW()', 'DATE', 'GAIA_IQ03'],
    ['LOGINUSER()', 'DATETIME', 'GAIA_IQ03'],
    ['NOPE()', 'DATE', 'GAIA_IQ03'],
    ['TODAY(1)', 'DATE', 'GAIA_IL08'],
    ['FROM_TODAY(1e3, DAYS)', 'DATE', 'GAIA_IL08'],
    ['FROM_TODAY(100000, DAYS)', 'DATE', 'GAIA_IL08'],
    ['FROM_TODAY(1, HOURS)', 'DATE', 'GAIA_IQ25'],
    ['THIS_MONTH(0)', 'DATE', 'GAIA_IQ23'],
    ['THIS_MONTH(32)', 'DATETIME', 'GAIA_IQ23'],
    ['THIS_WEEK(DAY)', 'DATE', 'GAIA_IL08'],
  ] as const)('%s on %s → %s', (fn, type, code) => {
    expect(() => resolve(fn, now, 'UTC', type)).toThrow(expect.objectContaining({ code }));
    expect(() => resolve(fn, now, 'UTC', type)).toThrow(QueryError);
  });

  it('keeps five-digit offsets inside four-digit years', () => {
    expect(resolve('FROM_TODAY(99999, YEARS)', now, 'UTC')).toEqual(range('9999-12-31', '9999-12-31'));
    expect(resolve('FROM_TODAY(-99999, MONTHS)', now, 'UTC')).toEqual(range('0001-01-01', '0001-01-01'));
    expect(resolve('FROM_TODAY(-99999, DAYS)', now, 'UTC')).toEqual(range('1750-06-18', '1750-06-19'));
    expect(resolve('FROM_TODAY(99999, WEEKS)', now, 'Asia/Tokyo', 'DATETIME').from).toMatch(/^\d{4}-/);
  });

  it('refuses an invalid clock', () => {
    expect(() => resolveDateFunction(call('TODAY()'), new Date(Number.NaN), 'UTC', 'DATE')).toThrow(RangeError);
  });
});

describe('resolveDateFunction: properties', () => {
  const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'America/Sao_Paulo'];
  const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true });

  it('TODAY() contains now and agrees with Intl on the local date', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (now, zone) => {
        const dt = resolveDateFunction(call('TODAY()'), now, zone, 'DATETIME');
        expect(Date.parse(dt.from)).toBeLessThanOrEqual(now.getTime());
        expect(Date.parse(dt.to)).toBeGreaterThan(now.getTime());
        const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
        expect(resolveDateFunction(call('TODAY()'), now, zone, 'DATE').from).toBe(local);
      }),
      { numRuns: 300 },
    );
  });

  it('THIS_WEEK() is seven days from a Sunday and contains TODAY()', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (now, zone) => {
        const week = resolveDateFunction(call('THIS_WEEK()'), now, zone, 'DATE');
        const today = resolveDateFunction(call('TODAY()'), now, zone, 'DATE').from;
        expect(new Date(`${week.from}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(Date.parse(week.to) - Date.parse(week.from)).toBe(7 * 86_400_000);
        expect(week.from <= today && today < week.to).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('day numbers round-trip through the civil calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (days) => {
        const { y, m, d } = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
      }),
    );
  });
});

describe('compareRange', () => {
  const day = range('2024-04-01', '2024-04-02');
  it.each([
    ['=', { combine: 'and', bounds: [{ op: '>=', value: day.from }, { op: '<', value: day.to }] }],
    ['!=', { combine: 'or', bounds: [{ op: '<', value: day.from }, { op: '>=', value: day.to }] }],
    ['<', { combine: 'and', bounds: [{ op: '<', value: day.from }] }],
    ['<=', { combine: 'and', bounds: [{ op: '<', value: day.to }] }],
    ['>', { combine: 'and', bounds: [{ op: '>=', value: day.to }] }],
    ['>=', { combine: 'and', bounds: [{ op: '>=', value: day.from }] }],
  ] as const)('%s against a range', (op, expected) => {
    expect(compareRange(op, day)).toEqual(expected);
  });

  it.each(['=', '!=', '<', '<=', '>', '>='] as const)('%s against an instant compares with the instant itself', (op) => {
    const at = '2024-04-01T10:00:00Z';
    expect(compareRange(op, range(at, at))).toEqual({ combine: 'and', bounds: [{ op, value: at }] });
  });
});
