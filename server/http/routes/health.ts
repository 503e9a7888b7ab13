import { pingDatabase } from '../../storage/db.js';
import { defineRoute } from '../route.js';

/** For load balancers: 200 while the database answers, 503 otherwise. Says nothing else. */
export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    tenantless: true,
    handler: async ({ services, reply }) => {
      try {
        await pingDatabase(services.db);
        return { status: 'ok' };
      } catch {
        return reply.code(503).send({ status: 'unavailable' });
      }
    },
  }),
];
