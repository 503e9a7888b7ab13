import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { peerKey } from './throttle.js';

const from = (ip: string) => ({ ip }) as unknown as FastifyRequest;

describe('peerKey: who a budget counts', () => {
  it('counts an IPv4 peer by its address, in one written form whatever the text', () => {
    expect(peerKey(from('192.0.2.7'))).toBe('192.0.2.7');
    expect(peerKey(from('::ffff:192.0.2.7'))).toBe('192.0.2.7');
    expect(peerKey(from('255.255.255.0'))).toBe('255.255.255.0');
  });

  it('counts an IPv6 host by its /64, so rotating the low bits buys nothing', () => {
    expect(peerKey(from('2001:db8:1:2::1'))).toBe('2001:db8:1:2::/64');
    expect(peerKey(from('2001:db8:1:2:ffff::9'))).toBe('2001:db8:1:2::/64');
    expect(peerKey(from('2001:db8:1:3::1'))).not.toBe(peerKey(from('2001:db8:1:2::1')));
  });

  it('keeps what is not an address as it is', () => {
    expect(peerKey(from('unknown'))).toBe('unknown');
  });
});
