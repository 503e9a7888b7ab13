import type { GroupChange } from '../../../common/api/groups.js';
import { toDb } from '../../storage/dialect.js';
import { loadGroupsByCodes, takenGroupKeys } from '../../storage/groups.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Changes groups by code, all or none. A new code must be free before the request, so swapping
 * two codes in one call is refused up front instead of failing halfway on the unique index.
 */
export async function updateGroups(ctx: Ctx, changes: GroupChange[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const problems: Record<string, FieldProblem[]> = {};
  const groups = await loadGroupsByCodes(ctx.db, domainId, changes.map((c) => c.code));
  const targets = new Set<string>();
  const newKeys = new Map<string, number>();
  changes.forEach((c, i) => {
    const key = codeKey(c.code);
    const group = groups.get(key);
    if (!group) {
      problems[`groups[${i}].code`] = [{ key: 'notFound' }];
      return;
    }
    if (targets.has(key)) problems[`groups[${i}].code`] = [{ key: 'duplicateInRequest' }];
    targets.add(key);
    if (c.newCode !== undefined && codeKey(c.newCode) !== key) {
      if (newKeys.has(codeKey(c.newCode))) problems[`groups[${i}].newCode`] = [{ key: 'duplicateInRequest' }];
      else newKeys.set(codeKey(c.newCode), i);
    }
  });
  for (const key of await takenGroupKeys(ctx.db, domainId, [...newKeys.keys()])) {
    problems[`groups[${newKeys.get(key)}].newCode`] = [{ key: 'duplicate' }];
  }
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  for (const c of changes) {
    const group = groups.get(codeKey(c.code))!;
    await ctx.db
      .updateTable('groups')
      .set({
        ...(c.newCode !== undefined ? { code: c.newCode, codeKey: codeKey(c.newCode) } : {}),
        ...(c.name !== undefined ? { name: c.name } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
        updatedAt: toDb.time(ctx.now),
      })
      .where('domainId', '=', domainId)
      .where('id', '=', group.id)
      .execute();
    const changed = Object.keys(c).filter((k) => k !== 'code' && c[k as keyof GroupChange] !== undefined);
    await recordAudit(ctx, {
      action: 'group.update',
      targetType: 'group',
      targetId: group.id,
      detail: { code: group.code, changed, ...(c.newCode !== undefined ? { newCode: c.newCode } : {}) },
    });
  }
}
