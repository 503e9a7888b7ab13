// An app as its record screens read it: the app, its settings, form fields, layout, views,
// graphs and process settings, and the caller's own rights on it. Every call goes through the
// page's place (a guest space's apps answer only under its path).
import type { AppRightsJson } from '../../../common/api/record-actions.js';
import { APP_RIGHTS_PATH } from '../../../common/api/record-actions.js';
import type { AppSettingsJson, FormFieldsJson, FormLayoutJson, ViewsJson } from '../../../common/api/app-reads.js';
import { APP_PATH, APP_SETTINGS_PATH, FORM_FIELDS_PATH, FORM_LAYOUT_PATH, VIEWS_PATH } from '../../../common/api/app-reads.js';
import type { AppJson } from '../../../common/api/apps.js';
import type { ProcessSettingsOut } from '../../../common/api/process.js';
import type { ReportsJson } from '../../../common/api/reports.js';
import { REPORTS_PATH } from '../../../common/api/reports.js';
import type { Place } from './place';
import { api } from './client';

export const getApp = (place: Place, app: string) => api<AppJson>('GET', place.k(APP_PATH), { query: { id: app } });

export const getAppSettings = (place: Place, app: string) => api<AppSettingsJson>('GET', place.k(APP_SETTINGS_PATH), { query: { app } });

export const getFormFields = (place: Place, app: string) => api<FormFieldsJson>('GET', place.k(FORM_FIELDS_PATH), { query: { app } });

export const getFormLayout = (place: Place, app: string) => api<FormLayoutJson>('GET', place.k(FORM_LAYOUT_PATH), { query: { app } });

export const getViews = (place: Place, app: string) => api<ViewsJson>('GET', place.k(VIEWS_PATH), { query: { app } });

export const getReports = (place: Place, app: string) => api<ReportsJson>('GET', place.k(REPORTS_PATH), { query: { app } });

export const getProcessSettings = (place: Place, app: string) => api<ProcessSettingsOut>('GET', place.k('/k/v1/app/status.json'), { query: { app } });

/** What the caller may do on the app (add, export, delete…), as the server decides it. */
export const getAppRights = (place: Place, app: string) => api<AppRightsJson>('GET', place.k(APP_RIGHTS_PATH), { query: { app } }).then((r) => r.rights);
