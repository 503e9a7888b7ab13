// Calls of a view's visitor screens (common/api/public-visitors.ts): e-mail sign-in, registered
// visitors by hand, by CSV (all or nothing) and synchronised from an app, now or on a schedule.
import {
  type EmailAuthMode,
  type ImportResultJson,
  PUBLIC_VIEW_EMAIL_AUTH_PATH,
  PUBLIC_VIEW_VISITORS_IMPORT_PATH,
  PUBLIC_VIEW_VISITORS_PATH,
  PUBLIC_VIEW_VISITORS_SYNC_PATH,
  PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH,
  type SyncScheduleJson,
  type VisitorInput,
  type VisitorsPageJson,
} from '../../../../common/api/public-visitors.js';
import type { PublicViewJson } from '../../../../common/api/public-views.js';
import { api } from '../../api/client';

export const setEmailAuth = (id: string, mode: EmailAuthMode | null, configVersion: number) =>
  api<{ view: PublicViewJson }>('PUT', PUBLIC_VIEW_EMAIL_AUTH_PATH, { body: { id, mode, configVersion } }).then((r) => r.view);

export const listVisitors = (id: string, offset: number, limit: number) => api<VisitorsPageJson>('GET', PUBLIC_VIEW_VISITORS_PATH, { query: { id, offset, limit } });

export const addVisitors = (id: string, visitors: VisitorInput[]) => api<{ added: number; updated: number }>('POST', PUBLIC_VIEW_VISITORS_PATH, { body: { id, visitors } });

export const removeVisitors = (id: string, emails: string[]) => api<{ removed: number }>('DELETE', PUBLIC_VIEW_VISITORS_PATH, { body: { id, emails } });

export const importVisitors = (id: string, csv: string, replace: boolean) => api<ImportResultJson>('POST', PUBLIC_VIEW_VISITORS_IMPORT_PATH, { body: { id, csv, replace } });

export interface SyncRequest {
  app: string;
  emailField: string;
  nameField?: string;
  attributes: Record<string, string>;
}

export const syncVisitors = (id: string, sync: SyncRequest) =>
  api<ImportResultJson & { skipped: number }>('POST', PUBLIC_VIEW_VISITORS_SYNC_PATH, { body: { id, ...sync } });

/** The view's scheduled sync and its last run; null: none. */
export const getSyncSchedule = (id: string) => api<{ schedule: SyncScheduleJson | null }>('GET', PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH, { query: { id } }).then((r) => r.schedule);

/** Sets or replaces the schedule: this sync, run every hour or day as the manager setting it. */
export const putSyncSchedule = (id: string, sync: SyncRequest, every: SyncScheduleJson['every']) =>
  api<{ schedule: SyncScheduleJson }>('PUT', PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH, { body: { id, ...sync, every } }).then((r) => r.schedule);

export const deleteSyncSchedule = (id: string) => api<object>('DELETE', PUBLIC_VIEW_VISITORS_SYNC_SCHEDULE_PATH, { body: { id } });

export const syncScheduleKey = (id: string) => ['public-view-sync-schedule', id] as const;

/** The cache key of a view's registered visitors (every page of them). */
export const visitorsKey = (id: string) => ['public-view-visitors', id] as const;
