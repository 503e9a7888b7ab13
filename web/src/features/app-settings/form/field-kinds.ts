// The palette: which kinds of field a form can take, what a new one starts as, and a field code
// no other field of the app has. Pure.
import type { Property } from '../../../../../common/fields/index.js';
import { SUBTABLE_INNER_TYPES } from '../../../../../common/fields/types.js';
import type { PaletteType } from './form-strings';

/** Palette order, as kintone lists it. LABEL, SPACER and HR are layout elements, not fields. */
export const PALETTE: readonly PaletteType[] = [
  'LABEL',
  'SINGLE_LINE_TEXT',
  'RICH_TEXT',
  'MULTI_LINE_TEXT',
  'NUMBER',
  'CALC',
  'RADIO_BUTTON',
  'CHECK_BOX',
  'MULTI_SELECT',
  'DROP_DOWN',
  'DATE',
  'TIME',
  'DATETIME',
  'FILE',
  'LINK',
  'USER_SELECT',
  'ORGANIZATION_SELECT',
  'GROUP_SELECT',
  'REFERENCE_TABLE',
  'LOOKUP',
  'SPACER',
  'HR',
  'GROUP',
  'SUBTABLE',
];

export const DECORATIONS: ReadonlySet<string> = new Set(['LABEL', 'SPACER', 'HR']);

/** Types a table column may be (kintone's own list; lookups are text or number). */
export const COLUMN_TYPES: readonly PaletteType[] = [...SUBTABLE_INNER_TYPES] as PaletteType[];

const CODE_BASE: Partial<Record<PaletteType, string>> = {
  SINGLE_LINE_TEXT: 'Text',
  RICH_TEXT: 'Rich_text',
  MULTI_LINE_TEXT: 'Text_area',
  NUMBER: 'Number',
  CALC: 'Calculated',
  RADIO_BUTTON: 'Radio_button',
  CHECK_BOX: 'Check_box',
  MULTI_SELECT: 'Multi_choice',
  DROP_DOWN: 'Drop_down',
  DATE: 'Date',
  TIME: 'Time',
  DATETIME: 'Date_and_time',
  FILE: 'Attachment',
  LINK: 'Link',
  USER_SELECT: 'User_selection',
  ORGANIZATION_SELECT: 'Department_selection',
  GROUP_SELECT: 'Group_selection',
  REFERENCE_TABLE: 'Related_records',
  LOOKUP: 'Lookup',
  GROUP: 'Field_group',
  SUBTABLE: 'Table',
};

/** Every code the app uses, table columns included (codes are app-wide). */
export function allCodes(fields: Record<string, Property>): Set<string> {
  const out = new Set<string>();
  for (const p of Object.values(fields)) {
    out.add(p.code);
    if (p.type === 'SUBTABLE') for (const q of Object.values((p.fields as Record<string, Property> | undefined) ?? {})) out.add(q.code);
  }
  return out;
}

/** `Text`, then `Text_2`, `Text_3`… whichever is free. */
export function freeCode(type: PaletteType, taken: ReadonlySet<string>): string {
  const base = CODE_BASE[type] ?? 'Field';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A new field as the settings dialog first shows it; the server fills in every other default. */
export function newProperty(type: PaletteType, code: string, label: string): Property {
  const apiType = type === 'LOOKUP' ? 'SINGLE_LINE_TEXT' : type;
  const p: Property = { type: apiType as Property['type'], code, label };
  if (type === 'RADIO_BUTTON' || type === 'CHECK_BOX' || type === 'MULTI_SELECT' || type === 'DROP_DOWN') {
    p.options = { sample1: { label: 'sample1', index: '0' }, sample2: { label: 'sample2', index: '1' } };
    if (type === 'RADIO_BUTTON') p.defaultValue = 'sample1';
  }
  if (type === 'CALC') p.expression = '';
  if (type === 'LOOKUP') p.lookup = { relatedApp: { app: '', code: '' }, relatedKeyField: '', fieldMappings: [], lookupPickerFields: [], filterCond: '', sort: '' };
  if (type === 'REFERENCE_TABLE')
    p.referenceTable = { relatedApp: { app: '', code: '' }, condition: { field: '', relatedField: '' }, filterCond: '', displayFields: [], sort: '', size: '5' };
  if (type === 'SUBTABLE') p.fields = {};
  return p;
}

/** The palette kind of a saved field (a text or number with `lookup` is a Lookup). */
export function kindOf(p: Property): PaletteType {
  if ((p.type === 'SINGLE_LINE_TEXT' || p.type === 'NUMBER') && p.lookup) return 'LOOKUP';
  return p.type as PaletteType;
}
