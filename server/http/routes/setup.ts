// The first-run page's API: until an administrator exists, the one-time link printed in the log
// lets its holder create one. Afterwards these answer as if the link never existed.
import { z } from 'zod';
import { loginName } from '../../../common/api/users.js';
import { completeSetup, setupRequired } from '../../domain/auth/first-run.js';
import { defineRoute } from '../route.js';
import { peerKey, throttle } from '../throttle.js';

export const setupRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/setup',
    access: 'public',
    handler: async ({ services, base }) => ({ required: await setupRequired(services, base.actor.domainId) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/setup',
    access: 'public',
    input: z.object({
      token: z.string().min(1).max(200),
      code: loginName,
      name: z.string().trim().min(1).max(128),
      email: z.email().max(256),
      password: z.string().min(1).max(1024),
      locale: z.enum(['ja', 'en']).optional(),
      timezone: z.string().max(64).optional(),
    }),
    handler: async ({ input, request, services, limiter, base }) => {
      await throttle(limiter, `setup:${peerKey(request)}`, 10, 60_000);
      const id = await completeSetup(services, base, input);
      return { id: String(id) };
    },
  }),
];
