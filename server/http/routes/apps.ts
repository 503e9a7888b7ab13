// Apps: create in preview, read and list live apps, app settings (live and preview).
import { APPS_PATH, appParam, createAppInput, getAppInput, listAppsInput, moveAppInput, updateSettingsInput } from '../../../common/api/apps.js';
import { moveApp } from '../../domain/apps/move-app.js';
import { createApp } from '../../domain/apps/create-app.js';
import { readStage, appFor } from '../../domain/apps/load-app.js';
import { updateSettings } from '../../domain/apps/update-settings.js';
import { AppError } from '../../domain/app-error.js';
import { listVisibleApps } from '../../domain/apps/list-apps.js';
import { presentApps } from '../present/app.js';
import { defineRoute } from '../route.js';
import type { Stage } from '../../storage/apps.repo.js';

const settingsRoute = (stage: Stage) =>
  defineRoute({
    method: 'GET',
    url: stage === 'live' ? '/k/v1/app/settings.json' : '/k/v1/preview/app/settings.json',
    access: 'app.read',
    input: appParam,
    handler: async ({ input, read }) => {
      const { revision, definition } = await readStage(read(), input.app, stage);
      // enableHistory: documents saved before record history existed have it on.
      return { ...definition.settings, enableHistory: definition.settings.enableHistory !== false, code: definition.code, revision: String(revision) };
    },
  });

export const appRoutes = [
  defineRoute({
    method: 'POST',
    url: '/k/v1/preview/app.json',
    access: 'app.create',
    input: createAppInput,
    handler: async ({ input, command }) => {
      const { app, revision } = await command((ctx) => createApp(ctx, input));
      return { app: String(app), revision: String(revision) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/k/v1/app.json',
    access: 'app.read',
    input: getAppInput,
    handler: async ({ input, read }) => {
      const ctx = read();
      const app = await appFor(ctx, input.id, 'app.read');
      if (!app.deployed) throw new AppError('GAIA_AP01', { params: { id: input.id } });
      const [json] = await presentApps(ctx.db, ctx.actor.domainId, [app]);
      return json;
    },
  }),
  defineRoute({
    method: 'GET',
    url: APPS_PATH,
    access: 'app.read',
    input: listAppsInput,
    handler: async ({ input, actor, read }) => {
      const ctx = read();
      const apps = await listVisibleApps(ctx, input);
      return { apps: await presentApps(ctx.db, actor.domainId, apps) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/app/move.json',
    access: 'app.manage',
    // kintone serves app/move on the plain path only.
    guest: false,
    input: moveAppInput,
    handler: async ({ input, command }) => {
      await command((ctx) => moveApp(ctx, input.app, input.space ?? null));
      return {};
    },
  }),
  settingsRoute('live'),
  settingsRoute('preview'),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/preview/app/settings.json',
    access: 'app.manage',
    input: updateSettingsInput,
    handler: async ({ input, command }) => ({ revision: String(await command((ctx) => updateSettings(ctx, input))) }),
  }),
];
