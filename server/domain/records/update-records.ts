// PUT record(s): by id or by a unique field (`updateKey`), with optional revision checks, all or
// nothing. With `upsert`, an item whose record does not exist is added instead — including a
// non-existent id, which the CLI sends for rows without a key (spec §3.7).
import { canonicalNumber } from '../../../common/fields/index.js';
import { deleteFiles } from '../../files/delete-files.js';
import { findRecordsByIds, insertRecords, replaceRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import { forbidden } from '../apps/load-app.js';
import type { Ctx } from '../context.js';
import { type Written, claimUniqueValues, filesOf, indexText, ownFiles } from './persist.js';
import { prepareWrites, uniqueKey, type WriteItem } from './prepare.js';
import { startRecords } from '../process/initial-status.js';
import { assertWritable } from './field-limits.js';
import { findVisibleRecords } from './record-scope.js';
import { type RecordSchema, recordSchema } from './schema.js';
import { fromStored, toStored } from './shape.js';
import { writerOf } from './writer.js';
import { recordsSaved } from '../notifications/records-saved.js';
import { recordsChanged } from './record-events.js';
import { type RecordWrite, keepVersions } from '../history/keep-versions.js';

export interface UpdateItem {
  id?: number;
  updateKey?: { field: string; value: unknown };
  record?: unknown;
  revision?: number;
}

export interface UpdateResult {
  id: number;
  revision: number;
  operation?: 'INSERT' | 'UPDATE';
}

/** The unique key an item names its record by, checked and in its stored (canonical) form. */
function keyOf(schema: RecordSchema, key: { field: string; value: unknown }, at: string): { fieldId: string; value: string } {
  // A key the caller may not see is unknown to them, like in a query (probe R5).
  if (schema.fieldLimits.unqueryable.has(key.field)) throw new AppError('GAIA_IQ11', { params: { field: key.field } });
  const p = schema.fields[key.field];
  if (!p || p.unique !== true || (p.type !== 'SINGLE_LINE_TEXT' && p.type !== 'NUMBER')) {
    throw AppError.invalid({ [`${at}.updateKey.field`]: 'invalid' });
  }
  const raw = typeof key.value === 'number' ? String(key.value) : (key.value as string);
  // Stored numbers are canonical ("1e3" and "1000.00" were saved as "1000"): so is the key.
  const value = uniqueKey(p, p.type === 'NUMBER' ? (canonicalNumber(raw) ?? raw) : raw);
  if (value === null) throw AppError.invalid({ [`${at}.updateKey.value`]: 'required' });
  return { fieldId: schema.fieldIds[p.code]!, value };
}

/** The record each item names, by id or by key (null: no such record); one query per key field. */
async function targetsOf(ctx: Ctx, schema: RecordSchema, items: UpdateItem[], prefix: (i: number) => string): Promise<Array<number | null>> {
  const keys = items.map((item, i) => {
    const at = prefix(i);
    if ((item.id === undefined) === (item.updateKey === undefined)) throw AppError.invalid({ [at]: 'invalid' });
    return item.updateKey ? keyOf(schema, item.updateKey, at) : null;
  });
  const byField = new Map<string, string[]>();
  for (const k of keys) if (k) byField.set(k.fieldId, [...(byField.get(k.fieldId) ?? []), k.value]);
  const found = new Map<string, number>();
  for (const [fieldId, values] of byField) {
    const rows = await ctx.db
      .selectFrom('recordUniqueValues')
      .select(['value', 'recordId'])
      .where('domainId', '=', schema.app.domainId)
      .where('appId', '=', schema.app.id)
      .where('fieldId', '=', fieldId)
      .where('value', 'in', [...new Set(values)])
      .execute();
    for (const r of rows) found.set(`${fieldId} ${r.value}`, Number(r.recordId));
  }
  return items.map((item, i) => (keys[i] ? (found.get(`${keys[i]!.fieldId} ${keys[i]!.value}`) ?? null) : item.id!));
}

export async function updateRecords(
  ctx: Ctx,
  appId: number,
  items: UpdateItem[],
  /** `history`: what the edits count as in record history (a revert's, REVERT; else EDIT). */
  options: { upsert: boolean; prefix: (i: number) => string; history?: 'EDIT' | 'REVERT' },
): Promise<UpdateResult[]> {
  const schema = await recordSchema(ctx, appId, 'edit');
  const writer = await writerOf(ctx);
  const { domainId } = schema.app;

  const targets = await targetsOf(ctx, schema, items, options.prefix);
  const wanted = targets.filter((t): t is number => t !== null);
  const existing = await findVisibleRecords(ctx, schema, wanted, 'edit');
  // A record the actor cannot see answers as missing, and is never replaced by an insert (R5).
  const hidden = existing.size < new Set(wanted).size ? await findRecordsByIds(ctx.db, domainId, appId, wanted.filter((id) => !existing.has(id))) : new Map();
  const writes: WriteItem[] = [];
  for (const [i, item] of items.entries()) {
    const current = targets[i] == null ? undefined : existing.get(targets[i]!);
    if (!current) {
      if (!options.upsert || (targets[i] != null && hidden.has(targets[i]!))) {
        throw new AppError('GAIA_RE01', { params: { id: item.id ?? String(item.updateKey?.value ?? '') } });
      }
      if (!schema.rights.add) throw forbidden(ctx);
      // An upsert by key inserts the key's value with the record.
      const record = { ...(item.record as object), ...(item.updateKey ? { [item.updateKey.field]: { value: item.updateKey.value } } : {}) };
      assertWritable(schema.fieldLimits, record as Record<string, unknown>, { fresh: { byCode: record as Record<string, unknown>, writerId: writer.userId } });
      writes.push({ input: record, prefix: options.prefix(i) });
      continue;
    }
    if (item.revision !== undefined && item.revision !== -1 && item.revision !== current.revision) throw new AppError('GAIA_CO02');
    if (current.allowed) assertWritable(schema.fieldLimits, (item.record ?? {}) as Record<string, unknown>, { stored: current });
    writes.push({ input: item.record ?? {}, prefix: options.prefix(i), existing: { id: current.id, values: fromStored(schema, current.data) } });
  }

  // Refused only once every target is known to be there: a refusal says that a record exists.
  for (const t of targets) if (t !== null && existing.get(t)?.allowed === false) throw new AppError('CB_NO02');
  const values = await prepareWrites(ctx, schema, writes, writer);
  const inserts = writes.filter((w) => !w.existing).length;
  const newIds = inserts ? await ctx.takeIds(`record:${appId}`, inserts) : [];
  const results: UpdateResult[] = [];
  const added: Written[] = [];
  const changed: Written[] = [];
  const removedFiles: string[] = [];
  const edits: RecordWrite[] = [];
  for (const [i, w] of writes.entries()) {
    const v = values[i]!;
    if (!w.existing) {
      const id = newIds.shift()!;
      added.push({ id, values: v });
      results.push({ id, revision: 1, ...(options.upsert ? { operation: 'INSERT' as const } : {}) });
      continue;
    }
    const current = existing.get(w.existing.id)!;
    const revision = current.revision + 1;
    const next = { ...current, revision, data: toStored(schema, v), modifierId: writer.userId, updatedAt: ctx.now };
    const ok = await replaceRecord(ctx.db, domainId, appId, current.revision, next);
    if (!ok) throw new AppError('GAIA_CO02');
    edits.push({ before: current, after: next });
    changed.push({ id: current.id, values: v });
    const kept = new Set(filesOf(schema, v).map((f) => f.fileKey));
    for (const f of filesOf(schema, w.existing.values)) if (!kept.has(f.fileKey)) removedFiles.push(f.fileKey);
    results.push({ id: current.id, revision, ...(options.upsert ? { operation: 'UPDATE' as const } : {}) });
  }
  // Record history: the versions these edits made (history/keep-versions.ts).
  await keepVersions(ctx, schema, options.history ?? 'EDIT', edits);
  // Process management: records an upsert adds start in the first status (process/initial-status.ts).
  await startRecords(ctx, schema, added.map((r) => ({ ...r, creatorId: writer.userId })));
  await insertRecords(
    ctx.db,
    domainId,
    appId,
    added.map((r) => ({ id: r.id, revision: 1, data: toStored(schema, r.values), creatorId: writer.userId, createdAt: ctx.now, modifierId: writer.userId, updatedAt: ctx.now })),
  );
  // Claims are released and taken for all records at once, so two records may swap values.
  await claimUniqueValues(ctx, schema, [...changed, ...added]);
  if (removedFiles.length) await deleteFiles(ctx, removedFiles);
  await ownFiles(ctx, schema, [...changed, ...added]);
  await indexText(ctx, schema, changed);
  await indexText(ctx, schema, added, true);
  // Notifications: who hears of these adds and edits (notifications/records-saved.ts).
  await recordsSaved(ctx, schema, { added: added.map((r) => r.id), edited: changed.map((r) => existing.get(r.id)!) });
  recordsChanged(ctx, appId, results.map((r) => ({ id: r.id, revision: r.revision })));
  return results;
}
