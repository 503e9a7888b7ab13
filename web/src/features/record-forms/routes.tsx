// Adding and editing records: /app/:appId/new (?copyFrom=<id> duplicates), /app/:appId/edit/:recordId,
// the CSV import /app/:appId/import, and the same under /guest/:guestSpaceId. Each screen loads
// when first opened (lazy).
import type { RouteObject } from 'react-router';

const newRecord = async () => ({ Component: (await import('./record-form-page')).NewRecordPage });
const editRecord = async () => ({ Component: (await import('./record-form-page')).EditRecordPage });
const importRecords = async () => ({ Component: (await import('./import/import-page')).ImportPage });

export const recordFormRoutes: RouteObject[] = [
  { path: 'app/:appId/new', lazy: newRecord },
  { path: 'app/:appId/edit/:recordId', lazy: editRecord },
  { path: 'app/:appId/import', lazy: importRecords },
  { path: 'guest/:guestSpaceId/app/:appId/new', lazy: newRecord },
  { path: 'guest/:guestSpaceId/app/:appId/edit/:recordId', lazy: editRecord },
  { path: 'guest/:guestSpaceId/app/:appId/import', lazy: importRecords },
];
