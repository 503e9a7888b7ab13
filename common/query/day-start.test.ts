import { describe, expect, it } from 'vitest';
import { dayStartIn } from './dates.js';

describe('the instant a day begins in a zone', () => {
  it('follows the zone’s offset, daylight saving included', () => {
    expect(dayStartIn('2026-04-01', 'Asia/Tokyo')).toBe('2026-03-31T15:00:00Z');
    expect(dayStartIn('2026-04-01', 'UTC')).toBe('2026-04-01T00:00:00Z');
    expect(dayStartIn('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00Z');
    expect(dayStartIn('2026-01-01', 'America/New_York')).toBe('2026-01-01T05:00:00Z');
  });
});
