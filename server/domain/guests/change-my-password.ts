import { toDb } from '../../storage/dialect.js';
import { findUserWithHash } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { checkNewPassword, rememberPassword } from '../auth/password-policy.js';
import { createSession, endSession, endUserSessions } from '../auth/sessions.js';

/**
 * The signed-in user or guest changes its own password, proving the current one first (A18).
 * Guests may always do so (features A3). The new one follows the domain's rules; every other
 * session of the account ends (A17). The browser session in use goes on under a new id (A12):
 * one opened with an expired password could only change it, and now it can do everything, so
 * the old id, which may have been seen before, dies with the old rights.
 */
export async function changeMyPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<{ session: { token: string; csrfToken: string } | null }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError('CB_NO02');
  const found = await findUserWithHash(ctx.db, actor.domainId, actor.userId);
  if (!found) throw new AppError('CB_AU01');
  const { user, passwordHash } = found;
  if (!(await verifyPassword(passwordHash, input.currentPassword))) {
    throw AppError.invalid({ currentPassword: 'wrongPassword' });
  }
  const login = user.kind === 'guest' ? user.email : user.code;
  const problems = await checkNewPassword(ctx, { password: input.newPassword, login, email: user.email, userId: user.id });
  if (problems.length) throw AppError.invalid({ newPassword: problems });
  await rememberPassword(ctx, [user.id]);

  await ctx.db
    .updateTable('users')
    .set({
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: toDb.time(ctx.now),
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: toDb.time(ctx.now),
    })
    .where('domainId', '=', actor.domainId)
    .where('id', '=', user.id)
    .execute();
  await endUserSessions(ctx, [user.id], actor.sessionIdHash);
  let session: { token: string; csrfToken: string } | null = null;
  if (actor.via === 'session' && actor.sessionIdHash) {
    await endSession(ctx, actor.sessionIdHash);
    session = await createSession(ctx, user);
  }
  await recordAudit(ctx, { action: `${user.kind}.update.password`, targetType: 'user', targetId: user.id, detail: { self: true } });
  return { session };
}
