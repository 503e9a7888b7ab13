// PUT public-views.json: title, description, settings, password and IP allow-list. Settings are
// checked again against the manager making the change and the creator the view reads as; a
// feature the plan lacks is refused (CB_PV02), never dropped quietly.
import type { PublicViewJson, UpdateViewInput } from '../../../common/api/public-views.js';
import { AppError } from '../app-error.js';
import { hashPassword } from '../auth/passwords.js';
import type { Ctx } from '../context.js';
import { checkIpAllow, checkPlan, checkSettings } from './check-settings.js';
import { checkFrameAncestors } from './frame-ancestors.js';
import { checkMembers } from './kinds/members.js';
import { editorOf, managedView, presentViews, readersFor } from './managed-view.js';
import { saveView } from './save-view.js';
import { type PublicView, featuresOf, viewPlanOf } from './view.js';

export async function updatePublicView(ctx: Ctx, input: UpdateViewInput): Promise<PublicViewJson> {
  editorOf(ctx);
  const { view } = await managedView(ctx, input.id);
  if (input.configVersion !== undefined && input.configVersion !== view.configVersion) throw new AppError('GAIA_CO02');
  const next: PublicView = { ...view };
  const changed: string[] = [];
  if (input.title !== undefined) next.title = input.title;
  if (input.description !== undefined) next.description = input.description;
  if (input.settings !== undefined || view.published) {
    // A published view is re-checked on any change: its creator's permissions may have moved.
    const readers = await readersFor(ctx, view);
    next.creatorId = readers.creatorId;
    next.settings = checkSettings(view.kind, input.settings ?? view.settings, readers.schemas);
    await checkMembers(ctx, view.kind, next.settings, view.id);
  }
  if (input.ipAllow !== undefined) next.ipAllow = checkIpAllow(input.ipAllow);
  if (input.frameAncestors !== undefined) next.frameAncestors = checkFrameAncestors(input.frameAncestors);
  if (input.password !== undefined) next.passwordHash = input.password === null ? null : await hashPassword(input.password);
  for (const key of ['title', 'description', 'settings', 'ipAllow', 'frameAncestors', 'password'] as const) if (input[key] !== undefined) changed.push(key);
  checkPlan(featuresOf(next), await viewPlanOf(ctx.db, ctx.actor.domainId), false);
  const saved = await saveView(ctx, view, next, {
    action: 'publicView.update',
    detail: {
      changed,
      ...(input.settings !== undefined ? { settings: next.settings } : {}),
      ...(input.ipAllow !== undefined ? { ipAllow: next.ipAllow } : {}),
      ...(input.frameAncestors !== undefined ? { frameAncestors: next.frameAncestors } : {}),
      ...(input.password !== undefined ? { hasPassword: next.passwordHash !== null } : {}),
    },
    endSessions: input.password !== undefined,
  });
  return (await presentViews(ctx, [saved]))[0]!;
}
