// App settings for app managers: /app/:appId/settings…, and the same under /guest/:guestSpaceId. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

export const appSettingsRoutes: RouteObject[] = [];
