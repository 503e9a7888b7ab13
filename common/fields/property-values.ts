// Option maps, entity lists and default values of field settings. Defaults are checked against
// the rest of the field (options, limits) because a default a record could not hold is useless.
import type { FieldType } from './types.js';
import { dict, isObject, ownEntries } from './types.js';
import { canonicalDate, canonicalDateTime, canonicalNumber, canonicalTime, compareNumbers } from './scalars.js';
import { type ProblemSink, charLength, echo } from './problems.js';

export type OptionMap = Record<string, { label: string; index: string }>;

export const MAX_OPTIONS = 1000;
export const MAX_OPTION_LENGTH = 255;

/**
 * `{key: {label, index}}` with indexes renumbered 0…n-1 in the order given (ties keep the order
 * of the request) and each label equal to its key, as kintone stores them.
 */
export function parseOptions(v: unknown, key: string, sink: ProblemSink): OptionMap | undefined {
  if (!isObject(v)) return void sink.add(key, v === undefined || v === null ? 'required' : 'invalid');
  const entries = ownEntries(v);
  if (entries.length > MAX_OPTIONS) return void sink.add(key, 'tooMany', { n: MAX_OPTIONS });
  const ranked: { name: string; index: number; pos: number }[] = [];
  const before = sink.count;
  entries.forEach(([name, o], pos) => {
    const at = `${key}.${echo(name)}`;
    const rawIndex = isObject(o) ? o.index : undefined;
    const index = rawIndex === undefined || rawIndex === '' ? pos : Number(rawIndex);
    if (name.trim() === '' || name === '__proto__') sink.add(at, 'invalid');
    else if (charLength(name) > MAX_OPTION_LENGTH) sink.add(at, 'tooLong', { n: MAX_OPTION_LENGTH + 1 });
    else if (!Number.isSafeInteger(index) || index < 0) sink.add(`${at}.index`, 'notNumber');
    else ranked.push({ name, index, pos });
  });
  if (ranked.length !== entries.length || sink.count !== before) return undefined;
  ranked.sort((a, b) => a.index - b.index || a.pos - b.pos);
  const out: OptionMap = dict();
  ranked.forEach((r, i) => (out[r.name] = { label: r.name, index: String(i) }));
  return out;
}

export function optionOrder(options: OptionMap): string[] {
  return Object.keys(options).sort((a, b) => Number(options[a]!.index) - Number(options[b]!.index));
}

export type EntityRef = { code: string; type: string };

const ENTITY_TYPES: Partial<Record<FieldType, readonly string[]>> = {
  USER_SELECT: ['USER', 'GROUP', 'ORGANIZATION'],
  ORGANIZATION_SELECT: ['ORGANIZATION'],
  GROUP_SELECT: ['GROUP'],
};

// The functions a default may name instead of an entity, resolved for the person adding a record.
const DEFAULT_FUNCTIONS: Partial<Record<FieldType, string>> = {
  USER_SELECT: 'LOGINUSER()',
  ORGANIZATION_SELECT: 'PRIMARY_ORGANIZATION()',
};

const MAX_ENTITIES = 100;

/** `entities` (the choices) or `defaultValue` (`withFunctions`) of a user/org/group selection. */
export function parseEntities(type: FieldType, v: unknown, key: string, sink: ProblemSink, withFunctions: boolean): EntityRef[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return void sink.add(key, 'invalid');
  if (v.length > MAX_ENTITIES) return void sink.add(key, 'tooMany', { n: MAX_ENTITIES });
  const allowed = ENTITY_TYPES[type] ?? [];
  const fn = withFunctions ? DEFAULT_FUNCTIONS[type] : undefined;
  const out: EntityRef[] = [];
  for (const [i, e] of v.entries()) {
    const code = isObject(e) ? e.code : undefined;
    const t = isObject(e) ? e.type : undefined;
    if (typeof code !== 'string' || code === '') return void sink.add(`${key}[${i}].code`, 'required');
    if (t === 'FUNCTION' && fn === code) out.push({ code, type: t });
    else if (typeof t === 'string' && allowed.includes(t)) out.push({ code, type: t });
    else return void sink.add(`${key}[${i}].type`, 'enumValue');
  }
  return out;
}

type Limits = Record<string, unknown>;

/** The `defaultValue` of `type`, canonical, or undefined after reporting why it is unusable. */
export function parseDefaultValue(type: FieldType, v: unknown, prop: Limits, key: string, sink: ProblemSink): unknown {
  const str = typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : v;
  switch (type) {
    case 'SINGLE_LINE_TEXT':
    case 'LINK':
    case 'MULTI_LINE_TEXT':
    case 'RICH_TEXT':
      if (typeof str !== 'string') return void sink.add(key, 'invalid');
      return withinLength(str, prop, key, sink) ? str : undefined;
    case 'NUMBER': {
      if (str === '') return '';
      const n = typeof str === 'string' ? canonicalNumber(str) : undefined;
      if (n === undefined) return void sink.add(key, 'notNumber');
      return withinRange(n, prop, key, sink) ? n : undefined;
    }
    case 'DATE':
    case 'TIME':
    case 'DATETIME': {
      if (str === '') return '';
      const parse = type === 'DATE' ? canonicalDate : type === 'TIME' ? canonicalTime : canonicalDateTime;
      const out = typeof str === 'string' ? parse(str) : undefined;
      if (out === undefined) sink.add(key, type === 'DATE' ? 'dateFormat' : type === 'TIME' ? 'timeFormat' : 'datetimeFormat');
      return out;
    }
    case 'RADIO_BUTTON':
    case 'DROP_DOWN': {
      if (str === '') return '';
      if (typeof str !== 'string') return void sink.add(key, 'invalid');
      const options = prop.options as OptionMap | undefined;
      if (options && !Object.hasOwn(options, str)) return void sink.add(key, 'oneOf', { value: echo(str) });
      return str;
    }
    case 'CHECK_BOX':
    case 'MULTI_SELECT': {
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return void sink.add(key, 'invalid');
      const options = (prop.options as OptionMap | undefined) ?? dict();
      const bad = (v as string[]).find((x) => !Object.hasOwn(options, x));
      if (bad !== undefined) return void sink.add(key, 'oneOf', { value: echo(bad) });
      const chosen = new Set(v as string[]);
      return optionOrder(options).filter((o) => chosen.has(o));
    }
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
      return parseEntities(type, v, key, sink, true);
    default:
      return undefined;
  }
}

function withinLength(s: string, prop: Limits, key: string, sink: ProblemSink): boolean {
  if (s === '') return true;
  const len = charLength(s);
  const max = limit(prop.maxLength);
  const min = limit(prop.minLength);
  if (max !== undefined && len > Number(max)) sink.add(key, 'tooLong', { n: Number(max) + 1 });
  else if (min !== undefined && len < Number(min)) sink.add(key, 'tooShort', { n: Number(min) - 1 });
  else return true;
  return false;
}

export function withinRange(n: string, prop: Limits, key: string, sink: ProblemSink): boolean {
  const max = limit(prop.maxValue);
  const min = limit(prop.minValue);
  if (max !== undefined && compareNumbers(n, max) > 0) sink.add(key, 'max', { n: max });
  else if (min !== undefined && compareNumbers(n, min) < 0) sink.add(key, 'min', { n: min });
  else return true;
  return false;
}

/** A set limit attribute ("" means none). */
export function limit(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Types with a `defaultValue` attribute. */
export const HAS_DEFAULT: ReadonlySet<FieldType> = new Set([
  'SINGLE_LINE_TEXT',
  'LINK',
  'MULTI_LINE_TEXT',
  'RICH_TEXT',
  'NUMBER',
  'DATE',
  'TIME',
  'DATETIME',
  'RADIO_BUTTON',
  'DROP_DOWN',
  'CHECK_BOX',
  'MULTI_SELECT',
  'USER_SELECT',
  'ORGANIZATION_SELECT',
  'GROUP_SELECT',
]);
