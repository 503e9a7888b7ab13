// POST record/history/revert.json: writes a version's values back as an ordinary edit — through
// the records' own update path, so formulas are recomputed, unique values claimed, files kept
// and the search index renewed — recorded as a REVERT version. Needs the edit right on the
// record, and the version must be one the caller's history shows.
//
// What goes back: the fields the caller may write that differ between that version and the
// record now. Fields the caller cannot see stay as they are (reverting them would change what
// they cannot see, and refusing would tell them it changed: spec/security.md R10); a field they
// see but may not write that would change refuses the whole revert (CB_NO02, nothing written).
// Computed fields (formulas, lookup copies) follow from the rest; status and assignees move
// only through process actions. Files come back only while the record still holds them: a
// file removed from a record is deleted with that edit.
import { type Property, type StoredFile, type StoredRow, isInputType, nonWritableCodes } from '../../../common/fields/index.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { updateRecords } from '../records/update-records.js';
import { sameValue } from './keep-versions.js';
import { historyOf } from './list-history.js';
import type { Values } from './shown-versions.js';

export async function revertRecord(ctx: Ctx, appId: number, recordId: number, revision: number, currentRevision?: number): Promise<number> {
  const schema = await recordSchema(ctx, appId, 'edit');
  const { record, hidden, shown, data } = await historyOf(ctx, schema, recordId, 'edit');
  // Refused only once the record is known to be visible: the refusal says nothing new.
  if (!record.allowed) throw new AppError('CB_NO02');
  if (currentRevision !== undefined && currentRevision !== -1 && currentRevision !== record.revision) throw new AppError('GAIA_CO02');
  if (!shown.some((v) => v.head.revision === revision)) throw AppError.invalid({ revision: 'notFound' });
  const version = (await data([revision])).get(revision)!;
  const input = revertInput(schema, version, record, hidden);
  const [result] = await updateRecords(ctx, appId, [{ id: recordId, record: input, revision: record.revision }], {
    upsert: false,
    prefix: () => 'record',
    history: 'REVERT',
  });
  return result!.revision;
}

type ApiValues = Record<string, { type: string; value: unknown }>;

/** The record input (`{code: {value}}`) that puts the version's values back. */
function revertInput(schema: RecordSchema, version: Values, record: StoredRecord, hidden: ReadonlySet<string>): Record<string, { value: unknown }> {
  const computed = nonWritableCodes(schema.fields);
  const codes = Object.values(schema.fields)
    .filter((p) => isInputType(p.type) && !computed.has(p.code) && !hidden.has(p.code))
    .filter((p) => !sameValue(version[schema.fieldIds[p.code] ?? ''], record.data[schema.fieldIds[p.code] ?? '']))
    .map((p) => p.code);
  if (codes.length === 0) return {};
  // kintone's record JSON is what a PUT takes back (`type` is ignored, names too).
  const extras = { id: '', revision: '', recordNumber: '', creator: '', createdAt: '', modifier: '', updatedAt: '', names: () => undefined, fieldsFilter: new Set(codes) };
  const json = JSON.parse(schema.writeApi(version, extras)) as ApiValues;
  const input: Record<string, { value: unknown }> = {};
  for (const code of codes) {
    const p = schema.fields[code]!;
    const now = record.data[schema.fieldIds[code]!];
    const value = json[code]?.value;
    input[code] = { value: p.type === 'FILE' ? stillHeld(value, now) : p.type === 'SUBTABLE' ? rowsBack(schema, p, value, now) : value };
  }
  return input;
}

/** Files of the version the record still holds there (a key it does not hold would be taken for an upload). */
function stillHeld(files: unknown, now: unknown): unknown {
  const held = new Set((Array.isArray(now) ? (now as StoredFile[]) : []).map((f) => f.fileKey));
  return (Array.isArray(files) ? (files as StoredFile[]) : []).filter((f) => held.has(f.fileKey));
}

/** A table's rows as the version had them; file columns keep only files the same row still holds. */
function rowsBack(schema: RecordSchema, table: Property, rows: unknown, now: unknown): unknown {
  const files = Object.values((table.fields ?? {}) as Record<string, Property>).filter((q) => q.type === 'FILE');
  if (files.length === 0 || !Array.isArray(rows)) return rows;
  const current = new Map((Array.isArray(now) ? (now as StoredRow[]) : []).map((r) => [r.id, r.value]));
  return (rows as Array<{ id: string; value: ApiValues }>).map((row) => {
    const value = { ...row.value };
    for (const q of files) value[q.code] = { type: 'FILE', value: stillHeld(value[q.code]?.value, current.get(row.id)?.[schema.fieldIds[q.code]!]) };
    return { id: row.id, value };
  });
}
