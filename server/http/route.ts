// A route declares its method, path, access and input schema; its handler loads, authorizes,
// acts and presents. GET and DELETE read their parameters from the query string and from a JSON
// body alike (kintone's own samples send bodies with GET), so `input` is the merge of both.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { BaseCtx, Ctx, Services } from '../domain/context.js';
import { inTransaction, readContext } from '../domain/context.js';
import { checkApiUse } from './api-use.js';
import type { Limiter } from '../infra/limiter.js';
import type { Actor } from '../policy/actor.js';
import { JsonText } from './json-text.js';
import { baseCtx } from './request-facts.js';
import type { Access } from './types.js';
import { parseInput } from './validation.js';
import { enterGuestSpace } from '../domain/spaces/space-access.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteArgs<I> {
  input: I;
  request: FastifyRequest;
  reply: FastifyReply;
  actor: Actor;
  services: Services;
  limiter: Limiter;
  base: BaseCtx;
  /** Runs a command in one transaction with this request's context. */
  command<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** A read-only context on the pool. */
  read(): Ctx;
}

export interface RouteSpec<S extends z.ZodType | undefined = z.ZodType | undefined> {
  method: Method;
  url: string;
  access: Access;
  input?: S;
  tenantless?: boolean;
  /** Takes a multipart body (file uploads); every other route refuses one. */
  multipart?: boolean;
  bodyLimit?: number;
  /**
   * Also served under `/k/guest/{spaceId}/v1/…` for guest spaces (kintone's "G" APIs): the
   * default for every `/k/v1/` route; false for the few kintone serves on the plain path only
   * (guests.json, template/space.json, app/move.json, statistics). Under the guest prefix the
   * actor must belong to that guest space, and every object must live in it.
   */
  guest?: boolean;
  handler(args: RouteArgs<S extends z.ZodType ? z.output<S> : undefined>): Promise<unknown>;
}

export function defineRoute<S extends z.ZodType | undefined>(spec: RouteSpec<S>): RouteSpec<S> {
  return spec;
}

function rawInput(request: FastifyRequest): unknown {
  const body = request.body;
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') {
    const query = (request.query ?? {}) as Record<string, unknown>;
    return body && typeof body === 'object' && !Array.isArray(body) ? { ...query, ...body } : { ...query };
  }
  return body ?? {};
}

/** `/k/v1/x.json` → `/k/guest/:guestSpaceId/v1/x.json` (and the same for `/k/v1/preview/…`). */
export function guestUrl(url: string): string {
  if (!url.startsWith('/k/v1/')) throw new Error(`Route ${url} cannot be served under a guest space`);
  return `/k/guest/:guestSpaceId/v1/${url.slice('/k/v1/'.length)}`;
}

export function registerRoute(app: FastifyInstance, services: Services, limiter: Limiter, spec: RouteSpec<any>): void {
  register(app, services, limiter, spec, spec.url, false);
  if (spec.guest ?? spec.url.startsWith('/k/v1/')) register(app, services, limiter, spec, guestUrl(spec.url), true);
}

function register(app: FastifyInstance, services: Services, limiter: Limiter, spec: RouteSpec<any>, url: string, guestPath: boolean): void {
  app.route({
    method: spec.method as HTTPMethods,
    url,
    bodyLimit: spec.bodyLimit,
    config: { access: spec.access, tenantless: spec.tenantless, multipart: spec.multipart, guestPath },
    handler: async (request, reply) => {
      const actor = request.actor ?? { kind: 'anonymous' as const, domainId: request.domain?.id ?? '' };
      const base = spec.tenantless ? (undefined as unknown as BaseCtx) : { ...baseCtx(request, actor), kintonePath: url.startsWith('/k/') };
      // Outsiders of a guest space learn nothing there, not even what its APIs take as input.
      if (guestPath) await enterGuestSpace(readContext(services, base));
      const input = spec.input ? parseInput(spec.input, rawInput(request)) : undefined;
      if (!spec.tenantless && url.startsWith('/k/')) await checkApiUse(services, limiter, actor, url, input);
      const result = await spec.handler({
        input,
        request,
        reply,
        actor,
        services,
        limiter,
        base,
        command: (fn) => inTransaction(services, base, fn),
        read: () => readContext(services, base),
      });
      // A handler that sends its own answer returns the reply, which `await` has turned into
      // undefined by the time the answer ended, or the client hung up mid-answer. Either way
      // that answer has started: sending `{}` now would be a second answer (and a 500).
      if (reply.sent || reply.raw.headersSent || reply.raw.destroyed) return reply;
      if (result instanceof JsonText) return reply.type('application/json; charset=utf-8').send(result.body);
      return result ?? {};
    },
  });
}
