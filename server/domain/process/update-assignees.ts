// PUT record/assignees.json: an app manager replaces a record's current assignees (kintone's
// "change current assignees"; the API asks for the right to manage the app). Any active user of
// the domain may be named (in a guest space, any of its people), up to 100; a ONE state takes one. An empty list leaves the record
// with nobody assigned, so that anyone who sees it may act. Counts one revision.
import { replaceRecord } from '../../storage/records.repo.js';
import { fromDb } from '../../storage/dialect.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { writerOf } from '../records/writer.js';
import { assigneesOf, processSchema, visibleRecords } from './change-status.js';
import { assigned } from './hooks.js';
import { keepVersions } from '../history/keep-versions.js';
import { recordsChanged } from '../records/record-events.js';
import { guestSpaceOf, spacePeople } from '../spaces/space-access.js';

export async function updateAssignees(ctx: Ctx, appId: number, id: number, codes: string[], revision?: number): Promise<number> {
  const { schema, process, slots } = await processSchema(ctx, appId);
  const r = (await visibleRecords(ctx, schema, [id])).get(id)!;
  // Refused only once the record is known to be visible: the refusal says nothing new.
  if (!schema.rights.manage) throw new AppError('CB_NO02');
  if (revision !== undefined && revision !== -1 && revision !== r.revision) throw new AppError('GAIA_CO02');
  const keys = [...new Set(codes.map(codeKey))];
  const state = process.states.find((s) => s.name === r.data[slots.statusId]);
  if (state?.assignee.type === 'ONE' && keys.length > 1) throw AppError.invalid({ assignees: 'processOneAssignee' });
  const rows = keys.length
    ? await ctx.db.selectFrom('users').select(['code', 'codeKey', 'valid']).where('domainId', '=', schema.app.domainId).where('codeKey', 'in', keys).execute()
    : [];
  const active = new Map(rows.filter((u) => fromDb.bool(u.valid)).map((u) => [u.codeKey, u.code]));
  // In a guest space's apps only the space's own people may be assigned; anyone else is answered
  // like a login that does not exist (architecture "Walls", probe G16).
  const guestSpace = await guestSpaceOf(ctx, schema.directoryVersion, schema.app.spaceId);
  if (guestSpace !== null) {
    const people = await spacePeople(ctx, schema.directoryVersion, guestSpace, [...active.keys()]);
    for (const k of [...active.keys()]) if (!people.has(k)) active.delete(k);
  }
  const missing = codes.find((c) => !active.has(codeKey(c)));
  if (missing !== undefined) throw new AppError('GAIA_IL26', { params: { code: missing } });
  const assignees = keys.map((k) => ({ code: active.get(k)! }));
  const writer = await writerOf(ctx);
  const next = { ...r, revision: r.revision + 1, data: { ...r.data, [slots.assigneeId]: assignees }, modifierId: writer.userId, updatedAt: ctx.now };
  if (!(await replaceRecord(ctx.db, schema.app.domainId, schema.app.id, r.revision, next))) throw new AppError('GAIA_CO02');
  await keepVersions(ctx, schema, 'STATUS', [{ before: r, after: next }]);
  const had = new Set(assigneesOf(r, slots).map((a) => codeKey(a.code)));
  const fresh = assignees.filter((a) => !had.has(codeKey(a.code)));
  if (fresh.length) await assigned(ctx, { app: schema.app, recordId: r.id, codes: fresh.map((a) => a.code) });
  recordsChanged(ctx, appId, [{ id: r.id, revision: next.revision }]);
  return next.revision;
}
