// App settings for app managers: /app/:appId/settings…, and the same under /guest/:guestSpaceId. Each screen loads when first opened (lazy).
// Also アプリを作成 at /app/new (?space=…&thread=…), which opens the new app's settings.
import type { RouteObject } from 'react-router';

function settingsRoutes(prefix: string): RouteObject[] {
  return [
    { path: `${prefix}/app/new`, lazy: async () => ({ Component: (await import('./create-app-page')).CreateAppPage }) },
    {
      path: `${prefix}/app/:appId/settings`,
      lazy: async () => ({ Component: (await import('./settings-layout')).SettingsLayout }),
      children: [
        { index: true, lazy: async () => ({ Component: (await import('./form/form-builder-page')).FormBuilderPage }) },
        { path: 'views', lazy: async () => ({ Component: (await import('./views/views-page')).ViewsPage }) },
        { path: 'graphs', lazy: async () => ({ Component: (await import('./graphs/graphs-page')).GraphsPage }) },
        { path: 'app', lazy: async () => ({ Component: (await import('./settings-home-page')).SettingsHomePage }) },
        { path: 'general', lazy: async () => ({ Component: (await import('./general/general-page')).GeneralSettingsPage }) },
        { path: 'api-tokens', lazy: async () => ({ Component: (await import('./api-tokens/api-tokens-page')).ApiTokensPage }) },
        { path: 'process', lazy: async () => ({ Component: (await import('./process/process-page')).ProcessPage }) },
        { path: 'notifications/general', lazy: async () => ({ Component: (await import('./notifications/general-notifications-page')).GeneralNotificationsPage }) },
        { path: 'notifications/record', lazy: async () => ({ Component: (await import('./notifications/record-notifications-page')).RecordNotificationsPage }) },
        { path: 'notifications/reminder', lazy: async () => ({ Component: (await import('./notifications/reminder-notifications-page')).ReminderNotificationsPage }) },
        { path: 'acl/app', lazy: async () => ({ Component: (await import('./acl/app-acl-page')).AppAclPage }) },
        { path: 'acl/record', lazy: async () => ({ Component: (await import('./acl/record-acl-page')).RecordAclPage }) },
        { path: 'acl/field', lazy: async () => ({ Component: (await import('./acl/field-acl-page')).FieldAclPage }) },
        // 公開ビュー: screens of their own area (features/public-views).
        { path: 'public-views', lazy: async () => ({ Component: (await import('../public-views/public-views-page')).PublicViewsPage }) },
        { path: 'public-views/new', lazy: async () => ({ Component: (await import('../public-views/view-editor-page')).ViewEditorPage }) },
        { path: 'public-views/:viewId', lazy: async () => ({ Component: (await import('../public-views/view-editor-page')).ViewEditorPage }) },
        { path: 'public-views/:viewId/visitors', lazy: async () => ({ Component: (await import('../public-views/visitors-page')).VisitorsPage }) },
      ],
    },
  ];
}

export const appSettingsRoutes: RouteObject[] = [...settingsRoutes(''), ...settingsRoutes('/guest/:guestSpaceId')];
