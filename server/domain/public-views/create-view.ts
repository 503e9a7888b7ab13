// POST public-views.json: an app manager makes a view of the app (unpublished). Its URL token is
// returned this once and kept only as a hash.
import { newSecret } from '../../../common/ids.js';
import { type CreateViewInput, type PublicViewWithUrl, publicViewPath } from '../../../common/api/public-views.js';
import { insertView } from '../../storage/public-views.repo.js';
import { appFor } from '../apps/load-app.js';
import { sha256 } from '../auth/secrets.js';
import { hashPassword } from '../auth/passwords.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { checkIpAllow, checkPlan, checkSettings, schemaAs } from './check-settings.js';
import { checkFrameAncestors } from './frame-ancestors.js';
import { checkMembers } from './kinds/members.js';
import { editorOf } from './managed-view.js';
import { type PublicView, featuresOf, newViewId, presentView, viewPlanOf } from './view.js';

export async function createPublicView(ctx: Ctx, input: CreateViewInput): Promise<PublicViewWithUrl> {
  const editor = editorOf(ctx);
  const app = await appFor(ctx, input.app, 'app.manage');
  const settings = checkSettings(input.kind, input.settings, [await schemaAs(ctx, app.id)]);
  await checkMembers(ctx, input.kind, settings);
  const view: PublicView = {
    domainId: ctx.actor.domainId,
    id: newViewId(),
    appId: app.id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    settings,
    published: false,
    urlTokenHash: '',
    signingKey: newSecret(),
    passwordHash: input.password ? await hashPassword(input.password) : null,
    ipAllow: checkIpAllow(input.ipAllow ?? []),
    frameAncestors: checkFrameAncestors(input.frameAncestors ?? []),
    configVersion: 1,
    creatorId: editor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const plan = await viewPlanOf(ctx.db, ctx.actor.domainId);
  checkPlan(featuresOf(view), plan, false);
  const token = newSecret();
  view.urlTokenHash = sha256(token);
  await insertView(ctx.db, ctx.dialect, view);
  await recordAudit(ctx, {
    action: 'publicView.create',
    targetType: 'publicView',
    targetId: view.id,
    detail: { app: app.id, kind: view.kind, title: view.title, settings, hasPassword: view.passwordHash !== null, ipAllow: view.ipAllow, frameAncestors: view.frameAncestors },
  });
  return { view: presentView(view, plan, editor.code), token, path: publicViewPath(token) };
}
