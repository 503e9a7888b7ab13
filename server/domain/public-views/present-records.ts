// Records as visitors get them: only the fields given, written by the records engine as the
// creator would read them (renderRecords: names of people, per-record field permissions), then
// narrowed — files lose their keys and get signed links, tables keep their rows' values only.
import type { Property } from '../../../common/fields/index.js';
import type { VisitorColumn, VisitorFile, VisitorRecord } from '../../../common/api/public-views.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { renderRecords } from '../records/present.js';
import { fileLink } from './file-urls.js';
import type { Reader } from './reader.js';

type ApiValue = { type: string; value: unknown };

export async function presentRecords(reader: Reader, records: StoredRecord[], fields: string[]): Promise<VisitorRecord[]> {
  if (records.length === 0 || fields.length === 0) return records.map((r) => ({ id: String(r.id), values: {} }));
  const texts = await renderRecords(reader.ctx, reader.schema, records, fields);
  const { view, token, previewFilesAt } = reader.open;
  return records.map((r, i) => {
    const written = JSON.parse(texts[i]!.toString('utf8')) as Record<string, ApiValue>;
    const files = (field: string, value: unknown): VisitorFile[] =>
      (Array.isArray(value) ? (value as Array<{ fileKey: string; name: string; contentType: string; size: string }>) : []).map((f) => ({
        name: f.name,
        contentType: f.contentType,
        size: f.size,
        url: fileLink(view, token, r.id, field, f.fileKey, reader.ctx.now, previewFilesAt),
      }));
    const values: VisitorRecord['values'] = {};
    for (const code of fields) {
      const v = Object.hasOwn(written, code) ? written[code]! : undefined;
      if (!v) continue; // hidden from the creator in this record
      if (v.type === 'FILE') values[code] = { type: v.type, value: files(code, v.value) };
      else if (v.type === 'SUBTABLE') values[code] = { type: v.type, value: rows(v.value, files) };
      else values[code] = { type: v.type, value: v.value };
    }
    return { id: String(r.id), values };
  });
}

function rows(value: unknown, files: (field: string, value: unknown) => VisitorFile[]): Array<{ value: Record<string, ApiValue> }> {
  if (!Array.isArray(value)) return [];
  return (value as Array<{ value: Record<string, ApiValue> }>).map((row) => {
    const out: Record<string, ApiValue> = {};
    for (const [code, cell] of Object.entries(row.value ?? {})) out[code] = cell.type === 'FILE' ? { type: cell.type, value: files(code, cell.value) } : cell;
    return { value: out };
  });
}

/** Labels and types of the fields given (a table with its columns), in that order. */
export function columnsOf(reader: Reader, fields: string[]): VisitorColumn[] {
  const column = (p: Property): VisitorColumn => ({ code: p.code, label: String(p.label ?? p.code), type: p.type });
  return fields.map((code) => {
    const p = reader.schema.fields[code] as Property;
    if (p.type !== 'SUBTABLE') return column(p);
    return { ...column(p), fields: Object.values((p.fields ?? {}) as Record<string, Property>).map(column) };
  });
}
