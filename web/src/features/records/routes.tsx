// An app's records: /app/:appId (list, calendar, graphs), /app/:appId/show/:recordId, and the same under /guest/:guestSpaceId. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

export const recordRoutes: RouteObject[] = [];
