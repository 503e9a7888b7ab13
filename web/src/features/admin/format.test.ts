import { describe, expect, it } from 'vitest';
import { formatDateTime, formatYen, nextDay, rangeText, todayIn, zonedDayStart } from './format';

describe('formatDateTime', () => {
  it('writes the instant in the person’s time zone, 24-hour, without seconds', () => {
    expect(formatDateTime('2025-04-01T05:05:59Z', 'Asia/Tokyo')).toBe('2025-04-01 14:05');
    expect(formatDateTime('2025-03-31T23:30:00Z', 'Asia/Tokyo')).toBe('2025-04-01 08:30');
    expect(formatDateTime('2025-04-01T00:00:00Z', 'America/New_York')).toBe('2025-03-31 20:00');
    expect(formatDateTime('2025-04-01T12:00:00Z', 'UTC')).toBe('2025-04-01 12:00');
  });

  it('shows midnight as 00, never 24', () => {
    expect(formatDateTime('2025-04-01T15:00:00Z', 'Asia/Tokyo')).toBe('2025-04-02 00:00');
  });

  it('answers a dash for nothing, garbage, and falls back to UTC for an unknown zone', () => {
    expect(formatDateTime(null, 'UTC')).toBe('—');
    expect(formatDateTime('not a date', 'UTC')).toBe('—');
    expect(formatDateTime('2025-04-01T12:00:00Z', 'Nowhere/Special')).toBe('2025-04-01 12:00');
  });
});

describe('zonedDayStart', () => {
  it('is the instant the day begins in the zone', () => {
    expect(zonedDayStart('2025-04-01', 'Asia/Tokyo')).toBe('2025-03-31T15:00:00.000Z');
    expect(zonedDayStart('2025-04-01', 'UTC')).toBe('2025-04-01T00:00:00.000Z');
    expect(zonedDayStart('2025-01-15', 'America/New_York')).toBe('2025-01-15T05:00:00.000Z');
    expect(zonedDayStart('2025-07-15', 'America/New_York')).toBe('2025-07-15T04:00:00.000Z');
  });

  it('handles a day on which the clocks change', () => {
    // New York moved to summer time at 02:00 on 9 March 2025; the day began at 05:00 UTC.
    expect(zonedDayStart('2025-03-09', 'America/New_York')).toBe('2025-03-09T05:00:00.000Z');
    expect(zonedDayStart('2025-03-10', 'America/New_York')).toBe('2025-03-10T04:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    expect(() => zonedDayStart('2025/04/01', 'UTC')).toThrow();
  });
});

describe('days', () => {
  it('steps to the next day across months and years', () => {
    expect(nextDay('2025-01-31')).toBe('2025-02-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });

  it('knows today in a zone', () => {
    const now = new Date('2025-03-31T20:00:00Z');
    expect(todayIn('Asia/Tokyo', now)).toBe('2025-04-01');
    expect(todayIn('UTC', now)).toBe('2025-03-31');
  });
});

describe('formatYen', () => {
  it('uses one unit per language, with thousands separators', () => {
    expect(formatYen(45000, 'en')).toBe('¥45,000');
    expect(formatYen(45000, 'ja')).toBe('45,000円');
    expect(formatYen(0, 'en')).toBe('¥0');
    expect(formatYen(1234567, 'ja')).toBe('1,234,567円');
    expect(formatYen(-700, 'en')).toBe('-¥700');
  });
});

describe('rangeText', () => {
  it('is kintone’s pager counter in each language', () => {
    expect(rangeText(0, 20, 152, 'ja')).toBe('1 - 20（全 152 件）');
    expect(rangeText(140, 12, 152, 'en')).toBe('141 - 152 (of 152)');
    expect(rangeText(0, 0, 0, 'en')).toBe('0 - 0 (of 0)');
    expect(rangeText(100, 50, null, 'en')).toBe('101 - 150');
    expect(rangeText(1000, 20, 2500, 'en')).toBe('1,001 - 1,020 (of 2,500)');
  });
});
