// What each input of the form holds, and the conversions between that, a record as GET
// record.json answers it, a field's default, and the value a write sends. Pure: no React.
import type { ApiField, Property } from '../../../../../common/fields/index.js';
import { isInputType } from '../../../../../common/fields/types.js';
import { defaultValue } from '../../../../../common/fields/value-defaults.js';
import { localInputToUtc, utcToLocalInput } from './zoned';

export interface EntityValue {
  code: string;
  name: string;
}

export interface FileItem {
  /** The item's own key in the list (stable while it uploads). */
  key: string;
  /** A stored file's key, or the upload key once the upload finished; null while it uploads. */
  fileKey: string | null;
  name: string;
  size: string;
  contentType: string;
  state: 'stored' | 'uploading' | 'uploaded' | 'failed';
  /** 0…1 while uploading. */
  progress: number;
  error?: string;
  /** A local object URL of a new image, for its preview. */
  previewUrl?: string;
}

export interface RowValue {
  key: string;
  /** The row's id on the server; null for a row added here. */
  id: string | null;
  value: Values;
}

export type FormValue = string | string[] | EntityValue[] | FileItem[] | RowValue[];
export type Values = Record<string, FormValue>;

export interface ValueContext {
  timeZone: string;
  now: Date;
  user: { code: string; name: string };
}

let counter = 0;
export function localKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

const LISTS = new Set(['CHECK_BOX', 'MULTI_SELECT', 'CATEGORY']);
const ENTITIES = new Set(['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'CREATOR', 'MODIFIER', 'STATUS_ASSIGNEE']);

/** Fields that hold a value of a record (not groups, related records, labels). */
export function holdsValue(p: Property): boolean {
  return p.type !== 'GROUP' && p.type !== 'REFERENCE_TABLE';
}

export function innerFields(p: Property): Property[] {
  return p.type === 'SUBTABLE' && p.fields && typeof p.fields === 'object' ? Object.values(p.fields as Record<string, Property>) : [];
}

export function emptyFormValue(p: Property): FormValue {
  if (p.type === 'SUBTABLE' || p.type === 'FILE' || LISTS.has(p.type) || ENTITIES.has(p.type)) return [];
  return '';
}

export function defaultFormValue(p: Property, ctx: ValueContext): FormValue {
  if (p.type === 'SUBTABLE') return [newRow(p, ctx)];
  const stored = defaultValue(p, { now: ctx.now, timeZone: ctx.timeZone, actor: { user: ctx.user.code } });
  if (p.type === 'DATETIME') return utcToLocalInput(typeof stored === 'string' ? stored : '', ctx.timeZone);
  if (ENTITIES.has(p.type)) {
    return (Array.isArray(stored) ? (stored as Array<{ code: string }>) : []).map((e) => ({ code: e.code, name: e.code === ctx.user.code ? ctx.user.name : e.code }));
  }
  if (stored === null || stored === undefined) return emptyFormValue(p);
  return stored as FormValue;
}

/** A new table row with each column's default. */
export function newRow(table: Property, ctx: ValueContext): RowValue {
  const value: Values = {};
  for (const q of innerFields(table)) value[q.code] = defaultFormValue(q, ctx);
  return { key: localKey('r'), id: null, value };
}

function fileItems(v: unknown): FileItem[] {
  if (!Array.isArray(v)) return [];
  return (v as Array<{ fileKey: string; name: string; size: string; contentType: string }>).map((f) => ({
    key: localKey('f'),
    fileKey: f.fileKey,
    name: f.name,
    size: String(f.size ?? ''),
    contentType: f.contentType ?? '',
    state: 'stored',
    progress: 1,
  }));
}

/** A field of a record as GET record.json answers it → what its input holds. */
export function fromApi(p: Property, field: ApiField | undefined, ctx: Pick<ValueContext, 'timeZone'>): FormValue {
  const v = field?.value;
  if (v === undefined) return emptyFormValue(p);
  if (p.type === 'SUBTABLE') {
    const inner = innerFields(p);
    return (Array.isArray(v) ? (v as Array<{ id: string; value: Record<string, ApiField> }>) : []).map((row) => {
      const value: Values = {};
      for (const q of inner) value[q.code] = fromApi(q, row.value?.[q.code], ctx);
      return { key: localKey('r'), id: String(row.id), value };
    });
  }
  if (p.type === 'FILE') return fileItems(v);
  if (p.type === 'DATETIME' || p.type === 'CREATED_TIME' || p.type === 'UPDATED_TIME') return utcToLocalInput(typeof v === 'string' ? v : '', ctx.timeZone);
  if (ENTITIES.has(p.type)) {
    const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
    return (list as Array<{ code: string; name?: string }>).map((e) => ({ code: e.code, name: e.name || e.code }));
  }
  if (LISTS.has(p.type)) return Array.isArray(v) ? (v as string[]).map(String) : [];
  if (v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

/**
 * A value copied from another app's field (a lookup) into a field of this form: same shapes
 * where the types agree; anything else as text.
 */
export function copyFromApi(target: Property, field: ApiField | undefined, ctx: Pick<ValueContext, 'timeZone'>): FormValue {
  if (!field) return emptyFormValue(target);
  const sourceType = field.type;
  if (ENTITIES.has(target.type) || LISTS.has(target.type) || target.type === 'DATETIME') return fromApi(target, { type: sourceType, value: field.value } as ApiField, ctx);
  const v = field.value;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? String((x as { name?: string }).name ?? '') : String(x))).join(', ');
  if (typeof v === 'object') return String((v as { name?: string }).name ?? '');
  return String(v);
}

/** What a write sends for one input (undefined: the field cannot be sent as it is). */
export function toApi(p: Property, v: FormValue, ctx: Pick<ValueContext, 'timeZone'>): unknown {
  switch (p.type) {
    case 'SUBTABLE':
      return (v as RowValue[]).map((row) => {
        const value: Record<string, { value: unknown }> = {};
        for (const q of innerFields(p)) {
          if (!isSendable(q)) continue;
          value[q.code] = { value: toApi(q, row.value[q.code] ?? emptyFormValue(q), ctx) };
        }
        return row.id ? { id: row.id, value } : { value };
      });
    case 'FILE':
      return (v as FileItem[]).filter((f) => f.fileKey).map((f) => ({ fileKey: f.fileKey }));
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
      return (v as EntityValue[]).map((e) => ({ code: e.code }));
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
      return v as string[];
    case 'DATETIME': {
      const s = v as string;
      if (s.trim() === '') return '';
      // Junk goes as typed, so the server names the problem next to the field.
      return localInputToUtc(s, ctx.timeZone) ?? s;
    }
    default:
      return v as string;
  }
}

/** Auto-calculated text (a text field with a formula) is computed by the server like CALC. */
export function isAutoCalculated(p: Property): boolean {
  return p.type === 'SINGLE_LINE_TEXT' && typeof p.expression === 'string' && p.expression !== '';
}

export function isSendable(p: Property): boolean {
  // Types a record write may set at all (CALC, system fields, groups are the server's).
  return isInputType(p.type) && !isAutoCalculated(p);
}

export function isLookup(p: Property): boolean {
  return (p.type === 'SINGLE_LINE_TEXT' || p.type === 'NUMBER') && !!p.lookup && typeof p.lookup === 'object';
}

/** Codes filled by lookups (anywhere in the form): shown read-only, never sent. */
export function lookupTargets(properties: Record<string, Property>): Set<string> {
  const out = new Set<string>();
  const visit = (props: Property[]) => {
    for (const p of props) {
      if (isLookup(p)) for (const m of (p.lookup as { fieldMappings?: Array<{ field: string }> }).fieldMappings ?? []) out.add(m.field);
      if (p.type === 'SUBTABLE') visit(innerFields(p));
    }
  };
  visit(Object.values(properties));
  return out;
}

function sameFile(a: FileItem[], b: FileItem[]): boolean {
  return a.length === b.length && a.every((f, i) => f.fileKey === b[i]!.fileKey && f.state === b[i]!.state);
}

/** Whether two inputs hold the same value (row and file keys aside). */
export function sameValue(p: Property, a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (p.type === 'FILE') return sameFile(a as FileItem[], b as FileItem[]);
  if (p.type === 'SUBTABLE') {
    const ra = a as RowValue[];
    const rb = b as RowValue[];
    return ra.length === rb.length && ra.every((row, i) => row.id === rb[i]!.id && innerFields(p).every((q) => sameValue(q, row.value[q.code], rb[i]!.value[q.code])));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = (x: unknown) => (typeof x === 'string' ? x : (x as EntityValue).code);
    return a.length === b.length && a.every((x, i) => key(x) === key(b[i]));
  }
  return a === b;
}

export interface PayloadOptions {
  /** Fields to leave out: lookup copies, fields the person may not edit. */
  skip: ReadonlySet<string>;
  /** Only fields whose value differs from this one are sent (the server keeps or defaults the rest). */
  baseline: Values;
}

/**
 * The `record` of a write: each sendable top-level field whose value changed. A table is sent
 * whole (rows by id: rows left out are removed), as PUT record.json merges it.
 */
export function buildPayload(properties: Record<string, Property>, values: Values, ctx: Pick<ValueContext, 'timeZone'>, options: PayloadOptions): Record<string, { value: unknown }> {
  const out: Record<string, { value: unknown }> = {};
  for (const p of Object.values(properties)) {
    if (!isSendable(p) || options.skip.has(p.code)) continue;
    const v = values[p.code];
    if (v === undefined || sameValue(p, v, options.baseline[p.code])) continue;
    out[p.code] = { value: toApi(p, v, ctx) };
  }
  return out;
}

/** Whether any file of the form is still on its way up (or failed). */
export function pendingUploads(properties: Record<string, Property>, values: Values): boolean {
  const busy = (p: Property, v: FormValue | undefined): boolean => {
    if (p.type === 'FILE') return ((v as FileItem[] | undefined) ?? []).some((f) => f.state === 'uploading');
    if (p.type === 'SUBTABLE') return ((v as RowValue[] | undefined) ?? []).some((row) => innerFields(p).some((q) => busy(q, row.value[q.code])));
    return false;
  };
  return Object.values(properties).some((p) => busy(p, values[p.code]));
}

/** The form's first values: defaults for a new record, or a record's (edit, duplicate). */
export function initialValues(properties: Record<string, Property>, ctx: ValueContext, record?: Record<string, ApiField>): Values {
  const out: Values = {};
  for (const p of Object.values(properties)) {
    if (!holdsValue(p)) continue;
    out[p.code] = record ? fromApi(p, record[p.code], ctx) : defaultFormValue(p, ctx);
  }
  return out;
}

/**
 * A duplicate (kintone's 再利用する) starts from another record's values: fields a person types,
 * not its files (uploads belong to one record) nor what the server computes. Table rows become
 * new rows.
 */
export function duplicateValues(properties: Record<string, Property>, ctx: ValueContext, source: Record<string, ApiField>): Values {
  const defaults = initialValues(properties, ctx);
  const copied = initialValues(properties, ctx, source);
  const out: Values = { ...defaults };
  for (const p of Object.values(properties)) {
    if (!isSendable(p) || p.type === 'FILE') continue;
    if (p.type === 'SUBTABLE') {
      out[p.code] = (copied[p.code] as RowValue[]).map((row) => {
        const value: Values = { ...row.value };
        for (const q of innerFields(p)) if (q.type === 'FILE') value[q.code] = [];
        return { key: localKey('r'), id: null, value };
      });
    } else out[p.code] = copied[p.code]!;
  }
  return out;
}
