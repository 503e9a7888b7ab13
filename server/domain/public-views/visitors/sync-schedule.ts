// A view's visitors re-synchronised from an app on a schedule (hourly or daily): what POST
// visitors/sync.json does on demand, run by the visitor sweep (sweep.ts, once per installation,
// every ten minutes) as the manager who set the schedule — everything that manager may no longer
// do (manage the view, read the app or its fields, the plan's visitors) refuses the run, which is
// kept as the schedule's last error. Of several processes that find a run due, the one whose
// conditional update moves its next time on runs it (claimSyncRun).
import { SYNC_INTERVAL_MS, type SyncScheduleJson } from '../../../../common/api/public-visitors.js';
import { ERRORS, type ErrorCode, format } from '../../../../common/errors.js';
import type { Locale } from '../../../../common/access.js';
import { systemActor } from '../../../policy/actor.js';
import {
  type StoredSyncSchedule,
  type SyncEvery,
  claimSyncRun,
  deleteSyncSchedule,
  dueSyncSchedules,
  findSyncSchedule,
  putSyncSchedule,
  recordSyncRun,
} from '../../../storage/public-view-syncs.repo.js';
import { userNames } from '../../../storage/users.repo.js';
import { AppError } from '../../app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import { type Ctx, type Services, inTransaction } from '../../context.js';
import { activeCreator, editorOf, managedView } from '../managed-view.js';
import { visitorsView } from './manage-visitors.js';
import { type SyncInput, checkSyncSource, syncVisitors } from './sync-visitors.js';

export { SYNC_INTERVAL_MS };
/** Runs one sweep takes on at most; the rest wait for the next. */
const RUNS_PER_SWEEP = 50;

/** Sets (or replaces) the view's schedule, checked now as its first run would be. */
export async function setSyncSchedule(ctx: Ctx, input: SyncInput & { every: SyncEvery }): Promise<SyncScheduleJson> {
  const editor = editorOf(ctx);
  const { view } = await visitorsView(ctx, input.id);
  await checkSyncSource(ctx, input);
  await putSyncSchedule(ctx.db, {
    domainId: view.domainId,
    viewId: view.id,
    appId: input.app,
    emailField: input.emailField,
    nameField: input.nameField ?? null,
    attributes: input.attributes,
    managerId: editor.userId,
    every: input.every,
    nextRunAt: new Date(ctx.now.getTime() + SYNC_INTERVAL_MS[input.every]),
    updatedAt: ctx.now,
  });
  const { every, app, emailField, nameField, attributes } = input;
  await recordAudit(ctx, { action: 'publicView.visitors.syncSchedule', targetType: 'publicView', targetId: view.id, detail: { every, app, emailField, nameField, attributes } });
  return (await syncScheduleOf(ctx, view.id))!;
}

/** The view's schedule and its last run (null: none), for a manager of the view's app. */
export async function syncScheduleOf(ctx: Ctx, id: string): Promise<SyncScheduleJson | null> {
  editorOf(ctx);
  const { view } = await managedView(ctx, id);
  const s = await findSyncSchedule(ctx.db, view.domainId, view.id);
  if (!s) return null;
  const names = await userNames(ctx.db, view.domainId, [s.managerId]);
  return presentSchedule(s, names.get(s.managerId)?.code ?? null, ctx.locale);
}

export async function removeSyncSchedule(ctx: Ctx, id: string): Promise<void> {
  editorOf(ctx);
  const { view } = await managedView(ctx, id);
  if (await deleteSyncSchedule(ctx.db, view.domainId, view.id)) {
    await recordAudit(ctx, { action: 'publicView.visitors.syncSchedule', targetType: 'publicView', targetId: view.id, detail: { every: null } });
  }
}

function presentSchedule(s: StoredSyncSchedule, managerCode: string | null, locale: Locale): SyncScheduleJson {
  const error = s.lastError && Object.hasOwn(ERRORS, s.lastError.code) ? s.lastError : s.lastError ? { code: 'CB_IE01' } : null;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error?.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    else if (v && typeof v === 'object' && locale in v) params[k] = String((v as Record<string, unknown>)[locale]);
  }
  return {
    app: String(s.appId),
    emailField: s.emailField,
    nameField: s.nameField,
    attributes: s.attributes,
    every: s.every,
    manager: { id: String(s.managerId), code: managerCode },
    nextRunAt: s.nextRunAt.toISOString(),
    lastRunAt: s.lastRunAt?.toISOString() ?? null,
    lastResult: (s.lastResult as SyncScheduleJson['lastResult']) ?? null,
    lastError: error ? { code: error.code, message: format(ERRORS[error.code as ErrorCode].message[locale], params) } : null,
  };
}

/** Runs every schedule due now, each claimed first; a run that fails is kept as its last error. */
export async function runDueSyncs(services: Services, onError: (err: unknown) => void = () => {}): Promise<number> {
  const now = services.clock();
  let ran = 0;
  for (const s of await dueSyncSchedules(services.db, now, RUNS_PER_SWEEP)) {
    if (!(await claimSyncRun(services.db, s, now, new Date(now.getTime() + SYNC_INTERVAL_MS[s.every])))) continue;
    ran++;
    const base = { actor: systemActor(s.domainId), locale: 'ja' as const, request: { ip: null, userAgent: null, requestId: null } };
    let outcome: { result: Record<string, number> | null; error: StoredSyncSchedule['lastError'] };
    try {
      const result = await inTransaction(services, base, async (ctx) => {
        // The manager as they are now: suspended, deleted or no longer managing, the run is refused.
        const manager = await activeCreator(ctx, s.managerId);
        if (!manager) throw new AppError('CB_PV01');
        const input = { id: s.viewId, app: s.appId, emailField: s.emailField, attributes: s.attributes, ...(s.nameField ? { nameField: s.nameField } : {}) };
        return syncVisitors({ ...ctx, actor: manager, locale: manager.locale }, input, true);
      });
      outcome = { result: { added: result.added, updated: result.updated, removed: result.removed, skipped: result.skipped }, error: null };
    } catch (err) {
      if (!(err instanceof AppError)) onError(err);
      outcome = { result: null, error: err instanceof AppError ? { code: err.code, ...(err.options.params ? { params: err.options.params } : {}) } : { code: 'CB_IE01' } };
    }
    await recordSyncRun(services.db, s, { at: now, ...outcome });
  }
  return ran;
}
