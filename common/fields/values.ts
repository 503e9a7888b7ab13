// POST/PUT record(s): the sent `record` object → the values the server stores. Unknown codes and
// fields nobody may write (CALC, lookup copies, auto-calculated text, system fields) are ignored
// as kintone ignores them; defaults apply on create only and only to absent keys; required is
// checked on the record as it will be after the write. Uniqueness, lookups and whether users,
// departments, groups and uploads exist are the server's: it gets their codes and keys back.
import { type Problem, ProblemSink } from './problems.js';
import { canonicalDateTime } from './scalars.js';
import { type Property, dict, hasOwn, isInputType, isObject, nonWritableCodes } from './types.js';
import { type DefaultContext, defaultValue } from './value-defaults.js';
import { type Parsed, type ValueContext, parseValue } from './value-parse.js';
import { type EntityCodes, type StoredRow, type StoredValue, emptyValue, isEmptyValue, requiredKey } from './value-types.js';

export type RecordInputOptions = {
  mode: 'create' | 'update';
  /** The record's stored values before this write (update). */
  existing?: Record<string, StoredValue>;
  /** Problem-key prefix: `record`, or `records[3]` in the multi-record APIs. */
  prefix: string;
  now: Date;
  /** The writer's IANA time zone, for "today" and "now" defaults. */
  timeZone: string;
  newRowId: () => string;
  /** The writer, for LOGINUSER() and PRIMARY_ORGANIZATION() defaults. */
  actor?: DefaultContext['actor'];
};

/** CREATOR, CREATED_TIME, MODIFIER, UPDATED_TIME as sent on create; kintone lets app admins set them. */
export type SystemInput = { creator?: string; createdAt?: string; modifier?: string; updatedAt?: string };

export type RecordInput = {
  /** The whole record after the write: every field's value, carried over where not written. */
  values: Record<string, StoredValue>;
  /** Codes sent in user, department and group selections; the server checks they exist. */
  entityCodes: EntityCodes;
  /** Upload keys sent in FILE fields; stored as placeholders until the server resolves them. */
  uploadKeys: string[];
  problems: Record<string, Problem[]>;
  system: SystemInput;
};

type Run = ValueContext & { defaults: DefaultContext; newRowId: () => string; create: boolean };

/** How one field is written, worked out once per field set (a form's fields, a table's columns). */
type Slot = { p: Property; code: string; kind: 'input' | 'carried' | 'none' };

// Field sets come from an app's live definition and are never changed once built, so their
// slots are kept for as long as the set is in use (a bulk add parses 100 records against one).
const slotsOf = new WeakMap<Record<string, Property>, { nonWritable: Set<string>; slots: Slot[] }>();

function slots(fields: Record<string, Property>, nonWritable: Set<string>): Slot[] {
  const known = slotsOf.get(fields);
  if (known?.nonWritable === nonWritable) return known.slots;
  const out: Slot[] = Object.values(fields).map((p) => ({
    p,
    code: p.code,
    // Input types a write may not set are carried over (or empty); other types hold nothing.
    kind: !isInputType(p.type) ? 'none' : nonWritable.has(p.code) ? 'carried' : 'input',
  }));
  slotsOf.set(fields, { nonWritable, slots: out });
  return out;
}

const nonWritableOf = new WeakMap<Record<string, Property>, Set<string>>();

function nonWritableIn(fields: Record<string, Property>): Set<string> {
  let out = nonWritableOf.get(fields);
  if (!out) nonWritableOf.set(fields, (out = nonWritableCodes(fields)));
  return out;
}

export function parseRecordInput(fields: Record<string, Property>, record: unknown, options: RecordInputOptions): RecordInput {
  const run: Run = {
    sink: new ProblemSink(),
    entityCodes: { user: new Set(), organization: new Set(), group: new Set() },
    uploadKeys: [],
    inTable: false,
    defaults: { now: options.now, timeZone: options.timeZone, actor: options.actor },
    newRowId: options.newRowId,
    create: options.mode === 'create',
  };
  const out: RecordInput = { values: dict(), entityCodes: run.entityCodes, uploadKeys: run.uploadKeys, problems: run.sink.all, system: {} };
  if (!isObject(record)) {
    run.sink.add(options.prefix, record === undefined || record === null ? 'required' : 'invalid');
    return out;
  }
  const current = options.mode === 'update' ? (options.existing ?? {}) : undefined;
  // Codes a write may not set are decided by the whole form (lookups copy into table columns).
  out.values = fill(fields, record, current, run.create, options.prefix, run, nonWritableIn(fields));
  if (run.create) out.system = systemInput(fields, record, options.prefix, run.sink);
  return out;
}

/** The values of one field set (the record, or one table row). */
function fill(
  fields: Record<string, Property>,
  input: Record<string, unknown>,
  current: Record<string, StoredValue> | undefined,
  applyDefaults: boolean,
  prefix: string,
  run: Run,
  nonWritable: Set<string>,
): Record<string, StoredValue> {
  const out = dict<StoredValue>();
  for (const { p, code, kind } of slots(fields, nonWritable)) {
    const had = current && hasOwn(current, code) ? current[code] : undefined;
    if (kind !== 'input') {
      if (had !== undefined) out[code] = had;
      else if (kind === 'carried') out[code] = emptyValue(p.type);
      continue;
    }
    const entry = hasOwn(input, code) ? input[code] : undefined;
    if (entry !== undefined && !isObject(entry)) run.sink.add(`${prefix}.${code}.value`, 'invalid');
    const sent = isObject(entry) && hasOwn(entry, 'value');
    if (p.type === 'SUBTABLE') {
      out[code] = sent ? table(p, entry.value, had, prefix, run, nonWritable) : applyDefaults ? [] : (had ?? []);
      continue;
    }
    let parsed: Parsed | undefined;
    if (sent) parsed = parseValue(p, entry.value, prefix, run, had);
    const value = parsed ? parsed.value : applyDefaults ? defaultValue(p, run.defaults) : (had ?? emptyValue(p.type));
    out[code] = value;
    if (p.required === true && !parsed?.refused && isEmptyValue(p.type, value)) run.sink.add(requiredKey(prefix, p), 'requiredValue');
  }
  return out;
}

/**
 * A table's rows (spec §4.2): rows sent with the id of an existing row keep the columns they do
 * not send; rows without a known id are new (fresh id, defaults); existing rows not sent go.
 */
function table(p: Property, v: unknown, had: StoredValue | undefined, prefix: string, run: Run, nonWritable: Set<string>): StoredValue {
  const key = `${prefix}.${p.code}.value`;
  const before = Array.isArray(had) ? (had as StoredRow[]) : [];
  if (v === null) return [];
  if (!Array.isArray(v)) {
    run.sink.add(key, 'invalid');
    return before;
  }
  const inner = isObject(p.fields) ? (p.fields as Record<string, Property>) : {};
  const byId = new Map<string, StoredRow>();
  if (!run.create) for (const row of before) byId.set(row.id, row);
  const rows: StoredRow[] = [];
  const rowRun: Run = { ...run, inTable: true };
  v.forEach((row, i) => {
    if (!isObject(row)) return void run.sink.add(`${key}[${i}]`, 'invalid');
    const id = typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : undefined;
    const match = id === undefined ? undefined : byId.get(id);
    // A row id sent twice matches once; the second copy is a new row.
    if (match) byId.delete(match.id);
    const value = row.value ?? {};
    if (!isObject(value)) return void run.sink.add(`${key}[${i}].value`, 'invalid');
    const values = fill(inner, value, match?.value, !match, `${key}[${i}].value`, rowRun, nonWritable);
    rows.push({ id: match ? match.id : run.newRowId(), value: values });
  });
  return rows;
}

function systemInput(fields: Record<string, Property>, record: Record<string, unknown>, prefix: string, sink: ProblemSink): SystemInput {
  const out: SystemInput = {};
  const names = { CREATOR: 'creator', MODIFIER: 'modifier', CREATED_TIME: 'createdAt', UPDATED_TIME: 'updatedAt' } as const;
  for (const p of Object.values(fields)) {
    if (!(p.type in names) || !hasOwn(record, p.code)) continue;
    const entry = record[p.code];
    const v = isObject(entry) ? entry.value : undefined;
    if (v === undefined || v === null || v === '') continue;
    const slot = names[p.type as keyof typeof names];
    if (slot === 'creator' || slot === 'modifier') {
      const code = isObject(v) ? v.code : undefined;
      if (typeof code === 'string' && code !== '') out[slot] = code;
      else sink.add(`${prefix}.${p.code}.value`, 'invalid');
    } else {
      const at = typeof v === 'string' ? canonicalDateTime(v) : undefined;
      if (at) out[slot] = at;
      else sink.add(`${prefix}.${p.code}.value`, 'datetimeFormat');
    }
  }
  return out;
}

