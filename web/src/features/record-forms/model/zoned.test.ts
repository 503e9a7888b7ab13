import { describe, expect, it } from 'vitest';
import { localInputToUtc, utcToLocalInput } from './zoned';

describe('date-times in the person’s time zone', () => {
  it('shows a UTC instant as the wall-clock time of the zone', () => {
    expect(utcToLocalInput('2025-04-01T05:05:00Z', 'Asia/Tokyo')).toBe('2025-04-01T14:05');
    expect(utcToLocalInput('2025-04-01T05:05:00Z', 'America/New_York')).toBe('2025-04-01T01:05');
    expect(utcToLocalInput('2025-01-01T00:30:00Z', 'America/Los_Angeles')).toBe('2024-12-31T16:30');
    expect(utcToLocalInput('', 'Asia/Tokyo')).toBe('');
    expect(utcToLocalInput('junk', 'Asia/Tokyo')).toBe('');
  });

  it('sends a wall-clock time as the UTC instant kintone expects', () => {
    expect(localInputToUtc('2025-04-01T14:05', 'Asia/Tokyo')).toBe('2025-04-01T05:05:00Z');
    expect(localInputToUtc('2025-04-01T01:05', 'America/New_York')).toBe('2025-04-01T05:05:00Z');
    expect(localInputToUtc('2025-07-01T12:00', 'Europe/London')).toBe('2025-07-01T11:00:00Z');
    expect(localInputToUtc('2025-01-01T12:00', 'Europe/London')).toBe('2025-01-01T12:00:00Z');
    expect(localInputToUtc('2025-04-01T14:05', 'UTC')).toBe('2025-04-01T14:05:00Z');
    expect(localInputToUtc('yesterday', 'UTC')).toBeUndefined();
  });

  it('round-trips across a daylight-saving change', () => {
    for (const iso of ['2025-03-09T06:59:00Z', '2025-03-09T07:00:00Z', '2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z']) {
      const local = utcToLocalInput(iso, 'America/New_York');
      const back = localInputToUtc(local, 'America/New_York');
      // A repeated wall hour has two instants; either one shows the same wall time again.
      expect(utcToLocalInput(back, 'America/New_York')).toBe(local);
    }
  });
});
