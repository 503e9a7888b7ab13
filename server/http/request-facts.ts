import type { FastifyRequest } from 'fastify';
import type { BaseCtx, RequestFacts } from '../domain/context.js';
import type { Actor } from '../policy/actor.js';

/** What the audit log keeps of a request: the peer as the trusted proxy saw it, the agent. */
export function requestFacts(request: FastifyRequest): RequestFacts {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null, requestId: request.id };
}

export function baseCtx(request: FastifyRequest, actor?: Actor): BaseCtx {
  const a = actor ?? request.actor;
  if (!a) throw new Error('no actor on request');
  const base: BaseCtx = { actor: a, locale: request.locale, request: requestFacts(request) };
  if (request.guestSpaceId !== undefined) base.guestSpaceId = request.guestSpaceId;
  return base;
}
