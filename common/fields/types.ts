// kintone's field types and the facts about each that the rest of the module branches on.
// Tables rather than switch statements, so adding a type is one line per fact.

export const FIELD_TYPES = [
  'SINGLE_LINE_TEXT',
  'MULTI_LINE_TEXT',
  'RICH_TEXT',
  'NUMBER',
  'CALC',
  'RADIO_BUTTON',
  'CHECK_BOX',
  'MULTI_SELECT',
  'DROP_DOWN',
  'DATE',
  'TIME',
  'DATETIME',
  'LINK',
  'FILE',
  'USER_SELECT',
  'ORGANIZATION_SELECT',
  'GROUP_SELECT',
  'REFERENCE_TABLE',
  'SUBTABLE',
  'GROUP',
  'RECORD_NUMBER',
  'CREATOR',
  'CREATED_TIME',
  'MODIFIER',
  'UPDATED_TIME',
  'CATEGORY',
  'STATUS',
  'STATUS_ASSIGNEE',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * A field definition exactly as `app/form/fields` returns it. `noLabel` is absent only on
 * CATEGORY, STATUS and STATUS_ASSIGNEE, which kintone returns with `enabled` instead.
 */
export type Property = {
  type: FieldType;
  code: string;
  label: string;
  noLabel?: boolean;
  [k: string]: unknown;
};

const SYSTEM_TYPES: ReadonlySet<FieldType> = new Set([
  'RECORD_NUMBER',
  'CREATOR',
  'CREATED_TIME',
  'MODIFIER',
  'UPDATED_TIME',
  'CATEGORY',
  'STATUS',
  'STATUS_ASSIGNEE',
]);

/** Types whose value a record write may set (CALC and the system fields are computed). */
const INPUT_TYPES: ReadonlySet<FieldType> = new Set([
  'SINGLE_LINE_TEXT',
  'MULTI_LINE_TEXT',
  'RICH_TEXT',
  'NUMBER',
  'RADIO_BUTTON',
  'CHECK_BOX',
  'MULTI_SELECT',
  'DROP_DOWN',
  'DATE',
  'TIME',
  'DATETIME',
  'LINK',
  'FILE',
  'USER_SELECT',
  'ORGANIZATION_SELECT',
  'GROUP_SELECT',
  'SUBTABLE',
]);

const UNIQUE_TYPES: ReadonlySet<FieldType> = new Set(['SINGLE_LINE_TEXT', 'NUMBER', 'LINK', 'DATE', 'DATETIME']);

/** SUBTABLE, GROUP and REFERENCE_TABLE hold no value of their own, so have no `required`. */
const REQUIRED_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([...INPUT_TYPES, 'CALC' as const].filter((t) => t !== 'SUBTABLE'));

/** What a table may contain (js-sdk `FieldPropertyInSubtable`); lookups are SLT/NUMBER. */
export const SUBTABLE_INNER_TYPES: ReadonlySet<FieldType> = new Set([
  'SINGLE_LINE_TEXT',
  'NUMBER',
  'CALC',
  'MULTI_LINE_TEXT',
  'RICH_TEXT',
  'LINK',
  'CHECK_BOX',
  'RADIO_BUTTON',
  'DROP_DOWN',
  'MULTI_SELECT',
  'FILE',
  'DATE',
  'TIME',
  'DATETIME',
  'USER_SELECT',
  'ORGANIZATION_SELECT',
  'GROUP_SELECT',
]);

export const OPTION_TYPES: ReadonlySet<FieldType> = new Set(['RADIO_BUTTON', 'CHECK_BOX', 'MULTI_SELECT', 'DROP_DOWN']);

export type EntityKind = 'user' | 'organization' | 'group';

/** Entity-selection types and the directory each one draws from. */
export const ENTITY_KIND: Partial<Record<FieldType, EntityKind>> = {
  USER_SELECT: 'user',
  ORGANIZATION_SELECT: 'organization',
  GROUP_SELECT: 'group',
  STATUS_ASSIGNEE: 'user',
  CREATOR: 'user',
  MODIFIER: 'user',
};

export function isFieldType(t: unknown): t is FieldType {
  return typeof t === 'string' && (FIELD_TYPES as readonly string[]).includes(t);
}

export function isSystemType(t: FieldType): boolean {
  return SYSTEM_TYPES.has(t);
}

/** User-writable through the record APIs (before the per-field exceptions: lookups, auto-calc text). */
export function isInputType(t: FieldType): boolean {
  return INPUT_TYPES.has(t);
}

export function isUniqueCapable(t: FieldType): boolean {
  return UNIQUE_TYPES.has(t);
}

export function hasRequired(t: FieldType): boolean {
  return REQUIRED_TYPES.has(t);
}

/** A null-prototype map: keys such as `__proto__` are plain data in it (security.md X10). */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own enumerable entries only; inherited keys of a hostile object never count. */
export function ownEntries(v: Record<string, unknown>): [string, unknown][] {
  return Object.keys(v).map((k) => [k, v[k]]);
}

export function hasOwn(v: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(v, key);
}

/** Codes of every field a write may not set although its type is an input type. */
export function nonWritableCodes(fields: Record<string, Property>): Set<string> {
  const out = new Set<string>();
  const visit = (props: Record<string, Property>) => {
    for (const p of Object.values(props)) {
      const lookup = p.lookup;
      if (isObject(lookup) && Array.isArray(lookup.fieldMappings)) {
        for (const m of lookup.fieldMappings) if (isObject(m) && typeof m.field === 'string') out.add(m.field);
      }
      if (p.type === 'SINGLE_LINE_TEXT' && typeof p.expression === 'string' && p.expression !== '') out.add(p.code);
      if (p.type === 'SUBTABLE' && isObject(p.fields)) visit(p.fields as Record<string, Property>);
    }
  };
  visit(fields);
  return out;
}
