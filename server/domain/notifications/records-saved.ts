// What follows adding and editing records, in the write's transaction: the general
// notifications for "record added" and "record edited", and the per-record notifications whose
// condition a saved record has come to meet (met now, not before the edit: kintone does not
// notify again while a record keeps meeting it). An app with neither costs nothing here, so bulk
// adds stay as fast as before.
import { findRecordsByIds, type StoredRecord } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import type { RecordSchema } from '../records/schema.js';
import { matchedBefore, matchingNow } from './conditions.js';
import { type PlannedEvent, deliverPlanned, generalReach, targetReach } from './plan.js';
import { notificationSettingsOf } from './settings-model.js';

export interface SavedRecords {
  /** Ids of the records just added. */
  added: number[];
  /** The records just edited, as they were before the edit. */
  edited: StoredRecord[];
}

export async function recordsSaved(ctx: Ctx, schema: RecordSchema, saved: SavedRecords): Promise<void> {
  const settings = notificationSettingsOf(schema.def);
  const onAdd = settings.general.filter((g) => g.recordAdded);
  const onEdit = settings.general.filter((g) => g.recordEdited);
  const conditions = settings.perRecord;
  const added = saved.added.length > 0 && (onAdd.length > 0 || conditions.length > 0) ? saved.added : [];
  const edited = saved.edited.length > 0 && (onEdit.length > 0 || conditions.length > 0) ? saved.edited : [];
  if (added.length === 0 && edited.length === 0) return;

  const { domainId, id: appId } = schema.app;
  const ids = [...added, ...edited.map((r) => r.id)];
  const after = await findRecordsByIds(ctx.db, domainId, appId, ids);
  const planned: PlannedEvent[] = [];
  if (onAdd.length) {
    for (const id of added) planned.push({ kind: 'recordAdded', appId, recordId: id, reach: generalReach(schema.def, onAdd, after.get(id) ?? null) });
  }
  if (onEdit.length) {
    for (const before of edited) {
      const now = after.get(before.id);
      const fields = now ? changedFields(before, now) : [];
      // A save that changed nothing tells nothing (kintone's history shows no version either).
      if (fields.length === 0) continue;
      planned.push({ kind: 'recordEdited', appId, recordId: before.id, detail: { fields }, reach: generalReach(schema.def, onEdit, now ?? null) });
    }
  }
  for (const n of conditions) {
    const now = await matchingNow(ctx, schema, n.filterCond, ids);
    const earlier = await matchedBefore(ctx, schema, n.filterCond, edited.filter((r) => now.has(r.id)));
    const met = [...added.filter((id) => now.has(id)), ...edited.filter((r) => now.has(r.id) && !earlier.has(r.id)).map((r) => r.id)];
    for (const id of met) planned.push({ kind: 'perRecord', appId, recordId: id, detail: { title: n.title }, reach: targetReach(schema.def, n.targets, after.get(id) ?? null) });
  }
  await deliverPlanned(ctx, domainId, planned);
}

/** Internal ids of the top-level fields whose stored values differ. */
export function changedFields(before: Pick<StoredRecord, 'data'>, after: Pick<StoredRecord, 'data'>): string[] {
  const keys = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
  return [...keys].filter((k) => JSON.stringify(before.data[k] ?? null) !== JSON.stringify(after.data[k] ?? null));
}
