// An app's definition: everything the settings screens edit. One document per stage (preview
// and live); deploy copies preview onto live. Fields carry a stable internal id beside their
// code, so renaming a field code never touches record data and a field deleted and re-created
// under the same code never resurrects old values.
import type { Locale } from '../../../common/access.js';
import type { AppAclRight, FieldAclRight, RecordAclRight } from '../../../common/api/acl.js';
import { defaultAppAcl } from '../../policy/app-rights.js';
import { type Property, newAppSystemFields } from '../../../common/fields/index.js';
import type { ProcessSettings } from '../process/model.js';
import type { NotificationSettings } from '../notifications/settings-model.js';
import type { Report } from '../../../common/reports/definition.js';

export interface AppSettings {
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
  /** Record history (domain/history/): absent in documents saved before it existed, meaning on. */
  enableHistory?: boolean;
  numberPrecision: { digits: string; decimalPlaces: string; roundingMode: 'HALF_EVEN' | 'UP' | 'DOWN' };
  firstMonthOfFiscalYear: string;
}

export interface AppDefinition {
  /** App code, deployed with the rest ('' when unset). */
  code: string;
  settings: AppSettings;
  fields: Record<string, Property>;
  /** Field code → internal id (`f1`, `f2`…) under which record data is stored. */
  fieldIds: Record<string, string>;
  nextFieldId: number;
  /** null until someone saves a layout: the default layout follows the fields. */
  layout: unknown[] | null;
  views: Record<string, Record<string, unknown>>;
  nextViewId: number;
  /** app/acl.json rows; absent in documents saved before permissions existed (= the defaults). */
  appAcl?: AppAclRight[];
  /** record/acl.json conditions; none: every record follows the app rights. */
  recordAcl?: RecordAclRight[];
  /** field/acl.json; a field not listed follows the record rights. */
  fieldAcl?: FieldAclRight[];
  /** app/status.json (process management); absent until first configured. */
  process?: ProcessSettings;
  /** app/notifications/*.json; absent until first saved (kintone's defaults: notifications/settings-model.ts). */
  notifications?: NotificationSettings;
  /** app/reports.json (graphs), by name; absent in documents saved before graphs existed (= none). */
  reports?: Record<string, Report>;
  nextReportId?: number;
}

export function appAclOf(def: AppDefinition): AppAclRight[] {
  return def.appAcl ?? defaultAppAcl();
}

export function defaultSettings(name: string, description = ''): AppSettings {
  return {
    name,
    description,
    icon: { type: 'PRESET', key: 'APP72' },
    theme: 'WHITE',
    titleField: { selectionMode: 'AUTO', code: '' },
    enableThumbnails: true,
    enableBulkDeletion: false,
    enableComments: true,
    enableDuplicateRecord: true,
    enableInlineRecordEditing: true,
    enableHistory: true,
    numberPrecision: { digits: '16', decimalPlaces: '4', roundingMode: 'HALF_EVEN' },
    firstMonthOfFiscalYear: '4',
  };
}

export function newDefinition(name: string, locale: Locale): AppDefinition {
  const def: AppDefinition = {
    code: '',
    settings: defaultSettings(name),
    fields: {},
    fieldIds: {},
    nextFieldId: 1,
    layout: null,
    views: {},
    nextViewId: 1,
    appAcl: defaultAppAcl(),
    recordAcl: [],
    fieldAcl: [],
  };
  def.fields = newAppSystemFields(locale);
  syncFieldIds(def);
  return def;
}

/** Every field code of an app, including the columns inside subtables (codes are app-wide). */
export function allFieldCodes(fields: Record<string, Property>): string[] {
  const codes: string[] = [];
  for (const [code, p] of Object.entries(fields)) {
    codes.push(code);
    if (p.type === 'SUBTABLE' && p.fields && typeof p.fields === 'object') codes.push(...Object.keys(p.fields));
  }
  return codes;
}

/** New fields get a fresh internal id; ids of fields that no longer exist are dropped. */
export function syncFieldIds(def: AppDefinition): void {
  const codes = allFieldCodes(def.fields);
  const keep = new Set(codes);
  for (const code of Object.keys(def.fieldIds)) if (!keep.has(code)) delete def.fieldIds[code];
  for (const code of codes) if (!def.fieldIds[code]) def.fieldIds[code] = `f${def.nextFieldId++}`;
}

/** Moves a field's internal id to its new code, so its data follows the rename. */
export function carryFieldId(def: AppDefinition, from: string, to: string): void {
  const id = def.fieldIds[from];
  if (!id) return;
  delete def.fieldIds[from];
  def.fieldIds[to] = id;
}

/** Deep copy through JSON: definitions are plain data. */
export function cloneDefinition(def: AppDefinition): AppDefinition {
  return JSON.parse(JSON.stringify(def)) as AppDefinition;
}
