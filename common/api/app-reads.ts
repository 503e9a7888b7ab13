// What kintone's app read calls answer (`app/settings.json`, `app/form/fields.json`,
// `app/form/layout.json`, `app/views.json`, live and preview), as shapes the web client and the
// tests share. The server builds them from the app's definition (server/domain/apps/).
import type { LayoutRow, Property, View } from '../fields/index.js';

export const APP_PATH = '/k/v1/app.json';
export const APP_SETTINGS_PATH = '/k/v1/app/settings.json';
export const FORM_FIELDS_PATH = '/k/v1/app/form/fields.json';
export const FORM_LAYOUT_PATH = '/k/v1/app/form/layout.json';
export const VIEWS_PATH = '/k/v1/app/views.json';

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

export interface FormFieldsJson {
  properties: Record<string, Property>;
  revision: string;
}

export interface FormLayoutJson {
  layout: LayoutRow[];
  revision: string;
}

/** A view as answered: `id` is the view's stable id; LIST views list `fields`, CALENDAR ones `date` and `title`. */
export type ViewJson = View & {
  id: string;
  filterCond: string;
  sort: string;
  fields?: string[];
  date?: string;
  title?: string;
  builtinType?: string;
};

export interface ViewsJson {
  views: Record<string, ViewJson>;
  revision: string;
}
