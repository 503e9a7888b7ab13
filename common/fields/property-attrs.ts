// The simple attributes of each field type and the defaults kintone fills in when an add leaves
// them out. Numeric attributes travel as strings, as kintone answers them ("maxLength":"10").
import type { FieldType } from './types.js';
import { canonicalNumber } from './scalars.js';
import type { ProblemSink } from './problems.js';

export type Attr =
  | { kind: 'bool'; def: boolean }
  | { kind: 'int'; def: string; max: number }
  | { kind: 'decimal' }
  | { kind: 'enum'; values: readonly string[]; def: string }
  | { kind: 'text'; def: string; max: number };

const bool = (def = false): Attr => ({ kind: 'bool', def });
const int = (max: number): Attr => ({ kind: 'int', def: '', max });
const decimal: Attr = { kind: 'decimal' };
const oneOf = (values: readonly string[], def: string): Attr => ({ kind: 'enum', values, def });
const text = (max = 64_000): Attr => ({ kind: 'text', def: '', max });

const UNIT_POSITION = oneOf(['BEFORE', 'AFTER'], 'BEFORE');
const ALIGN = oneOf(['HORIZONTAL', 'VERTICAL'], 'HORIZONTAL');
const LENGTH = int(1_000_000);
const SCALE = int(10);
const CALC_FORMATS = ['NUMBER', 'NUMBER_DIGIT', 'DATETIME', 'DATE', 'TIME', 'HOUR_MINUTE', 'DAY_HOUR_MINUTE'];

/**
 * Attributes parsed generically, per type. `required` and `unique` are included where the type
 * has them; defaultValue, options, entities, lookup, referenceTable and fields are handled by
 * their own parsers (property-values.ts, property-refs.ts).
 */
export const SIMPLE_ATTRS: Record<FieldType, Record<string, Attr>> = {
  SINGLE_LINE_TEXT: {
    required: bool(),
    unique: bool(),
    minLength: LENGTH,
    maxLength: LENGTH,
    expression: text(),
    hideExpression: bool(),
  },
  NUMBER: {
    required: bool(),
    unique: bool(),
    minValue: decimal,
    maxValue: decimal,
    digit: bool(),
    displayScale: SCALE,
    unit: text(100),
    unitPosition: UNIT_POSITION,
  },
  CALC: {
    required: bool(),
    expression: text(),
    hideExpression: bool(),
    format: oneOf(CALC_FORMATS, 'NUMBER'),
    displayScale: SCALE,
    unit: text(100),
    unitPosition: UNIT_POSITION,
  },
  MULTI_LINE_TEXT: { required: bool() },
  RICH_TEXT: { required: bool() },
  LINK: {
    required: bool(),
    unique: bool(),
    minLength: LENGTH,
    maxLength: LENGTH,
    protocol: oneOf(['WEB', 'CALL', 'MAIL'], 'WEB'),
  },
  CHECK_BOX: { required: bool(), align: ALIGN },
  // A radio button always holds a choice, so it is required unless told otherwise.
  RADIO_BUTTON: { required: bool(true), align: ALIGN },
  DROP_DOWN: { required: bool() },
  MULTI_SELECT: { required: bool() },
  FILE: { required: bool(), thumbnailSize: oneOf(['50', '150', '250', '500'], '50') },
  DATE: { required: bool(), unique: bool(), defaultNowValue: bool() },
  TIME: { required: bool(), defaultNowValue: bool() },
  DATETIME: { required: bool(), unique: bool(), defaultNowValue: bool() },
  USER_SELECT: { required: bool() },
  ORGANIZATION_SELECT: { required: bool() },
  GROUP_SELECT: { required: bool() },
  REFERENCE_TABLE: {},
  SUBTABLE: {},
  GROUP: { openGroup: bool() },
  RECORD_NUMBER: {},
  CREATOR: {},
  CREATED_TIME: {},
  MODIFIER: {},
  UPDATED_TIME: {},
  CATEGORY: {},
  STATUS: {},
  STATUS_ASSIGNEE: {},
};

/** A lookup field (SLT or NUMBER with `lookup`) carries only these besides the common keys. */
export const LOOKUP_ATTRS: Record<string, Attr> = { required: bool() };

/** Booleans may arrive as JSON booleans or as the strings "true"/"false". */
export function parseBool(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** Parses one attribute value; reports under `key` and answers undefined when it is bad. */
export function parseAttr(attr: Attr, v: unknown, key: string, sink: ProblemSink): unknown {
  switch (attr.kind) {
    case 'bool': {
      const b = parseBool(v);
      if (b === undefined) sink.add(key, 'invalid');
      return b;
    }
    case 'int': {
      const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
      if (s === '') return '';
      if (s === undefined || !/^\d{1,10}$/.test(s)) return void sink.add(key, 'notNumber');
      const n = Number(s);
      if (n > attr.max) return void sink.add(key, 'max', { n: attr.max });
      return String(n);
    }
    case 'decimal': {
      if (v === '' || v === null) return '';
      const s = typeof v === 'number' || typeof v === 'string' ? canonicalNumber(v) : undefined;
      if (s === undefined) sink.add(key, 'notNumber');
      return s;
    }
    case 'enum': {
      const s = typeof v === 'number' ? String(v) : v;
      if (typeof s === 'string' && attr.values.includes(s)) return s;
      return void sink.add(key, 'enumValue');
    }
    case 'text': {
      const s = typeof v === 'number' ? String(v) : v === null ? '' : v;
      if (typeof s !== 'string') return void sink.add(key, 'invalid');
      if (s.length > attr.max) return void sink.add(key, 'tooLong', { n: attr.max + 1 });
      return s;
    }
  }
}

export function attrDefault(attr: Attr): unknown {
  return attr.kind === 'decimal' ? '' : attr.def;
}
