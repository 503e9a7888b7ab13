// DELETE /v1/space/templates.json (ours): administrators only. Spaces already made from the
// template keep everything they were given.
import { roleMay } from '../../../common/access.js';
import { roleOf } from '../../policy/actor.js';
import { deleteTemplate } from '../../storage/space-templates.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

export async function deleteSpaceTemplate(ctx: Ctx, id: number): Promise<void> {
  const role = roleOf(ctx.actor);
  if (!role || !roleMay(role, 'space.template')) throw new AppError('CB_NO02');
  if (!(await deleteTemplate(ctx.db, ctx.actor.domainId, id))) throw AppError.invalid({ id: 'templateNotFound' });
  await recordAudit(ctx, { action: 'space.template.delete', targetType: 'spaceTemplate', targetId: id });
}
