import { toDb } from '../../storage/dialect.js';
import { loadOrganizationsByCodes, organizationsWithChildren } from '../../storage/organizations.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Deletes organisations by code, all or none. One with child organisations is refused unless
 * the children go in the same call: deleting a department must not silently orphan or move
 * the departments below it. Memberships go too, and users whose primary organisation it was
 * are left with none.
 */
export async function deleteOrganizations(ctx: Ctx, codes: string[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const orgs = await loadOrganizationsByCodes(ctx.db, domainId, codes);
  const problems: Record<string, FieldProblem[]> = {};
  codes.forEach((code, i) => {
    if (!orgs.has(codeKey(code))) problems[`codes[${i}]`] = [{ key: 'notFound' }];
  });
  const ids = [...orgs.values()].map((o) => o.id);
  const parents = await organizationsWithChildren(ctx.db, domainId, ids);
  codes.forEach((code, i) => {
    const org = orgs.get(codeKey(code));
    if (org && parents.has(org.id)) problems[`codes[${i}]`] = [{ key: 'hasChildren' }];
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  await ctx.db
    .updateTable('users')
    .set({ primaryOrganizationId: null, updatedAt: toDb.time(ctx.now) })
    .where('domainId', '=', domainId)
    .where('primaryOrganizationId', 'in', ids)
    .execute();
  await ctx.db.deleteFrom('userOrganizations').where('domainId', '=', domainId).where('organizationId', 'in', ids).execute();
  await ctx.db.deleteFrom('organizations').where('domainId', '=', domainId).where('id', 'in', ids).execute();
  for (const o of orgs.values()) {
    await recordAudit(ctx, {
      action: 'organization.delete',
      targetType: 'organization',
      targetId: o.id,
      detail: { code: o.code },
    });
  }
}
