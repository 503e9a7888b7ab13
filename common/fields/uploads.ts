// A write names new attachments by upload key; the stored value holds a placeholder for each
// until the server, having checked the key, swaps in the file it stands for.
import { type Property, isObject } from './types.js';
import type { StoredFile, StoredRow, StoredValue } from './value-types.js';

/**
 * Replaces every FILE entry whose key is in `uploadKeys` (the ones parseRecordInput returned) by
 * what `resolve` answers for it, in place, tables included.
 */
export function resolveUploads(
  fields: Record<string, Property>,
  values: Record<string, StoredValue>,
  uploadKeys: readonly string[],
  resolve: (uploadKey: string) => StoredFile,
): void {
  const pending = new Set(uploadKeys);
  if (pending.size === 0) return;
  const visit = (props: Record<string, Property>, vals: Record<string, StoredValue>) => {
    for (const p of Object.values(props)) {
      const v = vals[p.code];
      if (!Array.isArray(v)) continue;
      if (p.type === 'FILE') vals[p.code] = (v as StoredFile[]).map((f) => (pending.has(f.fileKey) ? resolve(f.fileKey) : f));
      if (p.type === 'SUBTABLE' && isObject(p.fields)) for (const row of v as StoredRow[]) visit(p.fields as Record<string, Property>, row.value);
    }
  };
  visit(fields, values);
}
