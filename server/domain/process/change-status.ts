// PUT record/status.json and records/status.json: run an action on records, all or nothing.
//
// Who may: anyone who may view the app and the record (a record outside one's scope answers as
// missing), and then, as kintone: a PRIMARY action needs the caller to be a current assignee
// when the record has any, a SECONDARY one ("executable by non-assignees") needs the caller in
// its executable-user list. The action must start from the record's status and its condition
// must hold for the record (else GAIA_IL03). The next state's assignees: ONE — the caller picks
// one of its candidates (`assignee`, required when there are candidates); ALL and ANY — every
// candidate. In an ALL state, each assignee acts in turn: an assignee's action takes them off
// the list, and the last one's action moves the record (kintone's getAssignees shows who has
// acted; we keep only those still to act).
//
// Revisions: a move counts two (the action, then the status), as kintone; an ALL assignee's
// step that does not move the record counts one. Either way the record's modifier and update
// time become the caller and now.
import type { StoredEntity } from '../../../common/fields/index.js';
import { replaceRecord, type StoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords } from '../records/record-scope.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { writerOf } from '../records/writer.js';
import { type ProcessAction, type ProcessSettings, type ProcessState, enabledProcess, statusSlots } from './model.js';
import { actionConditionHolds } from './action-condition.js';
import { assigned, statusChanged } from './hooks.js';
import { candidatesOf, namesCaller } from './people.js';
import { keepVersions } from '../history/keep-versions.js';
import { recordsChanged } from '../records/record-events.js';

export interface StatusItem {
  id: number;
  action: string;
  assignee?: string;
  revision?: number;
}

type Slots = { statusId: string; assigneeId: string };

/** The app's live schema and settings, when its process management is on (else GAIA_ST02). */
export async function processSchema(ctx: Ctx, appId: number): Promise<{ schema: RecordSchema; process: ProcessSettings; slots: Slots }> {
  const schema = await recordSchema(ctx, appId, 'view');
  const process = enabledProcess(schema.def);
  const slots = statusSlots(schema.def);
  if (!process || !slots) throw new AppError('GAIA_ST02');
  return { schema, process, slots };
}

/** The records by id, as the caller sees them; one it may not see answers as missing. */
export async function visibleRecords(ctx: Ctx, schema: RecordSchema, ids: number[]): Promise<Map<number, StoredRecord>> {
  const found = await findVisibleRecords(ctx, schema, ids);
  for (const id of ids) if (!found.has(id)) throw new AppError('GAIA_RE01', { params: { id } });
  return found;
}

export function assigneesOf(r: StoredRecord, slots: Slots): StoredEntity[] {
  const v = r.data[slots.assigneeId];
  return Array.isArray(v) ? (v as StoredEntity[]) : [];
}

function callerCode(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'guest' ? codeKey(ctx.actor.code) : null;
}

export async function changeStatuses(ctx: Ctx, appId: number, items: StatusItem[], prefix: (i: number) => string): Promise<Array<{ id: number; revision: number }>> {
  const { schema, process, slots } = await processSchema(ctx, appId);
  const records = await visibleRecords(ctx, schema, items.map((i) => i.id));
  const writer = await writerOf(ctx);
  const results: Array<{ id: number; revision: number }> = [];
  for (const [i, item] of items.entries()) {
    // The same record twice moves twice: each item sees what the one before it did.
    const r = records.get(item.id)!;
    if (item.revision !== undefined && item.revision !== -1 && item.revision !== r.revision) throw new AppError('GAIA_CO02');
    const action = await chooseAction(ctx, schema, process, slots, r, item, prefix(i));
    const from = process.states.find((s) => s.name === action.from)!;
    const before = assigneesOf(r, slots);
    const me = callerCode(ctx);
    const step = action.type === 'PRIMARY' && from.assignee.type === 'ALL' && before.length > 1 && me !== null;
    const next = step
      ? { data: { ...r.data, [slots.assigneeId]: before.filter((a) => codeKey(a.code) !== me) }, revision: r.revision + 1 }
      : { data: await moveData(ctx, schema, process, slots, r, action, item.assignee, prefix(i)), revision: r.revision + 2 };
    const written: StoredRecord = { ...r, ...next, modifierId: writer.userId, updatedAt: ctx.now };
    if (!(await replaceRecord(ctx.db, schema.app.domainId, schema.app.id, r.revision, written))) throw new AppError('GAIA_CO02');
    records.set(r.id, written);
    await keepVersions(ctx, schema, 'STATUS', [{ before: r, after: written }]);
    if (!step) {
      await statusChanged(ctx, { app: schema.app, recordId: r.id, action: action.name, from: action.from, to: action.to });
      // Everyone the record now waits for has been given it anew, even someone who had it before.
      const now = assigneesOf(written, slots);
      if (now.length) await assigned(ctx, { app: schema.app, recordId: r.id, codes: now.map((a) => a.code) });
    }
    results.push({ id: r.id, revision: written.revision });
  }
  // The same record moved twice is one change, at its last revision.
  recordsChanged(ctx, appId, [...new Map(results.map((r) => [r.id, r])).values()]);
  return results;
}

/** The action `item` names from the record's status, once the caller is known to be allowed it. */
async function chooseAction(ctx: Ctx, schema: RecordSchema, process: ProcessSettings, slots: Slots, r: StoredRecord, item: StatusItem, at: string): Promise<ProcessAction> {
  const status = r.data[slots.statusId];
  const matching = process.actions.filter((a) => a.name === item.action && a.from === status);
  if (matching.length === 0) throw new AppError('GAIA_IL03');
  if (matching.length > 1) throw AppError.invalid({ [`${at}action`]: 'processActionAmbiguous' });
  const action = matching[0]!;
  const facts = { app: schema.app, def: schema.def, directoryVersion: schema.directoryVersion };
  if (action.type === 'SECONDARY') {
    if (!(await namesCaller(ctx, facts, action.executableUser?.entities ?? [], r))) throw new AppError('GAIA_NT01');
  } else {
    const current = assigneesOf(r, slots);
    const me = callerCode(ctx);
    const isAssignee = me !== null && current.some((a) => codeKey(a.code) === me);
    if (current.length > 0 && !isAssignee && ctx.actor.kind !== 'system') throw new AppError('GAIA_NT01');
  }
  if (!(await actionConditionHolds(ctx, schema, action.filterCond, r.id))) throw new AppError('GAIA_IL03');
  return action;
}

/** The record's data in the action's target state, with that state's assignees. */
async function moveData(
  ctx: Ctx,
  schema: RecordSchema,
  process: ProcessSettings,
  slots: Slots,
  r: StoredRecord,
  action: ProcessAction,
  assignee: string | undefined,
  at: string,
): Promise<StoredRecord['data']> {
  const to = process.states.find((s) => s.name === action.to)!;
  const assignees = await nextAssignees(ctx, schema, to, r, assignee, at);
  return { ...r.data, [slots.statusId]: to.name, [slots.assigneeId]: assignees };
}

async function nextAssignees(ctx: Ctx, schema: RecordSchema, to: ProcessState, r: StoredRecord, assignee: string | undefined, at: string): Promise<StoredEntity[]> {
  const candidates = await candidatesOf(ctx, schema, to.assignee.entities, r);
  if (to.assignee.type !== 'ONE' || candidates.length === 0) {
    // Nobody to choose: the state takes all its candidates, or none.
    if (assignee !== undefined) throw new AppError('GAIA_SA04');
    return candidates.map((code) => ({ code }));
  }
  if (assignee === undefined) throw new AppError('GAIA_SA01');
  const chosen = candidates.find((c) => codeKey(c) === codeKey(assignee));
  if (chosen) return [{ code: chosen }];
  // A guest may not learn from the answer who exists outside its space (probe G16).
  if (ctx.actor.kind === 'guest') throw new AppError('GAIA_IL26', { params: { code: assignee } });
  const exists = await ctx.db.selectFrom('users').select('id').where('domainId', '=', schema.app.domainId).where('codeKey', '=', codeKey(assignee)).executeTakeFirst();
  if (!exists) throw new AppError('GAIA_IL26', { params: { code: assignee } });
  throw AppError.invalid({ [`${at}assignee`]: 'processNotCandidate' });
}
