import { describe, expect, it } from 'vitest';
import { dateInZone, durationParts, formatDateTime, formatNumber, formatSize, utcToZoned, zonedToUtc } from './format';

describe('field values on screen', () => {
  it('cuts decimals to the field’s places, adds separators and the unit on its side', () => {
    expect(formatNumber('1234567.891', { digit: true, displayScale: '2' })).toBe('1,234,567.89');
    expect(formatNumber('1.999', { displayScale: '0' })).toBe('1');
    expect(formatNumber('2', { displayScale: '2' })).toBe('2.00');
    expect(formatNumber('-0.001', { displayScale: '2' })).toBe('0.00');
    expect(formatNumber('-1234', { digit: true })).toBe('-1,234');
    expect(formatNumber('1800', { digit: true, unit: '¥', unitPosition: 'BEFORE' })).toBe('¥1,800');
    expect(formatNumber('1800', { unit: '円', unitPosition: 'AFTER' })).toBe('1800円');
    expect(formatNumber('', { unit: '円' })).toBe('');
    expect(formatNumber('oops', {})).toBe('oops');
  });

  it('shows date-times in the viewer’s zone, without seconds', () => {
    expect(formatDateTime('2026-03-31T23:59:00Z', 'Asia/Tokyo')).toBe('2026-04-01 08:59');
    expect(formatDateTime('2026-03-31T23:59:00Z', 'UTC')).toBe('2026-03-31 23:59');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01 08:00');
    expect(formatDateTime('', 'UTC')).toBe('');
    expect(formatDateTime('2026-01-01T00:00:00Z', 'Not/AZone')).toBe('2026-01-01 00:00');
    expect(dateInZone('2026-03-31T23:59:00Z', 'Asia/Tokyo')).toBe('2026-04-01');
  });

  it('converts a wall clock in the zone to UTC and back, across daylight saving', () => {
    expect(zonedToUtc('2026-04-01T09:00', 'Asia/Tokyo')).toBe('2026-04-01T00:00:00Z');
    expect(zonedToUtc('2026-07-01T08:00', 'America/New_York')).toBe('2026-07-01T12:00:00Z');
    expect(zonedToUtc('2026-01-01T08:00', 'America/New_York')).toBe('2026-01-01T13:00:00Z');
    expect(utcToZoned('2026-04-01T00:00:00Z', 'Asia/Tokyo')).toBe('2026-04-01T09:00');
    expect(zonedToUtc('nonsense', 'UTC')).toBe('');
  });

  it('reads sizes and durations', () => {
    expect(formatSize('512')).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(durationParts('49:05')).toEqual({ negative: false, days: 2, hours: 1, minutes: 5 });
    expect(durationParts('x')).toBeNull();
  });
});
