// Spaces and guest spaces, threads: /space/:spaceId…, /guest/:guestSpaceId…. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

const space = async () => ({ Component: (await import('./space-page')).SpacePage });
const thread = async () => ({ Component: (await import('./thread-page')).ThreadPage });
const settings = async () => ({ Component: (await import('./space-settings-page')).SpaceSettingsPage });

export const spaceRoutes: RouteObject[] = [
  { path: 'space/new', lazy: async () => ({ Component: (await import('./new-space-page')).NewSpacePage }) },
  { path: 'space/:spaceId', lazy: space },
  { path: 'space/:spaceId/thread/:threadId', lazy: thread },
  { path: 'space/:spaceId/settings', lazy: settings },
  { path: 'guest/:guestSpaceId', lazy: space },
  { path: 'guest/:guestSpaceId/thread/:threadId', lazy: thread },
  { path: 'guest/:guestSpaceId/settings', lazy: settings },
];
