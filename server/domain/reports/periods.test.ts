import { describe, expect, it } from 'vitest';
import { ZoneClock, dateKey, instantKey, periodLabel, timeKey } from './periods.js';

const ms = (iso: string) => Date.parse(iso);

describe('periods of graph categories', () => {
  it('puts an instant in the caller’s day, across midnight and across summer time', () => {
    const tokyo = new ZoneClock('Asia/Tokyo');
    expect(instantKey(ms('2026-03-31T14:59:00Z'), 'DAY', tokyo, 4)).toBe('2026-03-31');
    expect(instantKey(ms('2026-03-31T15:00:00Z'), 'DAY', tokyo, 4)).toBe('2026-04-01');
    const ny = new ZoneClock('America/New_York');
    // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT (07:00 UTC).
    expect(instantKey(ms('2026-03-08T06:59:00Z'), 'MINUTE', ny, 1)).toBe('2026-03-08T01:59');
    expect(instantKey(ms('2026-03-08T07:00:00Z'), 'MINUTE', ny, 1)).toBe('2026-03-08T03:00');
    expect(instantKey(ms('2026-11-01T04:30:00Z'), 'HOUR', ny, 1)).toBe('2026-11-01T00');
    const kathmandu = new ZoneClock('Asia/Kathmandu');
    expect(instantKey(ms('2026-01-01T18:14:00Z'), 'MINUTE', kathmandu, 1)).toBe('2026-01-01T23:59');
    expect(instantKey(ms('2026-01-01T18:15:00Z'), 'DAY', kathmandu, 1)).toBe('2026-01-02');
  });

  it('starts weeks on Sunday and quarters at the first month of the fiscal year', () => {
    expect(dateKey('2026-01-01', 'WEEK', 1)).toBe('2025-12-28');
    expect(dateKey('2026-03-29', 'WEEK', 1)).toBe('2026-03-29');
    expect(dateKey('2026-04-04', 'WEEK', 1)).toBe('2026-03-29');
    expect(dateKey('2026-02-15', 'QUARTER', 1)).toBe('2026-01');
    expect(dateKey('2026-02-15', 'QUARTER', 4)).toBe('2026-01');
    // A fiscal year from February: Feb–Apr, May–Jul, Aug–Oct, Nov–Jan.
    expect(dateKey('2026-01-31', 'QUARTER', 2)).toBe('2025-11');
    expect(dateKey('2026-02-01', 'QUARTER', 2)).toBe('2026-02');
    expect(dateKey('2026-12-01', 'QUARTER', 2)).toBe('2026-11');
    expect(dateKey('2026-12-01', 'YEAR', 4)).toBe('2026');
    expect(dateKey('', 'DAY', 4)).toBeNull();
  });

  it('groups times by the hour or the minute', () => {
    expect(timeKey('09:45', 'HOUR')).toBe('09');
    expect(timeKey('09:45', undefined)).toBe('09:45');
    expect(timeKey('', 'HOUR')).toBeNull();
  });

  it('labels weeks and quarters by their span', () => {
    expect(periodLabel('2025-12-28', 'WEEK')).toBe('2025-12-28 – 2026-01-03');
    expect(periodLabel('2025-11', 'QUARTER')).toBe('2025-11 – 2026-01');
    expect(periodLabel('2026-04-01T09', 'HOUR')).toBe('2026-04-01 09:00');
    expect(periodLabel('09', 'HOUR')).toBe('09:00');
    expect(periodLabel('2026-04', 'MONTH')).toBe('2026-04');
  });
});
