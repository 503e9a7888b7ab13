// kintone clients tunnel a long GET as POST with `X-HTTP-Method-Override: GET` (URL > 4096
// characters). The override is honoured for exactly that pair; anything else is refused
// (probe A14), so no GET can be turned into a state change and back.
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/app-error.js';

const ORIGINAL = Symbol('engawa.originalMethod');
const BAD = Symbol('engawa.badOverride');

type Marked = IncomingMessage & { [ORIGINAL]?: string; [BAD]?: boolean };

/** Called from Fastify's rewriteUrl, before routing. */
export function applyMethodOverride(req: IncomingMessage): void {
  const header = req.headers['x-http-method-override'];
  if (header === undefined) return;
  const marked = req as Marked;
  if (req.method === 'POST' && header === 'GET') {
    marked[ORIGINAL] = 'POST';
    req.method = 'GET';
  } else {
    marked[BAD] = true;
  }
}

export function checkMethodOverride(request: FastifyRequest): void {
  if ((request.raw as Marked)[BAD]) {
    throw AppError.invalid({ 'X-HTTP-Method-Override': 'invalid' });
  }
}

export function originalMethod(request: FastifyRequest): string {
  return (request.raw as Marked)[ORIGINAL] ?? request.method;
}
