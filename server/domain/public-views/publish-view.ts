// POST public-view/publish.json. Publishing checks everything again — the plan (none: CB_PV03;
// a feature it lacks: CB_PV02) and every field, filter and sort key against the creator's
// permissions now. Unpublishing always works, and the URL answers "not found" at once.
import type { PublicViewJson } from '../../../common/api/public-views.js';
import type { Ctx } from '../context.js';
import { checkPlan, checkSettings } from './check-settings.js';
import { checkMembers } from './kinds/members.js';
import { editorOf, managedView, presentViews, readersFor } from './managed-view.js';
import { saveView } from './save-view.js';
import { type PublicView, featuresOf, viewPlanOf } from './view.js';

export async function publishPublicView(ctx: Ctx, id: string, published: boolean): Promise<PublicViewJson> {
  editorOf(ctx);
  const { view } = await managedView(ctx, id);
  const next: PublicView = { ...view, published };
  if (published) {
    const readers = await readersFor(ctx, view);
    next.creatorId = readers.creatorId;
    next.settings = checkSettings(view.kind, view.settings, readers.schemas);
    await checkMembers(ctx, view.kind, next.settings, view.id);
    checkPlan(featuresOf(next), await viewPlanOf(ctx.db, ctx.actor.domainId), true);
  }
  const saved = await saveView(ctx, view, next, { action: published ? 'publicView.publish' : 'publicView.unpublish', detail: {} });
  return (await presentViews(ctx, [saved]))[0]!;
}
