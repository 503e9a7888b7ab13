import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/app-error.js';
import type { Limiter } from '../infra/limiter.js';

/** Counts one attempt against `key`; past `limit` per window answers 429 with Retry-After. */
export async function throttle(limiter: Limiter, key: string, limit: number, windowMs: number): Promise<void> {
  const state = await limiter.hit(key, limit, windowMs);
  if (!state.allowed) {
    throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(state.retryAfterMs / 1000))) } });
  }
}

/** The peer address as the trusted proxy saw it; IPv6 counted per /64 so one host cannot rotate. */
export function peerKey(request: FastifyRequest): string {
  const ip = request.ip ?? 'unknown';
  if (ip.includes(':') && !ip.startsWith('::ffff:')) return ip.split(':').slice(0, 4).join(':') + '::/64';
  return ip.replace(/^::ffff:/, '');
}
