// POST /v1/space/templates.json (ours; kintone makes templates in its administration screens):
// a space as it is now becomes a template. Administrators only ('space.template').
import { roleMay } from '../../../common/access.js';
import { roleOf } from '../../policy/actor.js';
import { findApps, loadDefinition } from '../../storage/apps.repo.js';
import { insertTemplate } from '../../storage/space-templates.repo.js';
import { appIdsOfSpace, findSpace } from '../../storage/spaces.repo.js';
import { listThreads } from '../../storage/threads.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { type AppDefinition, cloneDefinition, defaultSettings } from '../apps/definition.js';
import { actorUserId } from '../apps/load-app.js';
import { spaceFor } from './space-access.js';
import { type TemplateApp, type TemplateDefinition, type TemplateThread, TEMPLATE_VERSION } from './space-templates-model.js';

/** A space beyond these is refused rather than half copied. */
export const MAX_TEMPLATE_THREADS = 100;
export const MAX_TEMPLATE_APPS = 100;

export async function saveSpaceTemplate(ctx: Ctx, input: { space: number; name: string }): Promise<{ id: number }> {
  const role = roleOf(ctx.actor);
  if (!role || !roleMay(role, 'space.template')) throw new AppError('CB_NO02');
  await spaceFor(ctx, input.space, 'space.read');
  const domainId = ctx.actor.domainId;
  const space = await findSpace(ctx.db, domainId, input.space);
  if (!space) throw new AppError('GAIA_SP01', { params: { id: input.space } });

  const stored = await listThreads(ctx.db, domainId, space.id, 0, MAX_TEMPLATE_THREADS + 1);
  if (stored.length > MAX_TEMPLATE_THREADS) throw AppError.invalid({ space: [{ key: 'tooMany', params: { n: MAX_TEMPLATE_THREADS } }] });
  // The default thread first (it becomes the new space's default), then oldest to newest.
  const ordered = [...stored].sort((a, b) => (a.id === space.defaultThreadId ? -1 : b.id === space.defaultThreadId ? 1 : a.id - b.id));
  const threads: TemplateThread[] = ordered.map((t) => ({ name: t.name, body: t.body }));
  const threadIndex = new Map(ordered.map((t, i) => [t.id, i]));

  const appIds = await appIdsOfSpace(ctx.db, domainId, space.id);
  if (appIds.length > MAX_TEMPLATE_APPS) throw AppError.invalid({ space: [{ key: 'tooMany', params: { n: MAX_TEMPLATE_APPS } }] });
  const apps: TemplateApp[] = [];
  for (const app of [...(await findApps(ctx.db, domainId, appIds)).values()].sort((a, b) => a.id - b.id)) {
    // An app never deployed has no live settings to copy.
    const live = await loadDefinition<AppDefinition>(ctx.db, domainId, app.id, 'live');
    if (!app.deployed || !live) continue;
    apps.push({
      key: app.id,
      code: app.code,
      name: app.name,
      description: app.description,
      thread: app.threadId === null ? null : (threadIndex.get(app.threadId) ?? null),
      definition: portable(live.definition),
    });
  }

  const definition: TemplateDefinition = {
    version: TEMPLATE_VERSION,
    space: {
      isPrivate: space.isPrivate,
      useMultiThread: space.useMultiThread || threads.length > 1,
      fixedMember: space.fixedMember,
      showAnnouncement: space.showAnnouncement,
      showThreadList: space.showThreadList,
      showAppList: space.showAppList,
      showMemberList: space.showMemberList,
      showRelatedLinkList: space.showRelatedLinkList,
      createApp: space.createApp,
      body: space.body,
    },
    threads,
    apps,
  };
  const id = await insertTemplate(ctx.db, domainId, { name: input.name, definition, creatorId: actorUserId(ctx), createdAt: ctx.now });
  await recordAudit(ctx, { action: 'space.template.save', targetType: 'spaceTemplate', targetId: id, detail: { space: space.id, apps: apps.length } });
  return { id };
}

/**
 * The definition as a copy can use it: no app code (codes are unique in a domain) and no
 * uploaded icon (the file belongs to the original app); everything else as it is.
 */
function portable(def: AppDefinition): AppDefinition {
  const copy = cloneDefinition(def);
  copy.code = '';
  if (copy.settings.icon.type === 'FILE') copy.settings.icon = defaultSettings(copy.settings.name).icon;
  return copy;
}
