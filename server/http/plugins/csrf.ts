// Cookie-authenticated unsafe requests must prove they come from our own pages: the session's
// request token (`__REQUEST_TOKEN__` in the JSON body, in the query for DELETE, as a form field
// of an upload, or the X-Request-Token header), `X-Requested-With`, and no cross-site Origin /
// Sec-Fetch-Site (A13).
// Requests authenticated by header (X-Cybozu-Authorization) carry no ambient credential and
// need none of this.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../domain/app-error.js';
import { safeEqual } from '../../domain/auth/secrets.js';
import { originalMethod } from '../method-override.js';

const TOKEN_KEY = '__REQUEST_TOKEN__';
/** The form field an upload may carry its request token in. */
export const REQUEST_TOKEN_FIELD = TOKEN_KEY;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOrigin(request: FastifyRequest, config: Readonly<Config>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = new Set([new URL(config.baseUrl).origin, `${request.protocol}://${request.host}`]);
    if (!allowed.has(origin)) return false;
  }
  return request.headers['x-requested-with'] === 'XMLHttpRequest';
}

function takeToken(request: FastifyRequest): string | undefined {
  let token: unknown;
  const body = request.body as Record<string, unknown> | null | undefined;
  if (body && typeof body === 'object' && TOKEN_KEY in body) {
    token = body[TOKEN_KEY];
    delete body[TOKEN_KEY];
  }
  const query = request.query as Record<string, unknown> | undefined;
  if (query && TOKEN_KEY in query) {
    token ??= query[TOKEN_KEY];
    delete query[TOKEN_KEY];
  }
  token ??= request.headers['x-request-token'];
  return typeof token === 'string' ? token : undefined;
}

export function registerCsrf(app: FastifyInstance, config: Readonly<Config>): void {
  app.decorateRequest('csrfDeferred', false);
  app.addHook('preValidation', async (request) => {
    const token = takeToken(request);
    if (SAFE.has(originalMethod(request))) return;
    if (request.csrfToken === null) return; // not cookie-authenticated
    if (!isSameOrigin(request, config)) throw new AppError('CB_CS01');
    // kintone's client appends the token to an upload's form after the file, so it can only be
    // read once the file has streamed by. The origin checks above still run first; the token
    // is checked by the route (checkDeferredToken) before anything it stored becomes visible.
    if (token === undefined && request.routeOptions.config?.multipart && request.isMultipart()) {
      request.csrfDeferred = true;
      return;
    }
    if (!token || !safeEqual(token, request.csrfToken)) throw new AppError('CB_CS01');
  });
}

/** For multipart routes: the `__REQUEST_TOKEN__` form field, once every part has been read. */
export function checkDeferredToken(request: FastifyRequest, token: string | undefined): void {
  if (!request.csrfDeferred) return;
  if (!token || request.csrfToken === null || !safeEqual(token, request.csrfToken)) throw new AppError('CB_CS01');
  request.csrfDeferred = false;
}
