import { describe, expect, it } from 'vitest';
import { MemoryLimiter } from './limiter.js';

describe('MemoryLimiter', () => {
  it('allows up to the limit in a window, then refuses until the window ends', async () => {
    let now = 1_000;
    const limiter = new MemoryLimiter(() => now);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('ip:1', 3, 60_000)).allowed).toBe(true);
    const over = await limiter.hit('ip:1', 3, 60_000);
    expect(over.allowed).toBe(false);
    expect(over.retryAfterMs).toBe(60_000);
    expect((await limiter.peek('ip:1', 3)).allowed).toBe(false);
    expect((await limiter.hit('ip:2', 3, 60_000)).allowed).toBe(true);
    now += 60_000;
    expect((await limiter.hit('ip:1', 3, 60_000)).allowed).toBe(true);
  });

  it('forgets a key on reset', async () => {
    const limiter = new MemoryLimiter();
    await limiter.hit('a', 1, 1000);
    await limiter.hit('a', 1, 1000);
    await limiter.reset('a');
    expect((await limiter.hit('a', 1, 1000)).allowed).toBe(true);
  });
});
