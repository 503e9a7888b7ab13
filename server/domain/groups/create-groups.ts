import type { NewGroup } from '../../../common/api/groups.js';
import { nextIds } from '../../storage/db.js';
import { toDb } from '../../storage/dialect.js';
import { takenGroupKeys } from '../../storage/groups.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

/** Adds groups, all or none. Returns their new ids in input order. */
export async function createGroups(ctx: Ctx, groups: NewGroup[]): Promise<number[]> {
  const domainId = ctx.actor.domainId;
  const problems: Record<string, FieldProblem[]> = {};
  const seen = new Map<string, number>();
  groups.forEach((g, i) => {
    const key = codeKey(g.code);
    if (seen.has(key)) problems[`groups[${i}].code`] = [{ key: 'duplicateInRequest' }];
    else seen.set(key, i);
  });
  for (const key of await takenGroupKeys(ctx.db, domainId, [...seen.keys()])) {
    problems[`groups[${seen.get(key)}].code`] = [{ key: 'duplicate' }];
  }
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const ids = await nextIds(ctx.db, domainId, 'group', groups.length);
  const now = toDb.time(ctx.now);
  await ctx.db
    .insertInto('groups')
    .values(
      groups.map((g, i) => ({
        domainId,
        id: ids[i]!,
        code: g.code,
        codeKey: codeKey(g.code),
        name: g.name,
        description: g.description ?? '',
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
  for (const [i, g] of groups.entries()) {
    await recordAudit(ctx, { action: 'group.create', targetType: 'group', targetId: ids[i], detail: { code: g.code } });
  }
  return ids;
}
