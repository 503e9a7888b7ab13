// Ours: has the app's preview changes not yet applied? (settings screens' banner)
import { APP_CHANGES_PATH, appChangesInput } from '../../../common/api/app-changes.js';
import { pendingChanges } from '../../domain/apps/pending-changes.js';
import { defineRoute } from '../route.js';

export const appChangesRoutes = [
  defineRoute({
    method: 'GET',
    url: APP_CHANGES_PATH,
    access: 'app.manage',
    input: appChangesInput,
    handler: async ({ input, read }) => {
      const { deployed, changed, revision } = await pendingChanges(read(), input.app);
      return { deployed, changed, revision: String(revision) };
    },
  }),
];
