// A view's visitor page may be shown in a frame by the sites its managers list (the view's
// `frameAncestors`, https origins): its Content-Security-Policy then says `frame-ancestors` with
// those origins, and no X-Frame-Options, instead of every page's 'none'. Only on the view's own
// pages (HTML under /public/{token}): the JSON beside them is not a document and keeps the default.
// The view must be one its visitors may open (published, servable under the plan, an active
// creator: public-views/open-view.ts); any other token — unknown, unpublished, a refused plan —
// keeps 'none', so the page of a view nobody may open is framed by nobody, and its headers tell
// nothing the view's own paths would not.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PUBLIC_PREFIX, URL_TOKEN } from '../../../common/api/public-views.js';
import { AppError } from '../../domain/app-error.js';
import { type Services, readContext } from '../../domain/context.js';
import { withFrameAncestors } from '../../domain/public-views/frame-ancestors.js';
import { findOpenView } from '../../domain/public-views/open-view.js';
import { requestFacts } from '../request-facts.js';

async function framersOf(request: FastifyRequest, services: Services, token: string): Promise<readonly string[]> {
  const domainId = request.domain?.id;
  if (!domainId) return [];
  const ctx = readContext(services, { actor: { kind: 'anonymous', domainId }, locale: request.locale, request: requestFacts(request) });
  try {
    return (await findOpenView(ctx, token)).view.frameAncestors ?? [];
  } catch (err) {
    if (err instanceof AppError) return [];
    throw err;
  }
}

/** Registered once; narrows the CSP that plugins/security-headers.ts set, for such pages. */
export function registerViewFraming(app: FastifyInstance, services: Services): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(PUBLIC_PREFIX)) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('text/html')) return payload;
    const token = request.url.slice(PUBLIC_PREFIX.length).split(/[/?#]/)[0] ?? '';
    if (!URL_TOKEN.test(token)) return payload;
    const origins = await framersOf(request, services, token);
    const csp = reply.getHeader('content-security-policy');
    if (origins.length === 0 || typeof csp !== 'string') return payload;
    reply.header('content-security-policy', withFrameAncestors(csp, origins));
    reply.removeHeader('x-frame-options');
    return payload;
  });
}
