import type { NewOrganization } from '../../../common/api/organizations.js';
import { nextIds } from '../../storage/db.js';
import { toDb } from '../../storage/dialect.js';
import { loadOrganizationsByCodes, takenOrganizationKeys } from '../../storage/organizations.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Adds organisations, all or none, and returns their ids in input order. A parent is either
 * stored already or created earlier in the same list, so a whole tree can arrive in one call
 * and no cycle can be created here.
 */
export async function createOrganizations(ctx: Ctx, orgs: NewOrganization[]): Promise<number[]> {
  const domainId = ctx.actor.domainId;
  const problems: Record<string, FieldProblem[]> = {};
  const seen = new Map<string, number>();
  orgs.forEach((o, i) => {
    const key = codeKey(o.code);
    if (seen.has(key)) problems[`organizations[${i}].code`] = [{ key: 'duplicateInRequest' }];
    else seen.set(key, i);
  });
  for (const key of await takenOrganizationKeys(ctx.db, domainId, [...seen.keys()])) {
    problems[`organizations[${seen.get(key)}].code`] = [{ key: 'duplicate' }];
  }
  const parentCodes = orgs.flatMap((o) => (o.parentCode ? [o.parentCode] : []));
  const stored = await loadOrganizationsByCodes(ctx.db, domainId, parentCodes);

  const ids = await nextIds(ctx.db, domainId, 'organization', orgs.length);
  const parentIds = orgs.map((o, i): number | null => {
    if (!o.parentCode) return null;
    const key = codeKey(o.parentCode);
    const storedParent = stored.get(key);
    if (storedParent) return storedParent.id;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier < i) return ids[earlier]!;
    problems[`organizations[${i}].parentCode`] = [{ key: 'notFound' }];
    return null;
  });
  // Ids allocated above are given back with the rollback this throw causes.
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const now = toDb.time(ctx.now);
  await ctx.db
    .insertInto('organizations')
    .values(
      orgs.map((o, i) => ({
        domainId,
        id: ids[i]!,
        code: o.code,
        codeKey: codeKey(o.code),
        name: o.name,
        description: o.description ?? '',
        parentId: parentIds[i] ?? null,
        sortOrder: o.sortOrder ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
  for (const [i, o] of orgs.entries()) {
    await recordAudit(ctx, {
      action: 'organization.create',
      targetType: 'organization',
      targetId: ids[i],
      detail: { code: o.code, parentCode: o.parentCode ?? null },
    });
  }
  return ids;
}
