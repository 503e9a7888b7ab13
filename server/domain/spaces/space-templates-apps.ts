// The apps of a space made from a template: one new app per template app, in the new space,
// deployed with the template's definition (fields, layout, views, process management,
// notifications, permissions as saved), lookups and Related Records between template apps
// re-pointed at the copies. Runs in the caller's transaction: any refusal undoes everything.
//
// The copies are made by the server on the space creator's behalf (a system context off kintone's
// paths: the creator need not be a member of the new space, nor named by the template's
// permission rows), then attributed to the creator, so that CREATOR permission rows mean them.
import { type AppDefinition, cloneDefinition } from '../apps/definition.js';
import { FIRST_REVISION, createApp } from '../apps/create-app.js';
import { deployApps } from '../apps/deploy-apps.js';
import { forgetFields } from '../apps/references.js';
import { systemActor } from '../../policy/actor.js';
import { saveDefinition } from '../../storage/apps.repo.js';
import { attributeApps } from '../../storage/space-templates.repo.js';
import type { Ctx } from '../context.js';
import { type TemplateDefinition, refersInside, repoint, withoutInsideRefs } from './space-templates-model.js';

export async function copyTemplateApps(
  ctx: Ctx,
  template: TemplateDefinition,
  space: number,
  threadOf: (index: number | null) => number | undefined,
  creatorId: number,
): Promise<number[]> {
  if (template.apps.length === 0) return [];
  const sys: Ctx = { ...ctx, actor: systemActor(ctx.actor.domainId), kintonePath: false, guestSpaceId: undefined };
  const copies = new Map<number, number>();
  for (const a of template.apps) {
    const { app } = await createApp(sys, { name: a.name, space, thread: threadOf(a.thread) });
    copies.set(a.key, app);
  }
  const ids = [...copies.values()];
  await attributeApps(ctx.db, ctx.actor.domainId, ids, creatorId);

  // Apps that name other template apps are first deployed without those references (the other
  // copies are not live yet), then again, whole, once every copy is.
  const full = new Map<number, AppDefinition>();
  const again: number[] = [];
  for (const a of template.apps) {
    const id = copies.get(a.key)!;
    const def = cloneDefinition(a.definition);
    def.code = '';
    def.settings = { ...def.settings, name: a.name, description: a.description };
    repoint(def.fields, template, copies);
    full.set(id, def);
    let first = def;
    if (refersInside(a, template)) {
      first = cloneDefinition(def);
      first.fields = withoutInsideRefs(a, template);
      forgetFields(first);
      again.push(id);
    }
    await saveDefinition(ctx.db, ctx.actor.domainId, id, 'preview', FIRST_REVISION, first, ctx.now);
  }
  await deployApps(sys, ids.map((app) => ({ app })), false);
  for (const id of again) await saveDefinition(ctx.db, ctx.actor.domainId, id, 'preview', FIRST_REVISION + 1, full.get(id), ctx.now);
  if (again.length) await deployApps(sys, again.map((app) => ({ app })), false);
  return ids;
}
