// Where records start: every record of an app with process management on is in a state. A new
// record starts in the first state; when process management is turned on (or back on), records
// that have no status yet — made before, or while it was off — get the first state too, as
// kintone gives them. Records that had a status keep it: turning process management off and on
// again brings each record back to where it was.
import type { StoredEntity, StoredValue } from '../../../common/fields/index.js';
import { fromDb } from '../../storage/dialect.js';
import { replaceRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { RecordSchema } from '../records/schema.js';
import { toStored } from '../records/shape.js';
import { type ProcessState, enabledProcess, processFields, statusSlots } from './model.js';
import { type ProcessTarget, type RecordFacts, candidatesOf } from './people.js';
import { assigned } from './hooks.js';
import { recordsByStatus } from './status-rows.js';

/**
 * The assignees records get on arriving in `state` without anyone choosing: every candidate of
 * ALL and ANY; for ONE, the only candidate if there is exactly one. The first state can name
 * nobody or the record's creator only, so its creators are looked up at once for all records.
 */
async function automaticAssignees(ctx: Ctx, t: ProcessTarget, state: ProcessState, records: RecordFacts[]): Promise<StoredEntity[][]> {
  const entities = state.assignee.entities;
  if (entities.length === 0 || records.length === 0) return records.map(() => []);
  const creatorOnly = entities.every((e) => e.entity.type === 'FIELD_ENTITY' && t.def.fields[e.entity.code ?? '']?.type === 'CREATOR');
  if (creatorOnly && state.assignee.type === 'ONE') {
    const ids = [...new Set(records.map((r) => r.creatorId))];
    const rows = await ctx.db.selectFrom('users').select(['id', 'code', 'valid']).where('domainId', '=', t.app.domainId).where('id', 'in', ids).execute();
    const code = new Map(rows.filter((u) => fromDb.bool(u.valid)).map((u) => [Number(u.id), u.code]));
    return records.map((r) => (code.has(r.creatorId) ? [{ code: code.get(r.creatorId)! }] : []));
  }
  const out: StoredEntity[][] = [];
  for (const r of records) {
    const candidates = await candidatesOf(ctx, t, entities, r);
    out.push(state.assignee.type === 'ONE' && candidates.length !== 1 ? [] : candidates.map((code) => ({ code })));
  }
  return out;
}

/** New records (values by field code, about to be inserted): the first state and its assignees. */
export async function startRecords(
  ctx: Ctx,
  schema: RecordSchema,
  records: Array<{ id: number; values: Record<string, StoredValue>; creatorId: number }>,
): Promise<void> {
  const process = enabledProcess(schema.def);
  const { status, assignee } = processFields(schema.fields);
  if (!process || !status || !assignee) return;
  const first = process.states[0]!;
  const facts = records.map((r) => ({ data: toStored(schema, r.values), creatorId: r.creatorId, modifierId: r.creatorId }));
  const lists = await automaticAssignees(ctx, schema, first, facts);
  for (const [i, r] of records.entries()) {
    const assignees = lists[i]!;
    r.values[status.code] = first.name;
    r.values[assignee.code] = assignees;
    if (assignees.length) await assigned(ctx, { app: schema.app, recordId: r.id, codes: assignees.map((a) => a.code) });
  }
}

/**
 * At deploy, with process management on: records without a status get the first state. Their
 * revision stays (the data was not edited; the new live revision renews every cached text).
 */
export async function startUnstartedRecords(ctx: Ctx, t: ProcessTarget): Promise<void> {
  const process = enabledProcess(t.def);
  const slots = statusSlots(t.def);
  if (!process || !slots) return;
  const first = process.states[0]!;
  for (let after = 0; ; ) {
    const batch = await recordsByStatus(ctx, t.app, slots.statusId, null, after);
    const lists = await automaticAssignees(ctx, t, first, batch);
    for (const [i, r] of batch.entries()) {
      const assignees = lists[i]!;
      const data = { ...r.data, [slots.statusId]: first.name, [slots.assigneeId]: assignees };
      if (!(await replaceRecord(ctx.db, t.app.domainId, t.app.id, r.revision, { ...r, data }))) throw new AppError('GAIA_CO02');
      if (assignees.length) await assigned(ctx, { app: t.app, recordId: r.id, codes: assignees.map((a) => a.code) });
    }
    if (batch.length === 0) return;
    after = batch.at(-1)!.id;
  }
}
