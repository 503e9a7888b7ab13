// Writing prepared values: the record row, its unique-value claims and its files' owners.
import type { StoredFile, StoredValue } from '../../../common/fields/index.js';
import { hashKey } from '../../files/keys.js';
import { setFileOwner } from '../../storage/files.repo.js';
import { replaceSearchText, replaceUniqueValues } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import { uniqueKey } from './prepare.js';
import type { RecordSchema } from './schema.js';

type Values = Record<string, StoredValue>;

export async function claimUniqueValues(ctx: Ctx, schema: RecordSchema, recordId: number, values: Values): Promise<void> {
  if (schema.unique.length === 0) return;
  const entries = schema.unique.flatMap((p) => {
    const key = uniqueKey(p, values[p.code]);
    return key === null ? [] : [{ fieldId: schema.fieldIds[p.code]!, value: key }];
  });
  await replaceUniqueValues(ctx.db, schema.app.domainId, schema.app.id, recordId, entries);
}

/** Files in FILE fields (tables included), with the internal id of the field holding them. */
export function filesOf(schema: RecordSchema, values: Values): Array<{ fieldId: string; fileKey: string }> {
  const out: Array<{ fieldId: string; fileKey: string }> = [];
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

export async function ownFiles(ctx: Ctx, schema: RecordSchema, recordId: number, values: Values): Promise<void> {
  const byField = new Map<string, string[]>();
  for (const f of filesOf(schema, values)) byField.set(f.fieldId, [...(byField.get(f.fieldId) ?? []), hashKey(f.fileKey)]);
  for (const [fieldId, hashes] of byField) {
    await setFileOwner(ctx.db, schema.app.domainId, hashes, { appId: schema.app.id, recordId, fieldId });
  }
}

/** Field types `like` searches through the index: their text is kept there per record. */
export const INDEXED_TEXT_TYPES: ReadonlySet<string> = new Set(['SINGLE_LINE_TEXT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'LINK']);

/** `fresh`: the records were just inserted, so they have no rows to replace (a delete would scan). */
export async function indexText(ctx: Ctx, schema: RecordSchema, records: Array<{ id: number; values: Values }>, fresh = false): Promise<void> {
  const entries: Array<{ recordId: number; fieldId: string; content: string }> = [];
  for (const r of records) {
    for (const p of Object.values(schema.fields)) {
      const v = r.values[p.code];
      if (INDEXED_TEXT_TYPES.has(p.type) && typeof v === 'string' && v !== '') {
        entries.push({ recordId: r.id, fieldId: schema.fieldIds[p.code]!, content: v });
      }
    }
  }
  await replaceSearchText(ctx.db, schema.app.domainId, schema.app.id, fresh ? [] : records.map((r) => r.id), entries);
}
