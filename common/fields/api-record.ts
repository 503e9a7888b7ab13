// Stored values → the `record` object GET record(s) answers (spec §4.1): every field with its
// type, empty values exactly as kintone writes them, `$id` and `$revision` beside the fields.
import { canonicalDateTime, formatDateTime } from './scalars.js';
import { ENTITY_KIND, type EntityKind, type FieldType, type Property, dict, isObject } from './types.js';
import type { StoredFile, StoredRow, StoredValue } from './value-types.js';

export type ApiField = { type: FieldType | '__ID__' | '__REVISION__'; value: unknown };

export type ApiRecordExtras = {
  id: string;
  revision: string;
  /** As shown: `"12"`, or `"CODE-12"` when the app has a code. */
  recordNumber: string;
  creator: string;
  createdAt: Date | string;
  modifier: string;
  updatedAt: Date | string;
  /** Display name of a user, department or group; undefined when it no longer exists. */
  names: (kind: EntityKind, code: string) => string | undefined;
  /** GET `fields[]`: only these codes, and `$id`/`$revision` only when listed. */
  fieldsFilter?: string[];
};

// Not record values: containers and the list of another app's records.
const NO_VALUE: ReadonlySet<FieldType> = new Set(['GROUP', 'REFERENCE_TABLE']);
// Present only while the app uses them (kintone omits STATUS when process management is off).
const SWITCHED: ReadonlySet<FieldType> = new Set(['CATEGORY', 'STATUS', 'STATUS_ASSIGNEE']);

export function toApiRecord(
  fields: Record<string, Property>,
  stored: Record<string, StoredValue>,
  extras: ApiRecordExtras,
): Record<string, ApiField> {
  const wanted = extras.fieldsFilter ? new Set(extras.fieldsFilter) : undefined;
  const out = dict<ApiField>();
  for (const p of Object.values(fields)) {
    if (NO_VALUE.has(p.type) || (SWITCHED.has(p.type) && p.enabled !== true)) continue;
    if (wanted && !wanted.has(p.code)) continue;
    out[p.code] = { type: p.type, value: apiValue(p, stored[p.code], extras) };
  }
  if (!wanted || wanted.has('$id')) out.$id = { type: '__ID__', value: extras.id };
  if (!wanted || wanted.has('$revision')) out.$revision = { type: '__REVISION__', value: extras.revision };
  return out;
}

/** An instant at minute precision, `YYYY-MM-DDTHH:MM:00Z`. */
function minute(at: Date | string): string {
  return (typeof at === 'string' ? canonicalDateTime(at) : formatDateTime(at)) ?? '';
}

function entity(kind: EntityKind, code: string, extras: ApiRecordExtras): { code: string; name: string } {
  // A deleted user keeps appearing in old records; without a name left, show the code.
  return { code, name: extras.names(kind, code) ?? code };
}

function apiValue(p: Property, v: StoredValue | undefined, extras: ApiRecordExtras): unknown {
  switch (p.type) {
    case 'RECORD_NUMBER':
      return extras.recordNumber;
    case 'CREATOR':
      return entity('user', extras.creator, extras);
    case 'MODIFIER':
      return entity('user', extras.modifier, extras);
    case 'CREATED_TIME':
      return minute(extras.createdAt);
    case 'UPDATED_TIME':
      return minute(extras.updatedAt);
    case 'DATE':
    case 'TIME':
    case 'RADIO_BUTTON':
    case 'DROP_DOWN':
    case 'STATUS':
      return typeof v === 'string' && v !== '' ? v : null;
    case 'DATETIME':
      return typeof v === 'string' ? v : '';
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'CATEGORY':
      return Array.isArray(v) ? [...(v as string[])] : [];
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE': {
      const kind = ENTITY_KIND[p.type]!;
      return Array.isArray(v) ? (v as { code: string }[]).map((e) => entity(kind, e.code, extras)) : [];
    }
    case 'FILE':
      return Array.isArray(v)
        ? (v as StoredFile[]).map((f) => ({ contentType: f.contentType, fileKey: f.fileKey, name: f.name, size: f.size }))
        : [];
    case 'SUBTABLE':
      return Array.isArray(v) ? (v as StoredRow[]).map((row) => apiRow(p, row, extras)) : [];
    default:
      return typeof v === 'string' ? v : '';
  }
}

function apiRow(table: Property, row: StoredRow, extras: ApiRecordExtras): { id: string; value: Record<string, ApiField> } {
  const inner = isObject(table.fields) ? (table.fields as Record<string, Property>) : {};
  const value = dict<ApiField>();
  for (const q of Object.values(inner)) value[q.code] = { type: q.type, value: apiValue(q, row.value[q.code], extras) };
  return { id: row.id, value };
}
