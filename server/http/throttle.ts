import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { AppError } from '../domain/app-error.js';
import type { Limiter } from '../infra/limiter.js';
import { clientIp } from './request-facts.js';

/** Counts one attempt against `key`; past `limit` per window answers 429 with Retry-After. */
export async function throttle(limiter: Limiter, key: string, limit: number, windowMs: number): Promise<void> {
  const state = await limiter.hit(key, limit, windowMs);
  if (!state.allowed) {
    throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(state.retryAfterMs / 1000))) } });
  }
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CANONICAL_IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** The peer address as the trusted proxy saw it; IPv6 counted per /64 so one host cannot rotate. */
export function peerKey(request: FastifyRequest): string {
  const ip = clientIp(request) ?? 'unknown';
  // Most peers: a dotted IPv4 address already in its one written form (no leading zeros).
  if (CANONICAL_IPV4.test(ip)) return ip;
  // Parsed, not split on ':': `2001:db8::1` and `2001:db8::2` share a /64 although their
  // text differs in the first four groups; IPv4-mapped addresses count as the IPv4 address.
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  return `${(addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
}
