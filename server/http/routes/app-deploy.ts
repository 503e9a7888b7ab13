import { deployInput, deployStatusInput } from '../../../common/api/apps.js';
import { deployApps, deployStatusOf } from '../../domain/apps/deploy-apps.js';
import { defineRoute } from '../route.js';

export const appDeployRoutes = [
  defineRoute({
    method: 'POST',
    url: '/k/v1/preview/app/deploy.json',
    access: 'app.manage',
    input: deployInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deployApps(ctx, input.apps, input.revert ?? false));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/k/v1/preview/app/deploy.json',
    access: 'app.manage',
    input: deployStatusInput,
    handler: async ({ input, read }) => {
      const statuses = await deployStatusOf(read(), input.apps);
      return { apps: statuses.map((s) => ({ app: String(s.app), status: s.status })) };
    },
  }),
];
