import type { UserGroupsChange } from '../../../common/api/memberships.js';
import { groupCodesOfUsers, loadGroupsByCodes } from '../../storage/groups.repo.js';
import { codeKey, loadUsersByCodes } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { changedCodes } from './changed-codes.js';

/** Sets exactly which groups each listed user is in, all users or none. */
export async function replaceUserGroups(ctx: Ctx, changes: UserGroupsChange[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const users = await loadUsersByCodes(ctx.db, ctx.actor.domainId, changes.map((c) => c.code));
  const groups = await loadGroupsByCodes(ctx.db, domainId, changes.flatMap((c) => c.groups));
  const problems: Record<string, FieldProblem[]> = {};
  const seenUsers = new Set<string>();
  changes.forEach((c, i) => {
    const userKey = codeKey(c.code);
    if (!users.has(userKey)) problems[`userGroups[${i}].code`] = [{ key: 'notFound' }];
    else if (seenUsers.has(userKey)) problems[`userGroups[${i}].code`] = [{ key: 'duplicateInRequest' }];
    seenUsers.add(userKey);
    const seenGroups = new Set<string>();
    c.groups.forEach((code, j) => {
      const key = codeKey(code);
      if (!groups.has(key)) problems[`userGroups[${i}].groups[${j}]`] = [{ key: 'notFound' }];
      else if (seenGroups.has(key)) problems[`userGroups[${i}].groups[${j}]`] = [{ key: 'duplicateInRequest' }];
      seenGroups.add(key);
    });
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const before = await groupCodesOfUsers(ctx.db, domainId, [...users.values()].map((u) => u.id));
  for (const c of changes) {
    const user = users.get(codeKey(c.code))!;
    const next = c.groups.map((code) => groups.get(codeKey(code))!);
    await ctx.db.deleteFrom('groupUsers').where('domainId', '=', domainId).where('userId', '=', user.id).execute();
    if (next.length) {
      await ctx.db
        .insertInto('groupUsers')
        .values(next.map((g) => ({ domainId, groupId: g.id, userId: user.id })))
        .execute();
    }
    const codes = next.map((g) => g.code);
    await recordAudit(ctx, {
      action: 'membership.groups',
      targetType: 'user',
      targetId: user.id,
      detail: { code: user.code, groups: codes, ...changedCodes(before.get(user.id) ?? [], codes) },
    });
  }
}
