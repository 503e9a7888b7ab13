import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ja'],
    ['*', 'ja'],
    ['en-US,en;q=0.9', 'en'],
    ['ja-JP', 'ja'],
    ['fr-FR,en;q=0.5,ja;q=0.8', 'ja'],
    ['ja;q=0,en', 'en'],
    ['x'.repeat(100_000), 'ja'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateLocale(header, 'ja')).toBe(expected);
  });

  it('falls back to the configured default', () => {
    expect(negotiateLocale('de', 'en')).toBe('en');
  });
});
