import type { FastifyRequest } from 'fastify';
import type { BaseCtx, RequestFacts } from '../domain/context.js';
import type { Actor } from '../policy/actor.js';

const clientIps = new WeakMap<FastifyRequest, string | null>();

/**
 * The client's address as the trusted proxies report it (TRUST_PROXY), worked out once per request:
 * Fastify's `request.ip` walks X-Forwarded-For again at every read, and a visitor's request reads
 * it for its budget, its audit facts and the view's allow-list.
 */
export function clientIp(request: FastifyRequest): string | null {
  let ip = clientIps.get(request);
  if (ip === undefined) {
    ip = request.ip ?? null;
    clientIps.set(request, ip);
  }
  return ip;
}

/** What the audit log keeps of a request: the peer as the trusted proxy saw it, the agent. */
export function requestFacts(request: FastifyRequest): RequestFacts {
  const ua = request.headers['user-agent'];
  return { ip: clientIp(request), userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null, requestId: request.id };
}

export function baseCtx(request: FastifyRequest, actor?: Actor): BaseCtx {
  const a = actor ?? request.actor;
  if (!a) throw new Error('no actor on request');
  const base: BaseCtx = { actor: a, locale: request.locale, request: requestFacts(request) };
  if (request.guestSpaceId !== undefined) base.guestSpaceId = request.guestSpaceId;
  return base;
}
