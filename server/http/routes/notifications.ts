// Notifications: the signed-in user's inbox and e-mail choice (ours), and kintone's app
// notification settings (general, perRecord, reminder; live and preview reads, preview writes).
// Who may see what is decided in server/domain/notifications.
import { appParam } from '../../../common/api/apps.js';
import {
  MY_NOTIFICATION_SETTINGS_PATH,
  NOTIFICATIONS_PATH,
  NOTIFICATIONS_READ_PATH,
  listNotificationsInput,
  markReadInput,
  myNotificationSettingsInput,
  putGeneralNotificationsInput,
  putPerRecordNotificationsInput,
  putReminderNotificationsInput,
} from '../../../common/api/notifications.js';
import { listInbox, markRead, myNotificationSettings, setMyNotificationSettings } from '../../domain/notifications/inbox.js';
import {
  readGeneralNotifications,
  readPerRecordNotifications,
  readReminderNotifications,
  saveGeneralNotifications,
  savePerRecordNotifications,
  saveReminderNotifications,
} from '../../domain/notifications/settings.js';
import { defineRoute } from '../route.js';

const inboxRoutes = [
  defineRoute({
    method: 'GET',
    url: NOTIFICATIONS_PATH,
    access: 'signedIn',
    input: listNotificationsInput,
    handler: async ({ input, read }) => listInbox(read(), input),
  }),
  defineRoute({
    method: 'PUT',
    url: NOTIFICATIONS_READ_PATH,
    access: 'signedIn',
    input: markReadInput,
    handler: async ({ input, command }) => {
      await command((ctx) => markRead(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: MY_NOTIFICATION_SETTINGS_PATH,
    access: 'signedIn',
    handler: async ({ read }) => myNotificationSettings(read()),
  }),
  defineRoute({
    method: 'PUT',
    url: MY_NOTIFICATION_SETTINGS_PATH,
    access: 'signedIn',
    input: myNotificationSettingsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => setMyNotificationSettings(ctx, input));
      return {};
    },
  }),
];

const path = (preview: boolean, name: string) => `/k/v1/${preview ? 'preview/' : ''}app/notifications/${name}.json`;

const settingRoutes = [false, true].flatMap((preview) => {
  const stage = preview ? ('preview' as const) : ('live' as const);
  return [
    defineRoute({
      method: 'GET',
      url: path(preview, 'general'),
      access: 'app.manage',
      input: appParam,
      handler: async ({ input, read }) => readGeneralNotifications(read(), input.app, stage),
    }),
    defineRoute({
      method: 'GET',
      url: path(preview, 'perRecord'),
      access: 'app.manage',
      input: appParam,
      handler: async ({ input, read }) => readPerRecordNotifications(read(), input.app, stage),
    }),
    defineRoute({
      method: 'GET',
      url: path(preview, 'reminder'),
      access: 'app.manage',
      input: appParam,
      handler: async ({ input, read }) => readReminderNotifications(read(), input.app, stage),
    }),
  ];
});

const saveRoutes = [
  defineRoute({
    method: 'PUT',
    url: path(true, 'general'),
    access: 'app.manage',
    input: putGeneralNotificationsInput,
    handler: async ({ input, command }) => ({ revision: String(await command((ctx) => saveGeneralNotifications(ctx, input))) }),
  }),
  defineRoute({
    method: 'PUT',
    url: path(true, 'perRecord'),
    access: 'app.manage',
    input: putPerRecordNotificationsInput,
    handler: async ({ input, command }) => ({ revision: String(await command((ctx) => savePerRecordNotifications(ctx, input))) }),
  }),
  defineRoute({
    method: 'PUT',
    url: path(true, 'reminder'),
    access: 'app.manage',
    input: putReminderNotificationsInput,
    handler: async ({ input, command }) => ({ revision: String(await command((ctx) => saveReminderNotifications(ctx, input))) }),
  }),
];

export const notificationRoutes = [...inboxRoutes, ...settingRoutes, ...saveRoutes];
