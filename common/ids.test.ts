import { describe, expect, it } from 'vitest';
import { newId, newSecret, randomString } from './ids.js';

describe('ids', () => {
  it('prefixes our ids with their kind and never repeats', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId('aud')));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^aud_[0-9a-z]{20}$/);
  });

  it('makes secrets of 256 bits in URL-safe characters', () => {
    const s = newSecret();
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(s);
  });

  it('spreads characters over the whole alphabet', () => {
    const seen = new Set(randomString(5000));
    expect(seen.size).toBe(36);
  });
});
