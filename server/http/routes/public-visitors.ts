// Managing a public view's visitors (ours): e-mail sign-in and registered visitors, for the
// managers of the view's app (app.manage, checked per view by domain/public-views/managed-view.ts;
// API tokens never: access.ts) — the same rule as /v1/public-views.json.
import {
  PUBLIC_VIEW_EMAIL_AUTH_PATH,
  PUBLIC_VIEW_VISITORS_IMPORT_PATH,
  PUBLIC_VIEW_VISITORS_PATH,
  PUBLIC_VIEW_VISITORS_SYNC_PATH,
  PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH,
  addVisitorsInput,
  emailAuthInput,
  importVisitorsInput,
  listVisitorsInput,
  removeVisitorsInput,
  syncScheduleIdInput,
  syncScheduleInput,
  syncVisitorsInput,
} from '../../../common/api/public-visitors.js';
import { setEmailAuth } from '../../domain/public-views/visitors/email-auth-settings.js';
import { importVisitors } from '../../domain/public-views/visitors/import-visitors.js';
import { addRegisteredVisitors, listRegisteredVisitors, removeRegisteredVisitors } from '../../domain/public-views/visitors/manage-visitors.js';
import { syncVisitors } from '../../domain/public-views/visitors/sync-visitors.js';
import { removeSyncSchedule, setSyncSchedule, syncScheduleOf } from '../../domain/public-views/visitors/sync-schedule.js';
import { defineRoute } from '../route.js';

export const publicVisitorRoutes = [
  defineRoute({
    method: 'PUT',
    url: PUBLIC_VIEW_EMAIL_AUTH_PATH,
    access: 'publicView.manage',
    input: emailAuthInput,
    handler: async ({ input, command }) => ({ view: await command((ctx) => setEmailAuth(ctx, input)) }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_VIEW_VISITORS_PATH,
    access: 'publicView.manage',
    input: listVisitorsInput,
    handler: async ({ input, read }) => listRegisteredVisitors(read(), input),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEW_VISITORS_PATH,
    access: 'publicView.manage',
    input: addVisitorsInput,
    handler: async ({ input, command }) => command((ctx) => addRegisteredVisitors(ctx, input)),
  }),
  defineRoute({
    method: 'DELETE',
    url: PUBLIC_VIEW_VISITORS_PATH,
    access: 'publicView.manage',
    input: removeVisitorsInput,
    handler: async ({ input, command }) => command((ctx) => removeRegisteredVisitors(ctx, input)),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEW_VISITORS_IMPORT_PATH,
    access: 'publicView.manage',
    input: importVisitorsInput,
    bodyLimit: 6 * 1024 * 1024,
    handler: async ({ input, command }) => command((ctx) => importVisitors(ctx, input)),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEW_VISITORS_SYNC_PATH,
    access: 'publicView.manage',
    input: syncVisitorsInput,
    handler: async ({ input, command }) => command((ctx) => syncVisitors(ctx, input)),
  }),
  // A scheduled sync: its settings and last run (GET), set or replaced (PUT), removed (DELETE).
  defineRoute({
    method: 'GET',
    url: PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH,
    access: 'publicView.manage',
    input: syncScheduleIdInput,
    handler: async ({ input, read }) => ({ schedule: await syncScheduleOf(read(), input.id) }),
  }),
  defineRoute({
    method: 'PUT',
    url: PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH,
    access: 'publicView.manage',
    input: syncScheduleInput,
    handler: async ({ input, command }) => ({ schedule: await command((ctx) => setSyncSchedule(ctx, input)) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH,
    access: 'publicView.manage',
    input: syncScheduleIdInput,
    handler: async ({ input, command }) => {
      await command((ctx) => removeSyncSchedule(ctx, input.id));
      return {};
    },
  }),
];
