import type { OrganizationChange } from '../../../common/api/organizations.js';
import { toDb } from '../../storage/dialect.js';
import {
  loadOrganizationParents,
  loadOrganizationsByCodes,
  takenOrganizationKeys,
} from '../../storage/organizations.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { cyclesAfter } from './tree.js';

/**
 * Changes organisations by code, all or none. Codes (the organisation's own, a new code, a
 * parent) are read as stored before the request, and every move in the request is applied
 * together before looking for cycles, so a request is judged by the tree it would leave.
 */
export async function updateOrganizations(ctx: Ctx, changes: OrganizationChange[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const problems: Record<string, FieldProblem[]> = {};
  const parentCodes = changes.flatMap((c) => (c.parentCode ? [c.parentCode] : []));
  const orgs = await loadOrganizationsByCodes(ctx.db, domainId, [...changes.map((c) => c.code), ...parentCodes]);
  const targets = new Set<string>();
  const newKeys = new Map<string, number>();
  const moves = new Map<number, number | null>();
  changes.forEach((c, i) => {
    const key = codeKey(c.code);
    const org = orgs.get(key);
    if (!org) {
      problems[`organizations[${i}].code`] = [{ key: 'notFound' }];
      return;
    }
    if (targets.has(key)) problems[`organizations[${i}].code`] = [{ key: 'duplicateInRequest' }];
    targets.add(key);
    if (c.newCode !== undefined && codeKey(c.newCode) !== key) {
      if (newKeys.has(codeKey(c.newCode))) problems[`organizations[${i}].newCode`] = [{ key: 'duplicateInRequest' }];
      else newKeys.set(codeKey(c.newCode), i);
    }
    if (c.parentCode === null) moves.set(org.id, null);
    else if (c.parentCode !== undefined) {
      const parent = orgs.get(codeKey(c.parentCode));
      if (parent) moves.set(org.id, parent.id);
      else problems[`organizations[${i}].parentCode`] = [{ key: 'notFound' }];
    }
  });
  for (const key of await takenOrganizationKeys(ctx.db, domainId, [...newKeys.keys()])) {
    problems[`organizations[${newKeys.get(key)}].newCode`] = [{ key: 'duplicate' }];
  }
  if (moves.size) {
    const cyclic = cyclesAfter(await loadOrganizationParents(ctx.db, domainId), moves);
    changes.forEach((c, i) => {
      const org = orgs.get(codeKey(c.code));
      if (org && cyclic.has(org.id)) problems[`organizations[${i}].parentCode`] = [{ key: 'cycle' }];
    });
  }
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  for (const c of changes) {
    const org = orgs.get(codeKey(c.code))!;
    await ctx.db
      .updateTable('organizations')
      .set({
        ...(c.newCode !== undefined ? { code: c.newCode, codeKey: codeKey(c.newCode) } : {}),
        ...(c.name !== undefined ? { name: c.name } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
        ...(c.sortOrder !== undefined ? { sortOrder: c.sortOrder } : {}),
        ...(moves.has(org.id) ? { parentId: moves.get(org.id) ?? null } : {}),
        updatedAt: toDb.time(ctx.now),
      })
      .where('domainId', '=', domainId)
      .where('id', '=', org.id)
      .execute();
    const changed = Object.keys(c).filter((k) => k !== 'code' && c[k as keyof OrganizationChange] !== undefined);
    await recordAudit(ctx, {
      action: 'organization.update',
      targetType: 'organization',
      targetId: org.id,
      detail: {
        code: org.code,
        changed,
        ...(c.newCode !== undefined ? { newCode: c.newCode } : {}),
        ...(c.parentCode !== undefined ? { parentCode: c.parentCode } : {}),
      },
    });
  }
}
