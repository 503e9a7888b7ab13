// Stored values → the `record` object GET record(s) answers (spec §4.1): every field with its
// type, empty values exactly as kintone writes them, `$id` and `$revision` beside the fields.
//
// Lists of hundreds of records are the hottest answers the server gives, so the rules are
// compiled once per app schema into a writer that produces the JSON text directly from the
// stored values, without building the object first. `toApiRecord` is the same writer, parsed.
import { canonicalDateTime, formatDateTime } from './scalars.js';
import { ENTITY_KIND, type EntityKind, type FieldType, type Property, isObject } from './types.js';
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
  fieldsFilter?: ReadonlySet<string> | string[];
  /** Fields the reader may not see: left out as if they did not exist. */
  omit?: ReadonlySet<string>;
};

type Values = Record<string, StoredValue>;
/** Writes one field's value as JSON text. */
type ValueWriter = (v: StoredValue | undefined, extras: ApiRecordExtras) => string;
interface Part {
  code: string;
  /** `"code":{"type":"…","value":` */
  head: string;
  key: string;
  write: ValueWriter;
}

/** Writes records of one schema; `keyOf` maps a field code to where its value is stored. */
export type ApiRecordWriter = (values: Values, extras: ApiRecordExtras) => string;

// Not record values: containers and the list of another app's records.
const NO_VALUE: ReadonlySet<FieldType> = new Set(['GROUP', 'REFERENCE_TABLE']);
// Present only while the app uses them (kintone omits STATUS when process management is off).
const SWITCHED: ReadonlySet<FieldType> = new Set(['CATEGORY', 'STATUS', 'STATUS_ASSIGNEE']);

const text = JSON.stringify as (s: string) => string;

export function compileApiRecord(fields: Record<string, Property>, keyOf: (code: string) => string | undefined = (c) => c): ApiRecordWriter {
  const parts: Part[] = [];
  for (const p of Object.values(fields)) {
    if (NO_VALUE.has(p.type) || (SWITCHED.has(p.type) && p.enabled !== true)) continue;
    parts.push(part(p, keyOf));
  }
  return (values, extras) => {
    const filter = extras.fieldsFilter;
    const wanted = filter === undefined ? undefined : filter instanceof Set ? filter : new Set(filter as string[]);
    const omit = extras.omit;
    let out = '{';
    for (const part of parts) {
      if ((wanted && !wanted.has(part.code)) || omit?.has(part.code)) continue;
      out += part.head + part.write(values[part.key], extras) + '},';
    }
    if (!wanted || wanted.has('$id')) out += `"$id":{"type":"__ID__","value":${text(extras.id)}},`;
    if (!wanted || wanted.has('$revision')) out += `"$revision":{"type":"__REVISION__","value":${text(extras.revision)}},`;
    return out.length === 1 ? '{}' : out.slice(0, -1) + '}';
  };
}

export function toApiRecord(fields: Record<string, Property>, stored: Values, extras: ApiRecordExtras): Record<string, ApiField> {
  return JSON.parse(compileApiRecord(fields)(stored, extras)) as Record<string, ApiField>;
}

function part(p: Property, keyOf: (code: string) => string | undefined): Part {
  return {
    code: p.code,
    head: `${text(p.code)}:{"type":${text(p.type)},"value":`,
    key: keyOf(p.code) ?? `\0${p.code}`,
    write: writerFor(p, keyOf),
  };
}

/** An instant at minute precision, `YYYY-MM-DDTHH:MM:00Z`. */
function minute(at: Date | string): string {
  // Stored times are toISOString()'s `YYYY-MM-DDTHH:MM:SS.sssZ`: the fast path.
  if (typeof at === 'string' && at.length === 24 && at.charCodeAt(23) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */) {
    return `"${at.slice(0, 16)}:00Z"`;
  }
  return text((typeof at === 'string' ? canonicalDateTime(at) : formatDateTime(at)) ?? '');
}

function entity(kind: EntityKind, code: string, extras: ApiRecordExtras): string {
  // A deleted user keeps appearing in old records; without a name left, show the code.
  return `{"code":${text(code)},"name":${text(extras.names(kind, code) ?? code)}}`;
}

const nullableText: ValueWriter = (v) => (typeof v === 'string' && v !== '' ? text(v) : 'null');
const plainText: ValueWriter = (v) => (typeof v === 'string' ? text(v) : '""');
const choices: ValueWriter = (v) => (Array.isArray(v) ? JSON.stringify(v) : '[]');

function file(f: StoredFile): string {
  return `{"contentType":${text(f.contentType)},"fileKey":${text(f.fileKey)},"name":${text(f.name)},"size":${text(f.size)}}`;
}

function writerFor(p: Property, keyOf: (code: string) => string | undefined): ValueWriter {
  switch (p.type) {
    case 'RECORD_NUMBER':
      return (_v, extras) => text(extras.recordNumber);
    case 'CREATOR':
      return (_v, extras) => entity('user', extras.creator, extras);
    case 'MODIFIER':
      return (_v, extras) => entity('user', extras.modifier, extras);
    case 'CREATED_TIME':
      return (_v, extras) => minute(extras.createdAt);
    case 'UPDATED_TIME':
      return (_v, extras) => minute(extras.updatedAt);
    case 'DATE':
    case 'TIME':
    case 'RADIO_BUTTON':
    case 'DROP_DOWN':
    case 'STATUS':
      return nullableText;
    case 'DATETIME':
      return plainText;
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'CATEGORY':
      return choices;
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE': {
      const kind = ENTITY_KIND[p.type]!;
      return (v, extras) => (Array.isArray(v) ? `[${(v as { code: string }[]).map((e) => entity(kind, e.code, extras)).join(',')}]` : '[]');
    }
    case 'FILE':
      return (v) => (Array.isArray(v) ? `[${(v as StoredFile[]).map(file).join(',')}]` : '[]');
    case 'SUBTABLE': {
      const inner = Object.values(isObject(p.fields) ? (p.fields as Record<string, Property>) : {}).map((q) => part(q, keyOf));
      const row = (r: StoredRow, extras: ApiRecordExtras): string => {
        let out = `{"id":${text(r.id)},"value":{`;
        for (const q of inner) out += q.head + q.write(r.value[q.key], extras) + '},';
        return (inner.length ? out.slice(0, -1) : out) + '}}';
      };
      return (v, extras) => (Array.isArray(v) ? `[${(v as StoredRow[]).map((r) => row(r, extras)).join(',')}]` : '[]');
    }
    default:
      return plainText;
  }
}
