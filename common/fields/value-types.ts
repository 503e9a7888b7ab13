// What the server keeps per field in a record's JSON column: compact canonical forms, so equal
// values compare equal and a value read back and written again stores the same thing.
import type { EntityKind, FieldType, Property } from './types.js';

/** A selected user, department or group. Display names are looked up when a record is read. */
export type StoredEntity = { code: string };

/** An attached file. Server-owned: a write only names files by key. */
export type StoredFile = { fileKey: string; name: string; contentType: string; size: string };

export type StoredRow = { id: string; value: Record<string, StoredValue> };

/**
 * Per type: texts, NUMBER (canonical decimal, '' when empty) and CALC → string; DATE
 * `YYYY-MM-DD`, TIME `HH:MM`, DATETIME `YYYY-MM-DDTHH:MM:00Z`, RADIO_BUTTON, DROP_DOWN and
 * STATUS → string | null; CHECK_BOX, MULTI_SELECT (option order) and CATEGORY → string[];
 * USER/ORGANIZATION/GROUP_SELECT and STATUS_ASSIGNEE → StoredEntity[]; FILE → StoredFile[];
 * SUBTABLE → StoredRow[].
 */
export type StoredValue = string | null | string[] | StoredEntity[] | StoredFile[] | StoredRow[];

export type EntityCodes = Record<EntityKind, Set<string>>;

/** Placeholder kept for a file named by an upload key until the server resolves the key. */
export function pendingUpload(fileKey: string): StoredFile {
  return { fileKey, name: '', contentType: '', size: '0' };
}

export function emptyValue(type: FieldType): StoredValue {
  switch (type) {
    case 'DATE':
    case 'TIME':
    case 'DATETIME':
    case 'RADIO_BUTTON':
    case 'DROP_DOWN':
    case 'STATUS':
      return null;
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'CATEGORY':
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE':
    case 'FILE':
    case 'SUBTABLE':
      return [];
    default:
      return '';
  }
}

// Texts are empty when blank: kintone's required check and `is empty` both ignore whitespace.
export function isEmptyValue(type: FieldType, v: StoredValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return type === 'NUMBER' ? v === '' : v.trim() === '';
}

/** Where kintone reports a record field that is required but empty. */
export function requiredKey(prefix: string, p: Property): string {
  switch (p.type) {
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'FILE':
      return `${prefix}.${p.code}.values`;
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
      return `${prefix}.${p.code}.values.value`;
    default:
      return `${prefix}.${p.code}.value`;
  }
}
