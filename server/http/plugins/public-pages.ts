// Everything under /public/ is a public view's, served to anonymous visitors (P15):
//   - no credential of the app is read there — not the session cookie, not a password header,
//     not an API token — so a signed-in user visiting a view is a visitor like anyone else, and
//     nothing of theirs can change what a view shows or refuses;
//   - the URL is the view's secret, so pages never hand it on (`Referrer-Policy: no-referrer`:
//     external images in text blocks would get it) and ask not to be indexed.
// Registered after tenancy and before restrictions and authentication, which then see an
// anonymous request.
import type { FastifyInstance } from 'fastify';
import { PUBLIC_PREFIX } from '../../../common/api/public-views.js';
import type { Config } from '../../config.js';
import { sessionCookie } from '../cookies.js';

const CREDENTIAL_HEADERS = ['authorization', 'x-cybozu-authorization', 'x-cybozu-api-token', 'x-request-token'];

export function registerPublicPages(app: FastifyInstance, config: Readonly<Config>): void {
  const session = sessionCookie(config).name;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(PUBLIC_PREFIX)) return;
    if (request.cookies) delete request.cookies[session];
    for (const h of CREDENTIAL_HEADERS) delete request.headers[h];
    // Over the app's own policy, which security-headers.ts set before this hook.
    reply.header('x-robots-tag', 'noindex, nofollow, noarchive').header('referrer-policy', 'no-referrer');
  });
}
