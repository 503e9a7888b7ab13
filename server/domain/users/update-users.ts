import type { UserChange } from '../../../common/api/users.js';
import { toDb } from '../../storage/dialect.js';
import { codeKey, countAdmins, loadUsersByCodes } from '../../storage/users.repo.js';
import { assertUserLicences } from '../licences/enforce.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/passwords.js';
import { checkNewPassword, rememberPassword } from '../auth/password-policy.js';
import { endUserSessions } from '../auth/sessions.js';

/**
 * Whether the changes touch what lets anyone into the actor's own account: its password, or its
 * e-mail address (where a password reset goes). A browser session proves its holder before
 * either (A18: the route asks for the current password); the same address sent back is no change.
 */
export async function changesOwnSignIn(ctx: Ctx, changes: UserChange[]): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return false;
  const users = await loadUsersByCodes(ctx.db, actor.domainId, changes.map((c) => c.code));
  return changes.some((c) => {
    const user = users.get(codeKey(c.code));
    return user?.id === actor.userId && (c.password !== undefined || (c.email !== undefined && c.email !== user.email));
  });
}

/**
 * Changes regular users by login name, all or none. A new password or a suspension ends the
 * user's other sessions at once; the last valid administrator cannot be demoted or suspended.
 */
export async function updateUsers(ctx: Ctx, changes: UserChange[]): Promise<void> {
  const problems: Record<string, FieldProblem[]> = {};
  const users = await loadUsersByCodes(ctx.db, ctx.actor.domainId, changes.map((c) => c.code));
  const newKeys = new Map<string, number>();
  changes.forEach((c, i) => {
    const user = users.get(codeKey(c.code));
    if (!user) {
      problems[`users[${i}].code`] = [{ key: 'notFound' }];
      return;
    }
    if (c.newCode !== undefined && codeKey(c.newCode) !== user.code.toLowerCase()) {
      if (newKeys.has(codeKey(c.newCode))) problems[`users[${i}].newCode`] = [{ key: 'duplicateInRequest' }];
      newKeys.set(codeKey(c.newCode), i);
    }
  });
  for (const [i, c] of changes.entries()) {
    const user = users.get(codeKey(c.code));
    if (!user || c.password === undefined) continue;
    const pw = await checkNewPassword(ctx, { password: c.password, login: c.newCode ?? user.code, email: c.email ?? user.email, userId: user.id });
    if (pw.length) problems[`users[${i}].password`] = pw;
  }
  if (newKeys.size) {
    const taken = await ctx.db
      .selectFrom('users')
      .select('codeKey')
      .where('domainId', '=', ctx.actor.domainId)
      .where('codeKey', 'in', [...newKeys.keys()])
      .execute();
    for (const row of taken) problems[`users[${newKeys.get(row.codeKey)}].newCode`] = [{ key: 'duplicate' }];
  }
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const losingAdmin = changes
    .map((c) => ({ c, user: users.get(codeKey(c.code))! }))
    .filter(({ c, user }) => user.isAdmin && user.valid && (c.isAdmin === false || c.valid === false))
    .map(({ user }) => user.id);
  if (losingAdmin.length && (await countAdmins(ctx.db, ctx.actor.domainId, losingAdmin)) === 0) {
    throw AppError.invalid({ users: 'lastAdmin' });
  }

  for (const c of changes) {
    const user = users.get(codeKey(c.code))!;
    const hash = c.password !== undefined ? await hashPassword(c.password) : undefined;
    if (hash) await rememberPassword(ctx, [user.id]);
    await ctx.db
      .updateTable('users')
      .set({
        ...(c.newCode !== undefined ? { code: c.newCode, codeKey: codeKey(c.newCode) } : {}),
        ...(c.name !== undefined ? { name: c.name } : {}),
        ...(c.email !== undefined ? { email: c.email } : {}),
        ...(c.locale !== undefined ? { locale: c.locale } : {}),
        ...(c.timezone !== undefined ? { timezone: c.timezone } : {}),
        ...(c.valid !== undefined ? { valid: toDb.bool(ctx.dialect, c.valid) } : {}),
        ...(c.isAdmin !== undefined ? { isAdmin: toDb.bool(ctx.dialect, c.isAdmin) } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
        ...(c.phone !== undefined ? { phone: c.phone } : {}),
        ...(c.sortOrder !== undefined ? { sortOrder: c.sortOrder } : {}),
        ...(hash ? { passwordHash: hash, passwordChangedAt: toDb.time(ctx.now), failedLogins: 0, lockedUntil: null } : {}),
        ...(c.locked === false ? { failedLogins: 0, lockedUntil: null } : {}),
        updatedAt: toDb.time(ctx.now),
      })
      .where('domainId', '=', ctx.actor.domainId)
      .where('id', '=', user.id)
      .execute();
    if (hash || c.valid === false) {
      const own = ctx.actor.kind === 'user' && ctx.actor.userId === user.id ? ctx.actor.sessionIdHash : undefined;
      await endUserSessions(ctx, [user.id], own);
    }
    const changed = Object.keys(c).filter((k) => k !== 'code' && c[k as keyof UserChange] !== undefined);
    await recordAudit(ctx, {
      action: hash ? 'user.update.password' : 'user.update',
      targetType: 'user',
      targetId: user.id,
      detail: {
        code: user.code,
        changed,
        ...(c.valid !== undefined && c.valid !== user.valid ? { valid: c.valid } : {}),
        ...(c.isAdmin !== undefined && c.isAdmin !== user.isAdmin ? { isAdmin: c.isAdmin } : {}),
      },
    });
  }
  // A suspended user brought back takes a licence again.
  if (changes.some((c) => c.valid === true && !users.get(codeKey(c.code))!.valid)) await assertUserLicences(ctx);
}
