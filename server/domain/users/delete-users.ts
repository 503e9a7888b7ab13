import { codeKey, countAdmins, loadUsersByCodes } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { sessionsEnded } from '../auth/sessions.js';

/** Deletes regular users by login name, all or none; their sessions and memberships go too. */
export async function deleteUsers(ctx: Ctx, codes: string[]): Promise<void> {
  const users = await loadUsersByCodes(ctx.db, ctx.actor.domainId, codes);
  const problems: Record<string, FieldProblem[]> = {};
  codes.forEach((code, i) => {
    if (!users.has(codeKey(code))) problems[`codes[${i}]`] = [{ key: 'notFound' }];
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  const ids = [...users.values()].map((u) => u.id);
  const admins = [...users.values()].filter((u) => u.isAdmin && u.valid).map((u) => u.id);
  if (admins.length && (await countAdmins(ctx.db, ctx.actor.domainId, admins)) === 0) {
    throw AppError.invalid({ codes: 'lastAdmin' });
  }
  const domainId = ctx.actor.domainId;
  await ctx.db.deleteFrom('sessions').where('domainId', '=', domainId).where('userId', 'in', ids).execute();
  sessionsEnded(ctx, ids);
  await ctx.db.deleteFrom('groupUsers').where('domainId', '=', domainId).where('userId', 'in', ids).execute();
  await ctx.db.deleteFrom('userOrganizations').where('domainId', '=', domainId).where('userId', 'in', ids).execute();
  await ctx.db.deleteFrom('users').where('domainId', '=', domainId).where('id', 'in', ids).execute();
  for (const u of users.values()) {
    await recordAudit(ctx, { action: 'user.delete', targetType: 'user', targetId: u.id, detail: { code: u.code } });
  }
}
