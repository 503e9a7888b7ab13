// record/actions.json (ours): the actions `PUT record/status.json` would accept from the caller
// on one record right now — from its status, with their conditions holding, and the caller an
// assignee (PRIMARY, when the record has any) or among the executable users (SECONDARY) — and,
// for each, who the next status's candidates are. The same facts as change-status.ts decides on,
// so the details screen offers exactly the buttons that work.
import type { RecordActionJson, RecordActionsJson } from '../../../common/api/record-actions.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { recordSchema } from '../records/schema.js';
import { actionConditionHolds } from './action-condition.js';
import { assigneesOf, visibleRecords } from './change-status.js';
import { enabledProcess, statusSlots } from './model.js';
import { candidatesOf, namesCaller } from './people.js';

export async function recordActions(ctx: Ctx, appId: number, recordId: number): Promise<RecordActionsJson> {
  const schema = await recordSchema(ctx, appId, 'view');
  const records = await visibleRecords(ctx, schema, [recordId]);
  const process = enabledProcess(schema.def);
  const slots = statusSlots(schema.def);
  if (!process || !slots) return { enabled: false, actions: [] };
  const r = records.get(recordId)!;
  const status = r.data[slots.statusId];
  const facts = { app: schema.app, def: schema.def, directoryVersion: schema.directoryVersion };
  const me = ctx.actor.kind === 'user' || ctx.actor.kind === 'guest' ? codeKey(ctx.actor.code) : null;
  const current = assigneesOf(r, slots);
  const isAssignee = me !== null && current.some((a) => codeKey(a.code) === me);
  const out: RecordActionJson[] = [];
  const fromHere = process.actions.filter((a) => a.from === status);
  for (const action of fromHere) {
    // Two actions of one name from one status are refused when run (CB_VA01): none to offer.
    if (fromHere.filter((a) => a.name === action.name).length > 1) continue;
    if (action.type === 'SECONDARY') {
      if (!(await namesCaller(ctx, facts, action.executableUser?.entities ?? [], r))) continue;
    } else if (current.length > 0 && !isAssignee && ctx.actor.kind !== 'system') continue;
    if (!(await actionConditionHolds(ctx, schema, action.filterCond, r.id))) continue;
    const to = process.states.find((s) => s.name === action.to);
    if (!to) continue;
    const codes = await candidatesOf(ctx, schema, to.assignee.entities, r);
    const names = new Map<string, string>();
    if (codes.length > 0) {
      const rows = await ctx.db
        .selectFrom('users')
        .select(['codeKey', 'name'])
        .where('domainId', '=', schema.app.domainId)
        .where('codeKey', 'in', codes.map(codeKey))
        .execute();
      for (const row of rows) names.set(row.codeKey, row.name);
    }
    out.push({
      name: action.name,
      to: action.to,
      type: action.type,
      assignee: { type: to.assignee.type, candidates: codes.map((code) => ({ code, name: names.get(codeKey(code)) ?? code })) },
    });
  }
  return { enabled: true, actions: out };
}
