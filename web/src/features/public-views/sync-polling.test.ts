import { describe, expect, it } from 'vitest';
import type { SyncScheduleJson } from '../../../../common/api/public-visitors.js';
import { SYNC_POLL_MS, syncRefetchMs } from './sync-polling';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const schedule = (s: Partial<SyncScheduleJson>): SyncScheduleJson => ({
  app: '1',
  emailField: 'email',
  nameField: null,
  attributes: {},
  every: 'hourly',
  manager: { id: '1', code: 'admin' },
  nextRunAt: at(30),
  lastRunAt: null,
  lastResult: null,
  lastError: null,
  ...s,
});

describe('when the sync status asks again', () => {
  it('never without a schedule', () => {
    expect(syncRefetchMs(null, NOW)).toBe(false);
    expect(syncRefetchMs(undefined, NOW)).toBe(false);
  });

  it('often while a run is due, until the sweep takes it', () => {
    expect(syncRefetchMs(schedule({ nextRunAt: at(0) }), NOW)).toBe(SYNC_POLL_MS);
    expect(syncRefetchMs(schedule({ nextRunAt: at(-8), lastRunAt: at(-68) }), NOW)).toBe(SYNC_POLL_MS);
  });

  it('often while a claimed run has not written its result, for a while only', () => {
    // Claimed 2 minutes ago (next moved on by an hour), the last result older.
    expect(syncRefetchMs(schedule({ nextRunAt: at(58), lastRunAt: at(-62) }), NOW)).toBe(SYNC_POLL_MS);
    // The result is in: idle until the next run falls due.
    expect(syncRefetchMs(schedule({ nextRunAt: at(58), lastRunAt: at(-2) }), NOW)).toBe(58 * 60_000 + 1_000);
    // Claimed long ago and never finished: no endless asking.
    expect(syncRefetchMs(schedule({ nextRunAt: at(30), lastRunAt: at(-100) }), NOW)).toBe(30 * 60_000 + 1_000);
  });

  it('once when the next run falls due, for a schedule never run yet', () => {
    expect(syncRefetchMs(schedule({ nextRunAt: at(59) }), NOW)).toBe(59 * 60_000 + 1_000);
    expect(syncRefetchMs(schedule({ every: 'daily', nextRunAt: at(24 * 60 - 1) }), NOW)).toBe((24 * 60 - 1) * 60_000 + 1_000);
  });
});
