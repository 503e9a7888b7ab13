// GET public-views.json: the views of an app, for the people who manage it — or, with `members`,
// the views a dashboard of that app may hold: every view of the domain of a kind a dashboard shows,
// of an app the caller manages (the rule kinds/members.ts applies when the dashboard is saved, so
// the editor offers exactly what saving accepts), with those apps' names.
import { MEMBER_KINDS } from '../../../common/api/public-view-kinds.js';
import type { PublicViewAppJson, PublicViewJson } from '../../../common/api/public-views.js';
import type { App } from '../../storage/apps.repo.js';
import { listViewsOfApp, listViewsOfKinds } from '../../storage/public-views.repo.js';
import { appFor } from '../apps/load-app.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { presentViews } from './managed-view.js';
import { parseView } from './view.js';

export async function listPublicViews(ctx: Ctx, appId: number): Promise<PublicViewJson[]> {
  const app = await appFor(ctx, appId, 'app.manage');
  const stored = await listViewsOfApp(ctx.db, ctx.actor.domainId, app.id);
  return presentViews(ctx, stored.flatMap((s) => parseView(s) ?? []));
}

/** The views a dashboard of app `appId` may hold, this app's first, and their apps. */
export async function listMemberCandidates(ctx: Ctx, appId: number): Promise<{ views: PublicViewJson[]; apps: PublicViewAppJson[] }> {
  const own = await appFor(ctx, appId, 'app.manage');
  const stored = await listViewsOfKinds(ctx.db, ctx.actor.domainId, [...MEMBER_KINDS]);
  const managed = new Map<number, App>([[own.id, own]]);
  for (const appOfView of new Set(stored.map((s) => s.appId))) {
    if (managed.has(appOfView)) continue;
    try {
      managed.set(appOfView, await appFor(ctx, appOfView, 'app.manage'));
    } catch (err) {
      // An app the caller may not manage (or see) is left out, as saving would refuse its views.
      if (!(err instanceof AppError)) throw err;
    }
  }
  const order = (id: number) => (id === own.id ? -1 : id);
  const kept = stored.filter((s) => managed.has(s.appId)).sort((a, b) => order(a.appId) - order(b.appId));
  const views = await presentViews(ctx, kept.flatMap((s) => parseView(s) ?? []));
  // This app always, the others that have a view to offer.
  const appIds = [own.id, ...new Set(kept.map((s) => s.appId).filter((id) => id !== own.id))];
  return { views, apps: appIds.map((id) => ({ id: String(id), name: managed.get(id)!.name })) };
}
