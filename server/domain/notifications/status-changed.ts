// Who hears of process management, in the change's transaction: the general notification rows
// with "status changed" (the people they name in "All", the record's fields "To me"), the
// per-record notifications whose condition the record has come to meet by the move, and each
// newly assigned user, "To me".
import type { App } from '../../storage/apps.repo.js';
import { findRecordsByIds } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import { statusSlots } from '../process/model.js';
import { recordSchema } from '../records/schema.js';
import { matchedBefore, matchingNow } from './conditions.js';
import { type PlannedEvent, deliverPlanned, generalReach, targetReach } from './plan.js';
import { notificationSettingsOf } from './settings-model.js';

export interface StatusMove {
  app: App;
  recordId: number;
  action: string;
  from: string;
  to: string;
}

export async function statusMoved(ctx: Ctx, move: StatusMove): Promise<void> {
  const schema = await recordSchema(ctx, move.app.id, 'view');
  const settings = notificationSettingsOf(schema.def);
  const rows = settings.general.filter((g) => g.statusChanged);
  if (rows.length === 0 && settings.perRecord.length === 0) return;
  const { domainId, id: appId } = schema.app;
  const record = (await findRecordsByIds(ctx.db, domainId, appId, [move.recordId])).get(move.recordId);
  if (!record) return;
  const detail = { action: move.action, from: move.from, to: move.to };
  const planned: PlannedEvent[] = [];
  if (rows.length) planned.push({ kind: 'statusChanged', appId, recordId: record.id, detail, reach: generalReach(schema.def, rows, record) });
  // The record before the move, as far as conditions look at it: in the status it left.
  const slots = statusSlots(schema.def);
  const before = slots ? { ...record, data: { ...record.data, [slots.statusId]: move.from } } : record;
  for (const n of settings.perRecord) {
    const met = (await matchingNow(ctx, schema, n.filterCond, [record.id])).has(record.id);
    if (!met || (await matchedBefore(ctx, schema, n.filterCond, [before])).has(record.id)) continue;
    planned.push({ kind: 'perRecord', appId, recordId: record.id, detail: { title: n.title }, reach: targetReach(schema.def, n.targets, record) });
  }
  await deliverPlanned(ctx, domainId, planned);
}

export async function usersAssigned(ctx: Ctx, who: { app: App; recordId: number; codes: string[] }): Promise<void> {
  if (who.codes.length === 0) return;
  const record = (await findRecordsByIds(ctx.db, who.app.domainId, who.app.id, [who.recordId])).get(who.recordId);
  const schema = await recordSchema(ctx, who.app.id, 'view');
  const slots = statusSlots(schema.def);
  const status = record && slots ? record.data[slots.statusId] : undefined;
  await deliverPlanned(ctx, who.app.domainId, [
    {
      kind: 'assigned',
      appId: who.app.id,
      recordId: who.recordId,
      detail: typeof status === 'string' ? { status } : {},
      reach: [{ refs: who.codes.map((code) => ({ type: 'USER', code })), toMe: true }],
    },
  ]);
}
