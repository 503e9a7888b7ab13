// Every screen and its address. Each screen's code loads when it is first opened (lazy), so the
// first page a phone loads carries only the frame; deep links work because the server answers
// every non-API page with index.html (server/http/plugins/web.ts).
import type { RouteObject } from 'react-router';
import { adminRoutes } from './features/admin/routes';
import { appSettingsRoutes } from './features/app-settings/routes';
import { recordFormRoutes } from './features/record-forms/routes';
import { recordRoutes } from './features/records/routes';
import { spaceRoutes } from './features/spaces/routes';
import { Loading } from './ui/loading';
import { RouteError } from './ui/route-error';

export const routes: RouteObject[] = [
  {
    HydrateFallback: Loading,
    ErrorBoundary: RouteError,
    children: [
      {
        path: '/',
        lazy: async () => ({ Component: (await import('./features/shell/shell-layout')).ShellLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./features/shell/portal-page')).PortalPage }) },
          { path: 'me/password', lazy: async () => ({ Component: (await import('./features/shell/my-password-page')).MyPasswordPage }) },
          ...spaceRoutes,
          ...recordRoutes,
          ...recordFormRoutes,
          ...appSettingsRoutes,
          ...adminRoutes,
        ],
      },
      { path: '/login', lazy: async () => ({ Component: (await import('./features/auth/sign-in-page')).SignInPage }) },
      { path: '/login/guest', lazy: async () => ({ Component: (await import('./features/auth/sign-in-page')).GuestSignInPage }) },
      { path: '/forgot-password', lazy: async () => ({ Component: (await import('./features/auth/forgot-password-page')).ForgotPasswordPage }) },
      { path: '/password-reset/:token', lazy: async () => ({ Component: (await import('./features/auth/password-reset-page')).PasswordResetPage }) },
      { path: '/password-reset', lazy: async () => ({ Component: (await import('./features/auth/password-reset-page')).PasswordResetPage }) },
      { path: '/allow-list-reset/:token', lazy: async () => ({ Component: (await import('./features/auth/allow-list-reset-page')).AllowListResetPage }) },
      { path: '/allow-list-reset', lazy: async () => ({ Component: (await import('./features/auth/allow-list-reset-page')).AllowListResetPage }) },
      { path: '/invitations/:token', lazy: async () => ({ Component: (await import('./features/auth/invitation-page')).InvitationPage }) },
      // Where the pages above move once loaded: the token is out of the address (link-token.ts).
      { path: '/invitations', lazy: async () => ({ Component: (await import('./features/auth/invitation-page')).InvitationPage }) },
      { path: '/setup', lazy: async () => ({ Component: (await import('./features/auth/setup-page')).SetupPage }) },
      { path: '*', lazy: async () => ({ Component: (await import('./features/shell/not-found-page')).NotFoundPage }) },
    ],
  },
];
