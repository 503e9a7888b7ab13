import { describe, expect, it } from 'vitest';
import { trustedProxies } from './trust-proxy.js';

describe('trusted proxies', () => {
  it('trusts exactly the listed addresses and ranges, v4, v6 and v4-mapped, answering the same when asked again', () => {
    const trust = trustedProxies(['10.0.0.0/8', '2001:db8::1']);
    if (!trust) throw new Error('expected a function');
    for (let i = 0; i < 2; i++) {
      expect(trust('10.1.2.3', 0)).toBe(true);
      expect(trust('::ffff:10.1.2.3', 0)).toBe(true);
      expect(trust('2001:db8::1', 1)).toBe(true);
      expect(trust('11.0.0.1', 0)).toBe(false);
      expect(trust('2001:db8::2', 0)).toBe(false);
      expect(trust('not an address', 0)).toBe(false);
    }
  });

  it('is off without a list: the TCP peer is the client', () => {
    expect(trustedProxies([])).toBe(false);
  });
});
