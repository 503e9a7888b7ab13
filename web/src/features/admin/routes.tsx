// Administration: /admin…. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

export const adminRoutes: RouteObject[] = [];
