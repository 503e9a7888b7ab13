// PUT email-auth.json: e-mail sign-in for a view — off, registered addresses only, or anyone who
// proves an address (plan feature emailAuth, CB_PV02 below it). Any change ends the view's e-mail
// sessions and voids the codes and links on their way.
import type { EmailAuthMode } from '../../../../common/api/public-visitors.js';
import type { PublicViewJson } from '../../../../common/api/public-views.js';
import { deleteEmailSessions, deleteViewSignIns } from '../../../storage/public-view-visitors.repo.js';
import { AppError } from '../../app-error.js';
import type { Ctx } from '../../context.js';
import { checkPlan } from '../check-settings.js';
import { editorOf, managedView, presentViews } from '../managed-view.js';
import { saveView } from '../save-view.js';
import { type PublicView, featuresOf, viewPlanOf } from '../view.js';

export async function setEmailAuth(ctx: Ctx, input: { id: string; mode: EmailAuthMode | null; configVersion?: number }): Promise<PublicViewJson> {
  editorOf(ctx);
  const { view } = await managedView(ctx, input.id);
  if (input.configVersion !== undefined && input.configVersion !== view.configVersion) throw new AppError('GAIA_CO02');
  const next: PublicView = { ...view, emailAuth: input.mode };
  checkPlan(featuresOf(next), await viewPlanOf(ctx.db, ctx.actor.domainId), false);
  const saved = await saveView(ctx, view, next, { action: 'publicView.update', detail: { changed: ['emailAuth'], emailAuth: input.mode } });
  await deleteEmailSessions(ctx.db, view.domainId, view.id);
  await deleteViewSignIns(ctx.db, view.domainId, view.id);
  return (await presentViews(ctx, [saved]))[0]!;
}
