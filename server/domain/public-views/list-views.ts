// GET public-views.json: the views of an app, for the people who manage it.
import type { PublicViewJson } from '../../../common/api/public-views.js';
import { listViewsOfApp } from '../../storage/public-views.repo.js';
import { appFor } from '../apps/load-app.js';
import type { Ctx } from '../context.js';
import { presentViews } from './managed-view.js';
import { parseView } from './view.js';

export async function listPublicViews(ctx: Ctx, appId: number): Promise<PublicViewJson[]> {
  const app = await appFor(ctx, appId, 'app.manage');
  const stored = await listViewsOfApp(ctx.db, ctx.actor.domainId, app.id);
  return presentViews(ctx, stored.flatMap((s) => parseView(s) ?? []));
}
