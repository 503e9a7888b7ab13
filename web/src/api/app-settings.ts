// App settings for app managers: kintone's preview APIs (`/k/v1/preview/app/…`), deploy and
// discard, and our "changes not yet applied" marker. Every call goes through the page's place,
// so a guest space's app is addressed under `/k/guest/<id>/v1/…`.
import type { AppAclRight, FieldAclRight, RecordAclRight } from '../../../common/api/acl.js';
import { APP_CHANGES_PATH, type AppChangesJson } from '../../../common/api/app-changes.js';
import type { AppJson } from '../../../common/api/apps.js';
import type { GeneralNotificationsOut, PerRecordNotificationsOut, ReminderNotificationsOut } from '../../../common/api/notifications.js';
import type { ProcessSettingsOut } from '../../../common/api/process.js';
import { PREVIEW_REPORTS_PATH, type ReportsJson } from '../../../common/api/reports.js';
import type { LayoutRow, Property, View } from '../../../common/fields/index.js';
import { api } from './client';
import type { Place } from './place';

export type Revision = { revision: string };

/** The settings document of `preview/app/settings.json`. */
export interface AppSettingsJson {
  name: string;
  description: string;
  icon: { type: 'PRESET'; key: string } | { type: 'FILE'; file: Record<string, string> };
  theme: string;
  titleField: { selectionMode: 'AUTO' | 'MANUAL'; code: string };
  enableThumbnails: boolean;
  enableBulkDeletion: boolean;
  enableComments: boolean;
  enableDuplicateRecord: boolean;
  enableInlineRecordEditing: boolean;
  enableHistory: boolean;
  numberPrecision: { digits: string; decimalPlaces: string; roundingMode: 'HALF_EVEN' | 'UP' | 'DOWN' };
  firstMonthOfFiscalYear: string;
  code: string;
  revision: string;
}

const preview = (name: string) => `/k/v1/preview/${name}.json`;

export function createApp(place: Place, input: { name: string; space?: string; thread?: string }): Promise<{ app: string; revision: string }> {
  return api('POST', place.k('/k/v1/preview/app.json'), { body: input });
}

/** The live app (deployed apps only: a new app answers GAIA_AP01). */
export function getApp(place: Place, id: string): Promise<AppJson> {
  return api('GET', place.k('/k/v1/app.json'), { query: { id } });
}

export function getChanges(place: Place, app: string): Promise<AppChangesJson> {
  return api('GET', place.k(APP_CHANGES_PATH), { query: { app } });
}

export function getSettings(place: Place, app: string): Promise<AppSettingsJson> {
  return api('GET', place.k(preview('app/settings')), { query: { app } });
}

export function putSettings(place: Place, app: string, settings: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(preview('app/settings')), { body: { app, ...settings } });
}

export function getFields(place: Place, app: string): Promise<{ properties: Record<string, Property>; revision: string }> {
  return api('GET', place.k(preview('app/form/fields')), { query: { app } });
}

export function addFields(place: Place, app: string, properties: Record<string, unknown>): Promise<Revision> {
  return api('POST', place.k(preview('app/form/fields')), { body: { app, properties } });
}

export function updateFields(place: Place, app: string, properties: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(preview('app/form/fields')), { body: { app, properties } });
}

export function deleteFields(place: Place, app: string, fields: string[]): Promise<Revision> {
  return api('DELETE', place.k(preview('app/form/fields')), { body: { app, fields } });
}

export function getLayout(place: Place, app: string): Promise<{ layout: LayoutRow[]; revision: string }> {
  return api('GET', place.k(preview('app/form/layout')), { query: { app } });
}

export function putLayout(place: Place, app: string, layout: LayoutRow[]): Promise<Revision> {
  return api('PUT', place.k(preview('app/form/layout')), { body: { app, layout } });
}

export function getViews(place: Place, app: string): Promise<{ views: Record<string, View & { id?: string }>; revision: string }> {
  return api('GET', place.k(preview('app/views')), { query: { app } });
}

export function putViews(place: Place, app: string, views: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(preview('app/views')), { body: { app, views } });
}

export function getAppAcl(place: Place, app: string): Promise<{ rights: AppAclRight[]; revision: string }> {
  return api('GET', place.k(preview('app/acl')), { query: { app } });
}

export function putAppAcl(place: Place, app: string, rights: AppAclRight[]): Promise<Revision> {
  return api('PUT', place.k(preview('app/acl')), { body: { app, rights } });
}

export function getRecordAcl(place: Place, app: string): Promise<{ rights: RecordAclRight[]; revision: string }> {
  return api('GET', place.k(preview('record/acl')), { query: { app } });
}

export function putRecordAcl(place: Place, app: string, rights: RecordAclRight[]): Promise<Revision> {
  return api('PUT', place.k(preview('record/acl')), { body: { app, rights } });
}

export function getFieldAcl(place: Place, app: string): Promise<{ rights: FieldAclRight[]; revision: string }> {
  return api('GET', place.k(preview('field/acl')), { query: { app } });
}

export function putFieldAcl(place: Place, app: string, rights: FieldAclRight[]): Promise<Revision> {
  return api('PUT', place.k(preview('field/acl')), { body: { app, rights } });
}

export function getProcess(place: Place, app: string): Promise<ProcessSettingsOut> {
  return api('GET', place.k(preview('app/status')), { query: { app } });
}

export function putProcess(place: Place, app: string, input: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(preview('app/status')), { body: { app, ...input } });
}

export function getGeneralNotifications(place: Place, app: string): Promise<GeneralNotificationsOut> {
  return api('GET', place.k(preview('app/notifications/general')), { query: { app } });
}

export function putGeneralNotifications(place: Place, app: string, input: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(preview('app/notifications/general')), { body: { app, ...input } });
}

export function getPerRecordNotifications(place: Place, app: string): Promise<PerRecordNotificationsOut> {
  return api('GET', place.k(preview('app/notifications/perRecord')), { query: { app } });
}

export function putPerRecordNotifications(place: Place, app: string, notifications: unknown[]): Promise<Revision> {
  return api('PUT', place.k(preview('app/notifications/perRecord')), { body: { app, notifications } });
}

export function getReminderNotifications(place: Place, app: string): Promise<ReminderNotificationsOut> {
  return api('GET', place.k(preview('app/notifications/reminder')), { query: { app } });
}

export function putReminderNotifications(place: Place, app: string, input: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(preview('app/notifications/reminder')), { body: { app, ...input } });
}

export function getReports(place: Place, app: string): Promise<ReportsJson> {
  return api('GET', place.k(PREVIEW_REPORTS_PATH), { query: { app } });
}

export function putReports(place: Place, app: string, reports: Record<string, unknown>): Promise<Revision> {
  return api('PUT', place.k(PREVIEW_REPORTS_PATH), { body: { app, reports } });
}

/** アプリを更新 (or, with `revert`, 変更を中止). */
export function deploy(place: Place, app: string, revert = false): Promise<Record<string, never>> {
  return api('POST', place.k(preview('app/deploy')), { body: { apps: [{ app }], ...(revert ? { revert: true } : {}) } });
}

export function deployStatus(place: Place, app: string): Promise<{ apps: Array<{ app: string; status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CANCEL' }> }> {
  return api('GET', place.k(preview('app/deploy')), { query: { apps: [app] } });
}

/** Apps a lookup or Related Records may read from (the first page: the server's limit is 100). */
export async function listApps(place: Place): Promise<AppJson[]> {
  const { apps } = await api<{ apps: AppJson[] }>('GET', place.k('/k/v1/apps.json'), { query: { limit: 100 } });
  return apps;
}

/** Another app's live fields, as a lookup or Related Records sees them. */
export function getLiveFields(place: Place, app: string): Promise<{ properties: Record<string, Property>; revision: string }> {
  return api('GET', place.k('/k/v1/app/form/fields.json'), { query: { app } });
}
