import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../context.js';
import { startLicenceReminders } from './reminder-job.js';

const runs: Array<() => void> = [];
vi.mock('./reminders.js', () => ({
  runLicenceReminders: vi.fn(() => new Promise<unknown[]>((resolve) => runs.push(() => resolve([])))),
}));
const { runLicenceReminders } = await import('./reminders.js');

describe('startLicenceReminders', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(runLicenceReminders).mockClear();
    runs.length = 0;
  });

  it('runs shortly after start, then every interval, never two at once, and stops waiting for a run', async () => {
    vi.useFakeTimers();
    const job = startLicenceReminders({} as Services, () => {}, { firstMs: 1_000, intervalMs: 10_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(runLicenceReminders).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runLicenceReminders).toHaveBeenCalledTimes(1);
    // Still running at the next tick: not doubled.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runLicenceReminders).toHaveBeenCalledTimes(1);
    runs.shift()!();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runLicenceReminders).toHaveBeenCalledTimes(2);
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    runs.shift()!();
    await stopping;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runLicenceReminders).toHaveBeenCalledTimes(2);
  });
});
