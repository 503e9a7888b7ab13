import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeptValues } from './kept-values.js';

describe('kept values', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads once for everyone asking at the same time, and keeps the value while fresh', async () => {
    const kept = new KeptValues<number>(1_000, 10_000);
    const read = vi.fn(async () => 1);
    expect(await Promise.all([kept.get('k', read), kept.get('k', read), kept.get('k', read)])).toEqual([1, 1, 1]);
    vi.advanceTimersByTime(999);
    expect(await kept.get('k', read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('past its freshness, answers the kept value at once and reads again behind it, once', async () => {
    const kept = new KeptValues<string>(1_000, 10_000);
    await kept.get('k', async () => 'old');
    vi.advanceTimersByTime(1_500);
    let release!: (v: string) => void;
    const read = vi.fn(() => new Promise<string>((r) => (release = r)));
    expect(await kept.get('k', read)).toBe('old');
    expect(await kept.get('k', read)).toBe('old');
    expect(read).toHaveBeenCalledTimes(1);
    release('new');
    await Promise.resolve();
    await Promise.resolve();
    expect(await kept.get('k', async () => 'unused')).toBe('new');
  });

  it('past the longest age, waits for the read; a failed read is the asker’s error', async () => {
    const kept = new KeptValues<string>(1_000, 5_000);
    await kept.get('k', async () => 'old');
    vi.advanceTimersByTime(5_000);
    expect(await kept.get('k', async () => 'new')).toBe('new');
    vi.advanceTimersByTime(5_000);
    await expect(kept.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
  });

  it('forgets a value changed here, and does not keep a read that began before the change', async () => {
    const kept = new KeptValues<string>(1_000, 10_000);
    let release!: (v: string) => void;
    const before = kept.get('k', () => new Promise<string>((r) => (release = r)));
    kept.delete('k');
    release('before the change');
    expect(await before).toBe('before the change');
    expect(await kept.get('k', async () => 'after')).toBe('after');
  });

  it('keeps only the values it is told to: a refusal is read again by the next asker', async () => {
    const kept = new KeptValues<string | null>(1_000, 10_000, { keep: (v) => v !== null });
    expect(await kept.get('host', async () => null)).toBeNull();
    expect(await kept.get('host', async () => 'bound now')).toBe('bound now');
    expect(await kept.get('host', async () => null)).toBe('bound now');
  });

  it('uses a value only under the version it was read at, and keeps nothing without one', async () => {
    const kept = new KeptValues<string>(1_000, 10_000);
    expect(await kept.get('k', async () => 'v1', 'stamp 1')).toBe('v1');
    expect(await kept.get('k', async () => 'unused', 'stamp 1')).toBe('v1');
    // Moved: read again at once, even while fresh; the new value is kept under the new stamp.
    expect(await kept.get('k', async () => 'v2', 'stamp 2')).toBe('v2');
    expect(await kept.get('k', async () => 'unused', 'stamp 2')).toBe('v2');
    // A read under way at the old version is not joined by an asker at the new one.
    let release!: (v: string) => void;
    const old = kept.get('j', () => new Promise<string>((r) => (release = r)), 'stamp 1');
    expect(await kept.get('j', async () => 'at stamp 2', 'stamp 2')).toBe('at stamp 2');
    release('at stamp 1');
    expect(await old).toBe('at stamp 1');
    expect(await kept.get('j', async () => 'unused', 'stamp 2')).toBe('at stamp 2');
    // No version: every asker reads, nothing is kept.
    const read = vi.fn(async () => 'read');
    await Promise.all([kept.get('n', read, null), kept.get('n', read, null)]);
    expect(read).toHaveBeenCalledTimes(2);
    expect(await kept.get('n', async () => 'then', 'stamp 1')).toBe('then');
  });
});
