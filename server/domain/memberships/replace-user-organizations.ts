import type { UserOrganizationsChange } from '../../../common/api/memberships.js';
import { toDb } from '../../storage/dialect.js';
import { loadOrganizationsByCodes, organizationCodesOfUsers } from '../../storage/organizations.repo.js';
import { codeKey, loadUsersByCodes } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { changedCodes } from './changed-codes.js';

/**
 * Sets exactly which organisations each listed user is in, all users or none. The primary
 * organisation must be one of them; left out, it is the first listed, and with no
 * organisations the user has none.
 */
export async function replaceUserOrganizations(ctx: Ctx, changes: UserOrganizationsChange[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const users = await loadUsersByCodes(ctx.db, ctx.actor.domainId, changes.map((c) => c.code));
  const orgs = await loadOrganizationsByCodes(
    ctx.db,
    domainId,
    changes.flatMap((c) => (c.primaryOrganization ? [...c.organizations, c.primaryOrganization] : c.organizations)),
  );
  const problems: Record<string, FieldProblem[]> = {};
  const seenUsers = new Set<string>();
  changes.forEach((c, i) => {
    const userKey = codeKey(c.code);
    if (!users.has(userKey)) problems[`userOrganizations[${i}].code`] = [{ key: 'notFound' }];
    else if (seenUsers.has(userKey)) problems[`userOrganizations[${i}].code`] = [{ key: 'duplicateInRequest' }];
    seenUsers.add(userKey);
    const seenOrgs = new Set<string>();
    c.organizations.forEach((code, j) => {
      const key = codeKey(code);
      const at = `userOrganizations[${i}].organizations[${j}]`;
      if (!orgs.has(key)) problems[at] = [{ key: 'notFound' }];
      else if (seenOrgs.has(key)) problems[at] = [{ key: 'duplicateInRequest' }];
      seenOrgs.add(key);
    });
    if (c.primaryOrganization) {
      const key = codeKey(c.primaryOrganization);
      const at = `userOrganizations[${i}].primaryOrganization`;
      if (!orgs.has(key)) problems[at] = [{ key: 'notFound' }];
      else if (!seenOrgs.has(key)) problems[at] = [{ key: 'primaryNotListed' }];
    }
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const before = await organizationCodesOfUsers(ctx.db, domainId, [...users.values()].map((u) => u.id));
  for (const c of changes) {
    const user = users.get(codeKey(c.code))!;
    const next = c.organizations.map((code) => orgs.get(codeKey(code))!);
    const primary = c.primaryOrganization ? orgs.get(codeKey(c.primaryOrganization))! : (next[0] ?? null);
    await ctx.db.deleteFrom('userOrganizations').where('domainId', '=', domainId).where('userId', '=', user.id).execute();
    if (next.length) {
      await ctx.db
        .insertInto('userOrganizations')
        .values(next.map((o) => ({ domainId, userId: user.id, organizationId: o.id })))
        .execute();
    }
    const primaryId = primary?.id ?? null;
    if (primaryId !== user.primaryOrganizationId) {
      // The primary organisation is part of the user's own record, so its mtime moves with it.
      await ctx.db
        .updateTable('users')
        .set({ primaryOrganizationId: primaryId, updatedAt: toDb.time(ctx.now) })
        .where('domainId', '=', domainId)
        .where('id', '=', user.id)
        .execute();
    }
    const codes = next.map((o) => o.code);
    await recordAudit(ctx, {
      action: 'membership.organizations',
      targetType: 'user',
      targetId: user.id,
      detail: {
        code: user.code,
        organizations: codes,
        primaryOrganization: primary?.code ?? null,
        ...changedCodes(before.get(user.id) ?? [], codes),
      },
    });
  }
}
