// Fixed-window counters for throttling (sign-in failures per address, per account…). In memory
// for one instance; in Redis when REDIS_URL is set, so three instances do not allow three times
// the attempts (probe K4).
import type { Redis } from 'ioredis';

export interface LimitState {
  count: number;
  allowed: boolean;
  retryAfterMs: number;
}

export interface Limiter {
  /** Counts one event under `key`; `allowed` is false once the window holds more than `limit`. */
  hit(key: string, limit: number, windowMs: number): Promise<LimitState>;
  /** Reads without counting. */
  peek(key: string, limit: number): Promise<LimitState>;
  reset(key: string): Promise<void>;
}

export class MemoryLimiter implements Limiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweepAt = 0;
  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, limit: number, windowMs: number): Promise<LimitState> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
      // Many live windows (a public view's thousands of visitors) are swept at most once a second:
      // sweeping on every new key once there are 100,000 made each request walk all of them.
      if (this.windows.size > 100_000 && now >= this.nextSweepAt) {
        this.nextSweepAt = now + 1_000;
        this.sweep(now);
      }
    }
    w.count++;
    return { count: w.count, allowed: w.count <= limit, retryAfterMs: Math.max(0, w.resetAt - now) };
  }

  async peek(key: string, limit: number): Promise<LimitState> {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) return { count: 0, allowed: true, retryAfterMs: 0 };
    return { count: w.count, allowed: w.count < limit, retryAfterMs: w.resetAt - now };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

export class RedisLimiter implements Limiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, limit: number, windowMs: number): Promise<LimitState> {
    const k = this.prefix + key;
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incr(k)
      .pexpire(k, windowMs, 'NX')
      .pttl(k)
      .exec()
      .then((r) => [r![0]!, r![2]!])) as [[unknown, number], [unknown, number]];
    return { count, allowed: count <= limit, retryAfterMs: Math.max(0, ttl) };
  }

  async peek(key: string, limit: number): Promise<LimitState> {
    const k = this.prefix + key;
    const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.pttl(k)]);
    const n = Number(count ?? 0);
    return { count: n, allowed: n < limit, retryAfterMs: Math.max(0, ttl) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
