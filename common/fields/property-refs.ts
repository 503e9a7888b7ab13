// Lookup and Related Records settings point at another app. Here only their shape is checked and
// completed; whether that app and its fields exist, and whether we may read them, is the server's
// question. The fields they name in this app are checked once the whole form is known.
import { type ProblemSink, echo } from './problems.js';
import { type Property, isObject } from './types.js';

const MAX_MAPPINGS = 200;
const MAX_PICKER_FIELDS = 100;
const REFERENCE_SIZES = ['1', '3', '5', '10', '20', '30', '40', '50'];

function relatedApp(v: unknown, key: string, sink: ProblemSink): { app: string; code: string } | undefined {
  if (!isObject(v)) return void sink.add(key, 'required');
  const app = typeof v.app === 'number' ? String(v.app) : v.app ?? '';
  const code = v.code ?? '';
  if (typeof app !== 'string' || (app !== '' && !/^[1-9]\d{0,14}$/.test(app))) return void sink.add(`${key}.app`, 'invalid');
  if (typeof code !== 'string') return void sink.add(`${key}.code`, 'invalid');
  if (app === '' && code === '') return void sink.add(`${key}.app`, 'required');
  return { app, code };
}

function str(v: unknown, key: string, sink: ProblemSink, required = false): string | undefined {
  if (v === undefined || v === null) return required ? void sink.add(key, 'required') : '';
  if (typeof v !== 'string') return void sink.add(key, 'invalid');
  if (required && v === '') return void sink.add(key, 'required');
  return v;
}

function strings(v: unknown, key: string, sink: ProblemSink, max: number): string[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) return void sink.add(key, 'invalid');
  if (v.length > max) return void sink.add(key, 'tooMany', { n: max });
  return v as string[];
}

export type Lookup = {
  relatedApp: { app: string; code: string };
  relatedKeyField: string;
  fieldMappings: { field: string; relatedField: string }[];
  lookupPickerFields: string[];
  filterCond: string;
  sort: string;
};

export function parseLookup(v: unknown, key: string, sink: ProblemSink): Lookup | undefined {
  if (!isObject(v)) return void sink.add(key, 'invalid');
  const app = relatedApp(v.relatedApp, `${key}.relatedApp`, sink);
  const relatedKeyField = str(v.relatedKeyField, `${key}.relatedKeyField`, sink, true);
  const picker = strings(v.lookupPickerFields, `${key}.lookupPickerFields`, sink, MAX_PICKER_FIELDS);
  const filterCond = str(v.filterCond, `${key}.filterCond`, sink);
  const sort = str(v.sort, `${key}.sort`, sink);
  let mappings: Lookup['fieldMappings'] | undefined = [];
  const raw = v.fieldMappings ?? [];
  if (!Array.isArray(raw)) mappings = void sink.add(`${key}.fieldMappings`, 'invalid');
  else if (raw.length > MAX_MAPPINGS) mappings = void sink.add(`${key}.fieldMappings`, 'tooMany', { n: MAX_MAPPINGS });
  else {
    raw.forEach((m, i) => {
      const at = `${key}.fieldMappings[${i}]`;
      const field = str(isObject(m) ? m.field : undefined, `${at}.field`, sink, true);
      const relatedField = str(isObject(m) ? m.relatedField : undefined, `${at}.relatedField`, sink, true);
      if (field !== undefined && relatedField !== undefined) mappings?.push({ field, relatedField });
      else mappings = undefined;
    });
  }
  if (!app || relatedKeyField === undefined || !picker || filterCond === undefined || sort === undefined || !mappings) return undefined;
  return { relatedApp: app, relatedKeyField, fieldMappings: mappings, lookupPickerFields: picker, filterCond, sort };
}

export type ReferenceTable = {
  relatedApp: { app: string; code: string };
  condition: { field: string; relatedField: string };
  filterCond: string;
  displayFields: string[];
  sort: string;
  size: string;
};

export function parseReferenceTable(v: unknown, key: string, sink: ProblemSink): ReferenceTable | undefined {
  if (!isObject(v)) return void sink.add(key, v === undefined ? 'required' : 'invalid');
  const app = relatedApp(v.relatedApp, `${key}.relatedApp`, sink);
  const cond = isObject(v.condition) ? v.condition : undefined;
  if (!cond) sink.add(`${key}.condition`, 'required');
  const field = cond && str(cond.field, `${key}.condition.field`, sink, true);
  const relatedField = cond && str(cond.relatedField, `${key}.condition.relatedField`, sink, true);
  const filterCond = str(v.filterCond, `${key}.filterCond`, sink);
  const displayFields = strings(v.displayFields, `${key}.displayFields`, sink, MAX_PICKER_FIELDS);
  const sort = str(v.sort, `${key}.sort`, sink);
  const size = v.size === undefined || v.size === null ? '5' : String(v.size);
  if (!REFERENCE_SIZES.includes(size)) sink.add(`${key}.size`, 'enumValue');
  if (!app || field === undefined || relatedField === undefined || filterCond === undefined || !displayFields || sort === undefined) return undefined;
  if (!REFERENCE_SIZES.includes(size)) return undefined;
  return { relatedApp: app, condition: { field, relatedField }, filterCond, displayFields, sort, size };
}

/**
 * Fields of this app named by lookups (copy targets) and Related Records (the matching field):
 * they must exist, a lookup may not copy onto itself or onto a field without a plain value,
 * and no field takes copies from two lookups. `top` is the whole form after the request, keyed
 * by code; only fields the request touched (`baseOf` answers their problem key) are reported.
 */
export function checkReferences(top: Record<string, Property>, baseOf: (code: string) => string | undefined, sink: ProblemSink): void {
  const all = new Map<string, Property>();
  for (const p of Object.values(top)) {
    all.set(p.code, p);
    if (p.type === 'SUBTABLE' && isObject(p.fields)) for (const q of Object.values(p.fields as Record<string, Property>)) all.set(q.code, q);
  }
  const copies = new Map<string, number>();
  for (const p of all.values()) {
    for (const m of (p.lookup as Lookup | undefined)?.fieldMappings ?? []) copies.set(m.field, (copies.get(m.field) ?? 0) + 1);
  }
  for (const p of all.values()) {
    const base = baseOf(p.code);
    if (base === undefined) continue;
    (p.lookup as Lookup | undefined)?.fieldMappings.forEach((m, i) => {
      const target = all.get(m.field);
      const at = `${base}.lookup.fieldMappings[${i}].field`;
      if (!target || target.code === p.code || !COPY_TARGET_TYPES.has(target.type)) sink.add(at, 'fieldNotFound', { code: echo(m.field) });
      else if ((copies.get(m.field) ?? 0) > 1) sink.add(at, 'duplicateInRequest');
    });
    const ref = p.referenceTable as ReferenceTable | undefined;
    const matched = ref && top[ref.condition.field];
    if (ref && (!matched || matched.type === 'SUBTABLE' || matched.type === 'GROUP' || matched.type === 'REFERENCE_TABLE'))
      sink.add(`${base}.referenceTable.condition.field`, 'fieldNotFound', { code: echo(ref.condition.field) });
  }
}

// A copy lands in a field that holds a plain value the user could have typed.
const COPY_TARGET_TYPES: ReadonlySet<string> = new Set([
  'SINGLE_LINE_TEXT',
  'MULTI_LINE_TEXT',
  'RICH_TEXT',
  'NUMBER',
  'LINK',
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
