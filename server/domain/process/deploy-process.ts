// What deploying process management settings does to records, in the deploy's transaction:
// a state still holding records cannot be deleted (kintone's rule), records of a renamed state
// follow it, and with process management on, records without a status get the first state.
import type { App } from '../../storage/apps.repo.js';
import { replaceRecord } from '../../storage/records.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { startUnstartedRecords } from './initial-status.js';
import { enabledProcess, statusSlots } from './model.js';
import { statesHoldingRecords } from './settings.js';
import { recordsByStatus } from './status-rows.js';

export async function deployProcess(ctx: Ctx, app: App, live: AppDefinition | null, next: AppDefinition): Promise<void> {
  const slots = statusSlots(next);
  if (!slots || !next.process) return;
  const before = live?.process?.states ?? [];
  const after = new Map(next.process.states.map((s) => [s.id, s]));
  const held = await statesHoldingRecords(ctx, app, live, before.filter((s) => !after.has(s.id)));
  if (held.length) {
    const errors: Record<string, FieldProblem[]> = {};
    for (const s of held) errors[`states.${s.name}`] = [{ key: 'processStateInUse', params: { name: s.name } }];
    throw new AppError('CB_VA01', { errors });
  }
  const renames = new Map<string, string>();
  for (const s of before) {
    const now = after.get(s.id);
    if (now && now.name !== s.name) renames.set(s.name, now.name);
  }
  if (renames.size) await renameStatuses(ctx, app, slots.statusId, renames);
  // While it is on, every record is given a status as it is made: only turning it on finds any without.
  if (!live || !enabledProcess(live)) await startUnstartedRecords(ctx, { app, def: next });
}

/** Records of renamed states take the new names (states may swap names: one pass per record). */
async function renameStatuses(ctx: Ctx, app: App, statusId: string, renames: Map<string, string>): Promise<void> {
  for (let after = 0; ; ) {
    const batch = await recordsByStatus(ctx, app, statusId, [...renames.keys()], after);
    for (const r of batch) {
      const data = { ...r.data, [statusId]: renames.get(r.data[statusId] as string)! };
      if (!(await replaceRecord(ctx.db, app.domainId, app.id, r.revision, { ...r, data }))) throw new AppError('GAIA_CO02');
    }
    if (batch.length === 0) return;
    after = batch.at(-1)!.id;
  }
}
