// An app's API tokens (our addition; kintone has only its settings screen for them). Managed by
// people who manage the app — never by a token — and effective from the next deploy. A browser
// session confirms its current password first (current-password.ts, A18).
import { z } from 'zod';
import { createTokenInput, deleteTokenInput, updateTokenInput } from '../../../common/api/api-tokens.js';
import { numericId } from '../../../common/api/params.js';
import { changeToken, createToken, tokensOf } from '../../domain/apps/api-tokens.js';
import { confirmBrowserSession } from '../current-password.js';
import { defineRoute } from '../route.js';

export const apiTokenRoutes = [
  defineRoute({
    method: 'GET',
    url: '/k/v1/preview/app/apiTokens.json',
    access: 'app.tokens',
    input: z.object({ app: numericId }),
    handler: async ({ input, read }) => ({ tokens: await tokensOf(read(), input.app) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/preview/app/apiToken.json',
    access: 'app.tokens',
    input: createTokenInput,
    handler: async (args) => {
      await confirmBrowserSession(args, args.input.currentPassword);
      return args.command((ctx) => createToken(ctx, args.input.app, args.input.rights));
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/preview/app/apiToken.json',
    access: 'app.tokens',
    input: updateTokenInput,
    handler: async ({ input, command, ...args }) => {
      await confirmBrowserSession(args, input.currentPassword);
      await command((ctx) => changeToken(ctx, input.app, input.id, input.rights));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/k/v1/preview/app/apiToken.json',
    access: 'app.tokens',
    input: deleteTokenInput,
    handler: async ({ input, command, ...args }) => {
      await confirmBrowserSession(args, input.currentPassword);
      await command((ctx) => changeToken(ctx, input.app, input.id, null));
      return {};
    },
  }),
];
