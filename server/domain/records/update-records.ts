// PUT record(s): by id or by a unique field (`updateKey`), with optional revision checks, all or
// nothing. With `upsert`, an item whose record does not exist is added instead — including a
// non-existent id, which the CLI sends for rows without a key (spec §3.7).
import { canonicalNumber } from '../../../common/fields/index.js';
import { deleteFiles } from '../../files/delete-files.js';
import { nextIds } from '../../storage/db.js';
import { findRecordsByIds, insertRecords, replaceRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { claimUniqueValues, filesOf, indexText, ownFiles } from './persist.js';
import { prepareWrites, uniqueKey, type WriteItem } from './prepare.js';
import { type RecordSchema, recordSchema } from './schema.js';
import { fromStored, toStored } from './shape.js';
import { writerOf } from './writer.js';

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

async function idByKey(ctx: Ctx, schema: RecordSchema, key: { field: string; value: unknown }, at: string): Promise<number | null> {
  const p = schema.fields[key.field];
  if (!p || p.unique !== true || (p.type !== 'SINGLE_LINE_TEXT' && p.type !== 'NUMBER')) {
    throw AppError.invalid({ [`${at}.updateKey.field`]: 'invalid' });
  }
  const raw = typeof key.value === 'number' ? String(key.value) : (key.value as string);
  // Stored numbers are canonical ("1e3" and "1000.00" were saved as "1000"): so is the key.
  const value = uniqueKey(p, p.type === 'NUMBER' ? (canonicalNumber(raw) ?? raw) : raw);
  if (value === null) throw AppError.invalid({ [`${at}.updateKey.value`]: 'required' });
  const row = await ctx.db
    .selectFrom('recordUniqueValues')
    .select('recordId')
    .where('domainId', '=', schema.app.domainId)
    .where('appId', '=', schema.app.id)
    .where('fieldId', '=', schema.fieldIds[p.code]!)
    .where('value', '=', value)
    .executeTakeFirst();
  return row ? Number(row.recordId) : null;
}

export async function updateRecords(
  ctx: Ctx,
  appId: number,
  items: UpdateItem[],
  options: { upsert: boolean; prefix: (i: number) => string },
): Promise<UpdateResult[]> {
  const schema = await recordSchema(ctx, appId);
  const writer = await writerOf(ctx);
  const { domainId } = schema.app;

  const targets: Array<number | null> = [];
  for (const [i, item] of items.entries()) {
    const at = options.prefix(i);
    if ((item.id === undefined) === (item.updateKey === undefined)) throw AppError.invalid({ [at]: 'invalid' });
    targets.push(item.id ?? (await idByKey(ctx, schema, item.updateKey!, at)));
  }
  const existing = await findRecordsByIds(ctx.db, domainId, appId, targets.filter((t): t is number => t !== null));
  const writes: WriteItem[] = [];
  for (const [i, item] of items.entries()) {
    const current = targets[i] == null ? undefined : existing.get(targets[i]!);
    if (!current) {
      if (!options.upsert) throw new AppError('GAIA_RE01', { params: { id: item.id ?? String(item.updateKey?.value ?? '') } });
      // An upsert by key inserts the key's value with the record.
      const record = { ...(item.record as object), ...(item.updateKey ? { [item.updateKey.field]: { value: item.updateKey.value } } : {}) };
      writes.push({ input: record, prefix: options.prefix(i) });
      continue;
    }
    if (item.revision !== undefined && item.revision !== -1 && item.revision !== current.revision) throw new AppError('GAIA_CO02');
    writes.push({ input: item.record ?? {}, prefix: options.prefix(i), existing: { id: current.id, values: fromStored(schema, current.data) } });
  }

  const values = await prepareWrites(ctx, schema, writes, writer);
  const inserts = writes.filter((w) => !w.existing).length;
  const newIds = inserts ? await nextIds(ctx.db, domainId, `record:${appId}`, inserts) : [];
  const results: UpdateResult[] = [];
  for (const [i, w] of writes.entries()) {
    const v = values[i]!;
    if (!w.existing) {
      const id = newIds.shift()!;
      await insertRecords(ctx.db, domainId, appId, [
        { id, revision: 1, data: toStored(schema, v), creatorId: writer.userId, createdAt: ctx.now, modifierId: writer.userId, updatedAt: ctx.now },
      ]);
      await claimUniqueValues(ctx, schema, id, v);
      await ownFiles(ctx, schema, id, v);
      await indexText(ctx, schema, [{ id, values: v }], true);
      results.push({ id, revision: 1, ...(options.upsert ? { operation: 'INSERT' as const } : {}) });
      continue;
    }
    const current = existing.get(w.existing.id)!;
    const revision = current.revision + 1;
    const ok = await replaceRecord(ctx.db, domainId, appId, current.revision, {
      ...current,
      revision,
      data: toStored(schema, v),
      modifierId: writer.userId,
      updatedAt: ctx.now,
    });
    if (!ok) throw new AppError('GAIA_CO02');
    await claimUniqueValues(ctx, schema, current.id, v);
    const kept = new Set(filesOf(schema, v).map((f) => f.fileKey));
    const removed = filesOf(schema, w.existing.values).filter((f) => !kept.has(f.fileKey));
    if (removed.length) await deleteFiles(ctx, removed.map((f) => f.fileKey));
    await ownFiles(ctx, schema, current.id, v);
    await indexText(ctx, schema, [{ id: current.id, values: v }]);
    results.push({ id: current.id, revision, ...(options.upsert ? { operation: 'UPDATE' as const } : {}) });
  }
  return results;
}
