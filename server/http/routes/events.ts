// GET /api/events (ours): the live event stream of the web app's pages (http/live-streams.ts).
// For browser sessions only: a stream must end with its session, and X-Cybozu-Authorization or
// an API token has none to end with, so they are refused with 403 (CB_NO02; an API token gets
// GAIA_NO01 from authenticate.ts). A half-signed-in, password-expired or TOTP-pending session is
// refused before this, with 401 as on every API. Topics the subscriber cannot read are accepted
// like any others and simply never yield anything (G11).
import { EVENTS_PATH, eventsInput } from '../../../common/api/events.js';
import { AppError } from '../../domain/app-error.js';
import { openWatch } from '../../domain/live/watch.js';
import { requestFacts } from '../request-facts.js';
import { defineRoute } from '../route.js';
import { peerKey } from '../throttle.js';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/**
 * EventSource cannot send X-Requested-With; what it does send says where the page came from.
 * Another site's page could not read the answer anyway (no CORS), but it would hold streams.
 */
function fromOurPage(request: FastifyRequest, config: Readonly<Config>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === new URL(config.baseUrl).origin || origin === `${request.protocol}://${request.host}`;
}

export const eventRoutes = [
  defineRoute({
    method: 'GET',
    url: EVENTS_PATH,
    access: 'signedIn',
    input: eventsInput,
    handler: async ({ input, request, reply, actor, services, read }) => {
      if ((actor.kind !== 'user' && actor.kind !== 'guest') || actor.via !== 'session' || !actor.sessionIdHash) throw new AppError('CB_NO02');
      if (!fromOurPage(request, services.config)) throw new AppError('CB_CS01');
      const sessionIdHash = actor.sessionIdHash;
      return request.server.liveStreams.open({
        reply,
        actor: { ...actor, sessionIdHash },
        peer: peerKey(request),
        facts: requestFacts(request),
        watch: () => openWatch(read(), input),
      });
    },
  }),
];
