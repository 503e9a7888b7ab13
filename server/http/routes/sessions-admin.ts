// Sessions: one's own, and (administrators) anyone's in the domain.
import {
  MY_SESSIONS_PATH,
  SESSIONS_PATH,
  endMySessionsInput,
  endSessionsInput,
  listSessionsInput,
} from '../../../common/api/sessions.js';
import { endMySessions, endSessionsOf, listMySessions, listSessionsOf } from '../../domain/auth/session-list.js';
import { defineRoute } from '../route.js';

export const sessionAdminRoutes = [
  defineRoute({
    method: 'GET',
    url: MY_SESSIONS_PATH,
    access: 'signedIn',
    handler: async ({ read }) => ({ sessions: await listMySessions(read()) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: MY_SESSIONS_PATH,
    access: 'signedIn',
    input: endMySessionsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => endMySessions(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: SESSIONS_PATH,
    access: 'security.manage',
    input: listSessionsInput,
    handler: async ({ input, read }) => ({ sessions: await listSessionsOf(read(), input.code) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: SESSIONS_PATH,
    access: 'security.manage',
    input: endSessionsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => endSessionsOf(ctx, input));
      return {};
    },
  }),
];
