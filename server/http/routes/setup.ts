// The first-run page's API: until an administrator exists, the one-time link printed in the log
// lets its holder create one. Afterwards these answer as if the link never existed.
import { SETUP_PATH, setupInput } from '../../../common/api/setup.js';
import { completeSetup, setupRequired } from '../../domain/auth/first-run.js';
import { defineRoute } from '../route.js';
import { peerKey, throttle } from '../throttle.js';

export const setupRoutes = [
  defineRoute({
    method: 'GET',
    url: SETUP_PATH,
    access: 'public',
    handler: async ({ services, base }) => ({ required: await setupRequired(services, base.actor.domainId) }),
  }),
  defineRoute({
    method: 'POST',
    url: SETUP_PATH,
    access: 'public',
    input: setupInput,
    handler: async ({ input, request, services, limiter, base }) => {
      await throttle(limiter, `setup:${peerKey(request)}`, 10, 60_000);
      const id = await completeSetup(services, base, input);
      return { id: String(id) };
    },
  }),
];
