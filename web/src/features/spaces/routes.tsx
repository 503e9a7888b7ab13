// Spaces and guest spaces, threads: /space/:spaceId…, /guest/:guestSpaceId…. Each screen loads when first opened (lazy).
import type { RouteObject } from 'react-router';

export const spaceRoutes: RouteObject[] = [];
