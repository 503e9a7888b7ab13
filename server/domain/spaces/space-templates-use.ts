// POST /k/v1/template/space.json (kintone's; plain path only): a new space from a template — the
// space through createSpace (so the same rules: 'space.create', or 'space.createGuest' for a guest
// space, members resolved, at least one administrator), then the template's settings, body and
// threads, then one app per template app. One transaction: a refusal anywhere leaves nothing.
//
// kintone's rule: a template whose apps hold a department selection cannot make a guest space.
// Ours besides: nor one whose apps look up or relate to apps outside the template, since apps in
// a guest space relate only to apps of the same space (features A2). A regular space keeps such
// references as they are.
import { roleMay } from '../../../common/access.js';
import type { SpaceFromTemplateInput } from '../../../common/api/space-extras.js';
import { roleOf } from '../../policy/actor.js';
import { findTemplate } from '../../storage/space-templates.repo.js';
import { updateSpace } from '../../storage/spaces.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { actorUserId } from '../apps/load-app.js';
import { recordAudit } from '../audit/record-audit.js';
import { createSpace } from './create-space.js';
import { copyTemplateApps } from './space-templates-apps.js';
import { type TemplateDefinition, hasOrganizationSelect, refersOutside } from './space-templates-model.js';
import { copyTemplateThreads } from './space-templates-threads.js';

export async function createSpaceFromTemplate(ctx: Ctx, input: SpaceFromTemplateInput): Promise<{ id: number }> {
  const role = roleOf(ctx.actor);
  const isGuest = input.isGuest ?? false;
  if (!role || !roleMay(role, isGuest ? 'space.createGuest' : 'space.create')) throw new AppError('CB_NO02');
  const stored = await findTemplate<TemplateDefinition>(ctx.db, ctx.actor.domainId, input.id);
  if (!stored) throw AppError.invalid({ id: 'templateNotFound' });
  const template = stored.definition;
  // The copies are the creator's apps: making a space with apps takes the right to make apps.
  if (template.apps.length > 0 && !roleMay(role, 'app.create')) throw new AppError('CB_NO02');
  if (isGuest && hasOrganizationSelect(template)) throw AppError.invalid({ id: 'templateHasOrganizationSelect' });
  if (isGuest && refersOutside(template)) throw AppError.invalid({ id: 'templateRefersOutside' });

  const settings = template.space;
  const created = await createSpace(ctx, {
    name: input.name,
    isGuest,
    isPrivate: input.isPrivate ?? settings.isPrivate,
    members: input.members,
    useMultiThread: settings.useMultiThread || template.threads.length > 1,
    fixedMember: input.fixedMember ?? settings.fixedMember,
    body: settings.body ?? undefined,
  });
  const userId = actorUserId(ctx);
  await updateSpace(
    ctx.db,
    ctx.actor.domainId,
    created.id,
    {
      showAnnouncement: settings.showAnnouncement,
      showThreadList: settings.showThreadList,
      showAppList: settings.showAppList,
      showMemberList: settings.showMemberList,
      showRelatedLinkList: settings.showRelatedLinkList,
      createApp: settings.createApp,
    },
    userId,
    ctx.now,
  );
  const threads = await copyTemplateThreads(ctx, template, created);
  const threadOf = (index: number | null) => (index === null ? created.defaultThread : (threads[index] ?? created.defaultThread));
  const apps = await copyTemplateApps(ctx, template, created.id, threadOf, userId);
  await recordAudit(ctx, { action: 'space.template.use', targetType: 'space', targetId: created.id, detail: { template: stored.id, apps } });
  return { id: created.id };
}
