// An app's records: /app/:appId (list, calendar, graphs), /app/:appId/show/:recordId, and the same under /guest/:guestSpaceId. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

const list = async () => ({ Component: (await import('./list-page')).ListPage });
const detail = async () => ({ Component: (await import('./detail-page')).DetailPage });

export const recordRoutes: RouteObject[] = [
  { path: 'app/:appId', lazy: list },
  { path: 'app/:appId/show/:recordId', lazy: detail },
  { path: 'guest/:guestSpaceId/app/:appId', lazy: list },
  { path: 'guest/:guestSpaceId/app/:appId/show/:recordId', lazy: detail },
];
