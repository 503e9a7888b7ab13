// One field's settings: an add fills every omitted attribute with kintone's default; an update
// lays what was sent over what the field already has. Either way the result is re-checked as a
// whole, so a change to the options also re-checks the default that must be one of them.
import { validateFieldCode } from './codes.js';
import { type ProblemSink, charLength } from './problems.js';
import { LOOKUP_ATTRS, SIMPLE_ATTRS, attrDefault, parseAttr } from './property-attrs.js';
import { parseLookup, parseReferenceTable } from './property-refs.js';
import { HAS_DEFAULT, type OptionMap, limit, optionOrder, parseDefaultValue, parseEntities, parseOptions } from './property-values.js';
import { compareNumbers } from './scalars.js';
import {
  type FieldType,
  type Property,
  OPTION_TYPES,
  SUBTABLE_INNER_TYPES,
  hasOwn,
  isFieldType,
  isObject,
  isSystemType,
} from './types.js';

export const MAX_LABEL_LENGTH = 128;

/** Process-management and category fields answer with `enabled` and keep their codes. */
const SWITCHED_TYPES: ReadonlySet<FieldType> = new Set(['CATEGORY', 'STATUS', 'STATUS_ASSIGNEE']);

export type PropertyContext = {
  /** Problem-key prefix of this field: `properties.<code>` or `properties.<table>.fields.<code>`. */
  base: string;
  /** The code the request names the field by (the key of its entry). */
  key: string;
  /** The field as it is, when updating. */
  existing?: Property;
  inner: boolean;
  sink: ProblemSink;
};

function resolveType(raw: Record<string, unknown>, ctx: PropertyContext): FieldType | undefined {
  const { base, existing, sink } = ctx;
  if (existing) {
    if (hasOwn(raw, 'type') && raw.type !== existing.type) return void sink.add(`${base}.type`, 'typeChange');
    return existing.type;
  }
  const t = raw.type;
  if (t === undefined || t === null || t === '') return void sink.add(`${base}.type`, 'required');
  if (!isFieldType(t)) return void sink.add(`${base}.type`, 'enumValue');
  if (isSystemType(t)) return void sink.add(`${base}.type`, 'typeNotCreatable');
  if (ctx.inner && !SUBTABLE_INNER_TYPES.has(t)) return void sink.add(`${base}.type`, 'typeNotInSubtable');
  return t;
}

function resolveCode(raw: Record<string, unknown>, type: FieldType, ctx: PropertyContext): string | undefined {
  const { base, existing, key, sink } = ctx;
  const sent = hasOwn(raw, 'code') ? raw.code : undefined;
  const code = sent ?? existing?.code ?? key;
  if (!existing && sent !== undefined && sent !== key) return void sink.add(`${base}.code`, 'invalid');
  if (existing && code === existing.code) return code;
  if (existing && SWITCHED_TYPES.has(type)) return void sink.add(`${base}.code`, 'fieldCodeFixed');
  const problem = validateFieldCode(code);
  if (problem) return void sink.add(`${base}.code`, problem);
  return code as string;
}

function resolveLabel(raw: Record<string, unknown>, ctx: PropertyContext): string | undefined {
  const label = hasOwn(raw, 'label') ? raw.label : ctx.existing?.label;
  const at = `${ctx.base}.label`;
  if (label === undefined || label === null || label === '') return void ctx.sink.add(at, 'required');
  if (typeof label !== 'string') return void ctx.sink.add(at, 'invalid');
  if (charLength(label) > MAX_LABEL_LENGTH) return void ctx.sink.add(at, 'tooLong', { n: MAX_LABEL_LENGTH + 1 });
  return label;
}

/** The value of attribute `a`: as sent, else as it was, else undefined (use the default). */
function source(raw: Record<string, unknown>, existing: Property | undefined, a: string): unknown {
  if (hasOwn(raw, a)) return raw[a];
  return existing && hasOwn(existing, a) ? existing[a] : undefined;
}

/**
 * Parses one entry of `properties`. SUBTABLE `fields` are left to the caller, which must also
 * keep codes unique across the app.
 */
export function parseProperty(input: unknown, ctx: PropertyContext): Property | undefined {
  const { base, existing, sink } = ctx;
  if (!isObject(input)) return void sink.add(base, 'invalid');
  const type = resolveType(input, ctx);
  if (!type) return undefined;
  const code = resolveCode(input, type, ctx);
  const label = resolveLabel(input, ctx);
  const before = sink.count;
  const prop: Property = { type, code: code ?? ctx.key, label: label ?? '' };
  if (SWITCHED_TYPES.has(type)) prop.enabled = existing?.enabled === true;
  else simpleAttr(prop, 'noLabel', { kind: 'bool', def: false }, input, ctx);

  const lookupSource = type === 'SINGLE_LINE_TEXT' || type === 'NUMBER' ? source(input, existing, 'lookup') : undefined;
  const isLookup = lookupSource !== undefined && lookupSource !== null;
  for (const [a, attr] of Object.entries(isLookup ? LOOKUP_ATTRS : SIMPLE_ATTRS[type])) {
    if (a === 'unique' && ctx.inner) continue;
    simpleAttr(prop, a, attr, input, ctx);
  }
  if (isLookup) {
    const lookup = parseLookup(lookupSource, `${base}.lookup`, sink);
    if (lookup) prop.lookup = lookup;
  }
  checkMinMax(prop, base, sink);

  if (OPTION_TYPES.has(type)) {
    const options = parseOptions(source(input, existing, 'options'), `${base}.options`, sink);
    if (options) prop.options = options;
    if (options && type === 'RADIO_BUTTON' && Object.keys(options).length === 0) sink.add(`${base}.options`, 'required');
  }
  if (type === 'USER_SELECT' || type === 'ORGANIZATION_SELECT' || type === 'GROUP_SELECT') {
    const entities = parseEntities(type, source(input, existing, 'entities'), `${base}.entities`, sink, false);
    if (entities) prop.entities = entities;
  }
  if (HAS_DEFAULT.has(type) && !isLookup) {
    let raw = source(input, existing, 'defaultValue');
    if (raw === undefined && type === 'RADIO_BUTTON') raw = optionOrder((prop.options as OptionMap | undefined) ?? {})[0] ?? '';
    const value = parseDefaultValue(type, raw, prop, `${base}.defaultValue`, sink);
    if (value !== undefined) prop.defaultValue = value;
  }
  if (type === 'CALC' && prop.expression === '') sink.add(`${base}.expression`, 'required');
  if (type === 'REFERENCE_TABLE') {
    const ref = parseReferenceTable(source(input, existing, 'referenceTable'), `${base}.referenceTable`, sink);
    if (ref) prop.referenceTable = ref;
  }
  if (code === undefined || label === undefined || sink.count !== before) return undefined;
  return prop;
}

function simpleAttr(
  prop: Property,
  a: string,
  attr: Parameters<typeof parseAttr>[0],
  input: Record<string, unknown>,
  ctx: PropertyContext,
): void {
  const raw = source(input, ctx.existing, a);
  const value = raw === undefined ? attrDefault(attr) : parseAttr(attr, raw, `${ctx.base}.${a}`, ctx.sink);
  if (value !== undefined) prop[a] = value;
}

function checkMinMax(prop: Property, base: string, sink: ProblemSink): void {
  const minLength = limit(prop.minLength);
  const maxLength = limit(prop.maxLength);
  if (minLength !== undefined && maxLength !== undefined && Number(minLength) > Number(maxLength)) sink.add(`${base}.minLength`, 'minOverMax');
  const minValue = limit(prop.minValue);
  const maxValue = limit(prop.maxValue);
  if (minValue !== undefined && maxValue !== undefined && compareNumbers(minValue, maxValue) > 0) sink.add(`${base}.minValue`, 'minOverMax');
}

