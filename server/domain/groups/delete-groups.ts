import { loadGroupsByCodes } from '../../storage/groups.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

/** Deletes groups by code, all or none; their memberships go with them. */
export async function deleteGroups(ctx: Ctx, codes: string[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const groups = await loadGroupsByCodes(ctx.db, domainId, codes);
  const problems: Record<string, FieldProblem[]> = {};
  codes.forEach((code, i) => {
    if (!groups.has(codeKey(code))) problems[`codes[${i}]`] = [{ key: 'notFound' }];
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const ids = [...groups.values()].map((g) => g.id);
  await ctx.db.deleteFrom('groupUsers').where('domainId', '=', domainId).where('groupId', 'in', ids).execute();
  await ctx.db.deleteFrom('groups').where('domainId', '=', domainId).where('id', 'in', ids).execute();
  for (const g of groups.values()) {
    await recordAudit(ctx, { action: 'group.delete', targetType: 'group', targetId: g.id, detail: { code: g.code } });
  }
}
