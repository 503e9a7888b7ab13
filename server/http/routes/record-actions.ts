// Ours, for the web app's record screens: the process actions the caller may take on a record
// (server/domain/process/record-actions.ts) and the caller's rights on an app, as the server
// itself decides them on every call (appAccess: an app the caller cannot see answers as missing).
import { APP_RIGHTS_PATH, RECORD_ACTIONS_PATH, appRightsInput, recordActionsInput } from '../../../common/api/record-actions.js';
import type { AppRightsJson } from '../../../common/api/record-actions.js';
import { appAccess } from '../../domain/apps/load-app.js';
import { recordActions } from '../../domain/process/record-actions.js';
import { defineRoute } from '../route.js';

export const recordActionRoutes = [
  defineRoute({
    method: 'GET',
    url: RECORD_ACTIONS_PATH,
    access: 'app.read',
    input: recordActionsInput,
    handler: async ({ input, read }) => recordActions(read(), input.app, input.id),
  }),
  defineRoute({
    method: 'GET',
    url: APP_RIGHTS_PATH,
    access: 'app.read',
    input: appRightsInput,
    handler: async ({ input, read }): Promise<AppRightsJson> => {
      const { rights, app } = await appAccess(read(), input.app, 'app.read');
      // Before the first deploy there are no records to work on, whatever the rights say.
      return { rights: app.deployed ? { ...rights } : { ...rights, view: false, add: false, edit: false, delete: false, import: false, export: false } };
    },
  }),
];
