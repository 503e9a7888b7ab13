import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, dayOf, dayStart, daysBetween, isDay, lastDay, monthsInclusive } from './calendar.js';

describe('the billing calendar (Japan)', () => {
  it('puts an instant on the Japanese day: 15:00 UTC is already the next day in Tokyo', () => {
    expect(dayOf(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11-30');
    expect(dayOf(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12-01');
    expect(dayStart('2026-12-01').toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });

  it('counts days and months across month and year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(lastDay('2028-02')).toBe('2028-02-29');
    expect(lastDay('2027-02')).toBe('2027-02-28');
    expect(monthsInclusive('2026-11', '2027-03')).toBe(5);
    expect(monthsInclusive('2027-04', '2027-03')).toBe(0);
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-04-01', 1)).toBe('2027-04-01');
  });

  it('tells real days from look-alikes', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('26-01-01')).toBe(false);
  });
});
