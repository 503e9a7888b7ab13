// The view a management call names, if the caller manages its app. A view of an app the caller
// may not manage answers exactly like one that does not exist (CB_PV01), so view ids cannot be
// probed; who may manage an app is decided where it always is (apps/load-app.ts, app.manage).
import type { PublicViewJson } from '../../../common/api/public-views.js';
import type { UserActor } from '../../policy/actor.js';
import type { App } from '../../storage/apps.repo.js';
import { findView } from '../../storage/public-views.repo.js';
import { findUserById, userNames } from '../../storage/users.repo.js';
import { appFor } from '../apps/load-app.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { type RecordSchema } from '../records/schema.js';
import { schemaAs } from './check-settings.js';
import { type PublicView, parseView, presentView, viewPlanOf } from './view.js';

export async function managedView(ctx: Ctx, id: string): Promise<{ view: PublicView; app: App }> {
  const stored = await findView(ctx.db, ctx.actor.domainId, id);
  if (!stored) throw new AppError('CB_PV01');
  let app: App;
  try {
    app = await appFor(ctx, stored.appId, 'app.manage');
  } catch (err) {
    if (err instanceof AppError) throw new AppError('CB_PV01');
    throw err;
  }
  const view = parseView(stored);
  // Settings are checked before they are written: a row that fails is a bug, not a request.
  if (!view) throw new Error(`public view ${id} has settings its kind does not accept`);
  return { view, app };
}

/** The manager making a change: a person (API tokens never manage views: access.ts). */
export function editorOf(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('CB_NO02');
  return ctx.actor;
}

/** The creator as an actor, while an active user; null once suspended, deleted or never a user. */
export async function activeCreator(ctx: Ctx, creatorId: number): Promise<UserActor | null> {
  const user = await findUserById(ctx.db, ctx.actor.domainId, creatorId);
  if (!user || !user.valid || user.kind !== 'user') return null;
  return { kind: 'user', domainId: user.domainId, userId: user.id, code: user.code, name: user.name, isAdmin: user.isAdmin, locale: user.locale, via: 'session' };
}

/**
 * Whose reading the view's settings must fit: the manager changing it, and the creator the view
 * reads as. A view whose creator is no longer active is adopted by the manager changing it.
 */
export async function readersFor(ctx: Ctx, view: PublicView): Promise<{ schemas: RecordSchema[]; creatorId: number }> {
  const editor = editorOf(ctx);
  const schemas = [await schemaAs(ctx, view.appId)];
  if (view.creatorId === editor.userId) return { schemas, creatorId: editor.userId };
  const creator = await activeCreator(ctx, view.creatorId);
  if (!creator) return { schemas, creatorId: editor.userId };
  try {
    schemas.push(await schemaAs(ctx, view.appId, creator));
  } catch (err) {
    // The creator may no longer read the app at all: then nothing of it can be shown as them.
    if (err instanceof AppError) return { schemas, creatorId: editor.userId };
    throw err;
  }
  return { schemas, creatorId: view.creatorId };
}

export async function presentViews(ctx: Ctx, views: PublicView[]): Promise<PublicViewJson[]> {
  const plan = await viewPlanOf(ctx.db, ctx.actor.domainId);
  const names = await userNames(ctx.db, ctx.actor.domainId, views.map((v) => v.creatorId));
  return views.map((v) => presentView(v, plan, names.get(v.creatorId)?.code ?? null));
}
