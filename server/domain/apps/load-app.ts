import type { AppRights } from '../../../common/api/acl.js';
import type { AppAction } from '../../policy/apps.js';
import { seesApp } from '../../policy/app-rights.js';
import { liveAppAcl, rightsOn } from './app-access.js';
import { type App, type Stage, findAppForRecords, loadDefinition, replaceDefinition, touchApp } from '../../storage/apps.repo.js';
import { AppError } from '../app-error.js';
import { checkAppPath } from '../spaces/space-access.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { AppDefinition } from './definition.js';

/**
 * The app, if the actor may do `action` on it. An app the actor may not even see answers
 * exactly like one that does not exist (GAIA_AP01); one it sees but may not manage, CB_NO02.
 */
export async function appFor(ctx: Ctx, appId: number, action: AppAction): Promise<App> {
  return (await appAccess(ctx, appId, action)).app;
}

/** appFor, with the rights and facts it decided on. */
export async function appAccess(ctx: Ctx, appId: number, action: AppAction) {
  const found = await findAppForRecords(ctx.db, ctx.actor.domainId, appId);
  if (!found) throw unseen(ctx, appId);
  const rows = found.liveRevision === null || !found.app.deployed ? null : await liveAppAcl(ctx, found.app, found.liveRevision);
  const rights = await rightsOn(ctx, found.app, rows, found.directoryVersion);
  return { ...found, rights, app: await checkApp(ctx, appId, found.app, rights, action, found.directoryVersion) };
}

/**
 * appFor's decision on an app row already loaded (or null when there is none), including
 * whether the request's path fits the app's space (GAIA_IL23, CB_NO02: space-access.ts).
 */
export async function checkApp(ctx: Ctx, appId: number, app: App | null, rights: AppRights, action: AppAction, version: number): Promise<App> {
  if (!app) throw unseen(ctx, appId);
  await checkAppPath(ctx, version, app.spaceId, seesApp(rights));
  if (!seesApp(rights)) throw unseen(ctx, appId);
  if (action === 'app.manage' && !rights.manage) throw forbidden(ctx);
  return app;
}

/**
 * An app the actor cannot see: to API tokens, kintone's "this token is not one of this app's"
 * (probe R14); to a guest, or under a guest space's path, kintone's uniform CB_NO02 (a guest sees
 * nothing outside its spaces, not even what is missing); to a user, as if it did not exist.
 */
export function unseen(ctx: Ctx, appId: number): AppError {
  if (ctx.actor.kind === 'apiToken') return new AppError('GAIA_IA02');
  if (ctx.guestSpaceId !== undefined || ctx.actor.kind === 'guest') return new AppError('CB_NO02');
  return new AppError('GAIA_AP01', { params: { id: appId } });
}

/** A right the actor lacks on an app it sees; for a token, one its flags do not give. */
export function forbidden(ctx: Ctx): AppError {
  return new AppError(ctx.actor.kind === 'apiToken' ? 'GAIA_NO01' : 'CB_NO02');
}

/** The live definition of an app that has been deployed; preview-only apps have none. */
export async function definitionOf(ctx: Ctx, app: App, stage: Stage): Promise<{ revision: number; definition: AppDefinition }> {
  const found = await loadDefinition<AppDefinition>(ctx.db, app.domainId, app.id, stage);
  if (!found) throw new AppError('GAIA_AP01', { params: { id: app.id } });
  return found;
}

/** Reading a stage: live needs `app.read` and a deployed app; preview (and `manage`d reads) `app.manage`. */
export async function readStage(ctx: Ctx, appId: number, stage: Stage, action?: AppAction) {
  const app = await appFor(ctx, appId, action ?? (stage === 'preview' ? 'app.manage' : 'app.read'));
  if (stage === 'live' && !app.deployed) throw new AppError('GAIA_AP01', { params: { id: appId } });
  return { app, ...(await definitionOf(ctx, app, stage)) };
}

export function checkRevision(expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== -1 && expected !== actual) throw new AppError('GAIA_CO02');
}

/**
 * One edit of an app's preview settings: checks the revision, applies `change` to a copy,
 * saves it as the next revision and records it. Returns the new revision.
 */
export async function editPreview(
  ctx: Ctx,
  appId: number,
  revision: number | undefined,
  audit: { action: string; detail?: Record<string, unknown> },
  change: (def: AppDefinition, app: App) => void | Promise<void>,
): Promise<number> {
  const app = await appFor(ctx, appId, 'app.manage');
  const current = await definitionOf(ctx, app, 'preview');
  checkRevision(revision, current.revision);
  const def = current.definition;
  await change(def, app);
  const next = current.revision + 1;
  if (!(await replaceDefinition(ctx.db, app.domainId, app.id, 'preview', current.revision, next, def, ctx.now))) {
    throw new AppError('GAIA_CO02');
  }
  await touchApp(ctx.db, app.domainId, app.id, actorUserId(ctx), ctx.now);
  await recordAudit(ctx, { action: audit.action, targetType: 'app', targetId: app.id, detail: { revision: next, ...audit.detail } });
  return next;
}

export function actorUserId(ctx: Ctx): number {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'guest' ? ctx.actor.userId : 0;
}
