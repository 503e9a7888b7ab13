// GET /v1/space/templates.json (ours): the templates a space can be made from. Whoever may create
// spaces may see them (the web app offers them when making a space); only administrators make
// and delete them.
import { roleMay } from '../../../common/access.js';
import type { SpaceTemplateJson } from '../../../common/api/space-extras.js';
import { roleOf } from '../../policy/actor.js';
import { listTemplates } from '../../storage/space-templates.repo.js';
import { userNames } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { TemplateDefinition } from './space-templates-model.js';

const NOBODY = { code: '', name: '' };

export async function listSpaceTemplates(ctx: Ctx): Promise<{ templates: SpaceTemplateJson[] }> {
  const role = roleOf(ctx.actor);
  if (!role || !(roleMay(role, 'space.create') || roleMay(role, 'space.template'))) throw new AppError('CB_NO02');
  const rows = await listTemplates<TemplateDefinition>(ctx.db, ctx.actor.domainId);
  const names = await userNames(ctx.db, ctx.actor.domainId, rows.map((t) => t.creatorId));
  return {
    templates: rows.map((t) => ({
      id: String(t.id),
      name: t.name,
      creator: names.get(t.creatorId) ?? NOBODY,
      createdAt: t.createdAt.toISOString(),
      appCount: String(t.definition.apps?.length ?? 0),
      threadCount: String(t.definition.threads?.length ?? 0),
    })),
  };
}
