// Writing prepared values: the record rows' companions — unique-value claims, the owners of their
// files and the text of the `like` index — for every record of a write call at once.
import type { Property, StoredFile, StoredValue } from '../../../common/fields/index.js';
import { hashKey } from '../../files/keys.js';
import { setFileOwner } from '../../storage/files.repo.js';
import { type SearchText, replaceSearchText } from '../../storage/record-search.repo.js';
import { type UniqueClaim, replaceUniqueValues } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import { uniqueKey } from './prepare.js';
import type { RecordSchema } from './schema.js';

type Values = Record<string, StoredValue>;

/** Field types `like` searches through the index: their text is kept there per record. */
export const INDEXED_TEXT_TYPES: ReadonlySet<string> = new Set(['SINGLE_LINE_TEXT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'LINK']);

/** What writing needs to know of a schema, worked out once per live revision. */
interface Plan {
  indexed: Array<{ code: string; fieldId: string }>;
  unique: Array<{ property: Property; fieldId: string }>;
  files: boolean;
}

const plans = new WeakMap<object, Plan>();

function planOf(schema: RecordSchema): Plan {
  // The definition object is shared by every request of one live revision.
  let plan = plans.get(schema.def);
  if (!plan) {
    const top = Object.values(schema.fields);
    const inner = top.flatMap((p) => (p.type === 'SUBTABLE' ? Object.values((p.fields ?? {}) as Record<string, Property>) : []));
    plan = {
      indexed: top.filter((p) => INDEXED_TEXT_TYPES.has(p.type)).map((p) => ({ code: p.code, fieldId: schema.fieldIds[p.code]! })),
      unique: schema.unique.map((p) => ({ property: p, fieldId: schema.fieldIds[p.code]! })),
      files: [...top, ...inner].some((p) => p.type === 'FILE'),
    };
    plans.set(schema.def, plan);
  }
  return plan;
}

export interface Written {
  id: number;
  values: Values;
}

/** Claims the unique fields' values of `records` (releasing what they held, unless `fresh`). */
export async function claimUniqueValues(ctx: Ctx, schema: RecordSchema, records: Written[], fresh = false): Promise<void> {
  const { unique } = planOf(schema);
  if (unique.length === 0 || records.length === 0) return;
  const claims: UniqueClaim[] = [];
  for (const r of records) {
    for (const u of unique) {
      const value = uniqueKey(u.property, r.values[u.property.code]);
      if (value !== null) claims.push({ recordId: r.id, fieldId: u.fieldId, value });
    }
  }
  await replaceUniqueValues(ctx.db, schema.app.domainId, schema.app.id, records.map((r) => r.id), claims, fresh);
}

/** Files in FILE fields (tables included), with the internal id of the field holding them. */
export function filesOf(schema: RecordSchema, values: Values): Array<{ fieldId: string; fileKey: string }> {
  const out: Array<{ fieldId: string; fileKey: string }> = [];
  if (!planOf(schema).files) return out;
  for (const p of Object.values(schema.fields)) {
    const v = values[p.code];
    if (p.type === 'FILE' && Array.isArray(v)) for (const f of v as StoredFile[]) out.push({ fieldId: schema.fieldIds[p.code]!, fileKey: f.fileKey });
    if (p.type === 'SUBTABLE' && Array.isArray(v)) {
      for (const row of v as Array<{ value: Values }>) {
        for (const [code, inner] of Object.entries(row.value)) {
          if (Array.isArray(inner) && inner.length && typeof (inner[0] as StoredFile).fileKey === 'string' && schema.fieldIds[code]) {
            for (const f of inner as StoredFile[]) out.push({ fieldId: schema.fieldIds[code]!, fileKey: f.fileKey });
          }
        }
      }
    }
  }
  return out;
}

/** Records the record and field each attached file of `records` now belongs to. */
export async function ownFiles(ctx: Ctx, schema: RecordSchema, records: Written[]): Promise<void> {
  if (!planOf(schema).files) return;
  for (const r of records) {
    const byField = new Map<string, string[]>();
    for (const f of filesOf(schema, r.values)) byField.set(f.fieldId, [...(byField.get(f.fieldId) ?? []), hashKey(f.fileKey)]);
    for (const [fieldId, hashes] of byField) {
      await setFileOwner(ctx.db, schema.app.domainId, hashes, { appId: schema.app.id, recordId: r.id, fieldId });
    }
  }
}

/** Indexes the text fields of `records`. `fresh`: the records were just inserted and have no rows yet. */
export async function indexText(ctx: Ctx, schema: RecordSchema, records: Written[], fresh = false): Promise<void> {
  const { indexed } = planOf(schema);
  if (records.length === 0 || (indexed.length === 0 && fresh)) return;
  const entries: SearchText[] = [];
  for (const r of records) {
    for (const f of indexed) {
      const v = r.values[f.code];
      if (typeof v === 'string' && v !== '') entries.push({ recordId: r.id, fieldId: f.fieldId, content: v });
    }
  }
  await replaceSearchText(ctx.db, schema.app.domainId, schema.app.id, records.map((r) => r.id), entries, fresh);
}
