import { describe, expect, it } from 'vitest';
import { isPlainAddress } from './address.js';

describe('isPlainAddress', () => {
  it.each(['taro@example.jp', 'taro.yamada+engawa@mail.example.co.jp', 'a_b-c@sub.example.com'])('accepts %s', (a) => {
    expect(isPlainAddress(a)).toBe(true);
  });

  it.each([
    'taro@example.jp\r\nBcc: eve@example.com',
    'taro@example.jp\nBcc: eve@example.com',
    'taro@example.jp, eve@example.com',
    'taro@example.jp;eve@example.com',
    'Taro <taro@example.jp>',
    '"taro"@example.jp',
    'taro @example.jp',
    'taro',
    '',
    `${'a'.repeat(250)}@example.jp`,
  ])('refuses %j', (a) => {
    expect(isPlainAddress(a)).toBe(false);
  });
});
