// Opening a reset link and choosing the new password. Every link that cannot be used — unknown,
// forged, used, expired, its account suspended or no longer allowed to reset — gets one answer
// (CB_PR01). A reset sets the password only: it never reactivates a suspended account and never
// skips a second factor at the next sign-in.
import type { PasswordResetInfo } from '../../../common/api/passwords.js';
import { toDb } from '../../storage/dialect.js';
import { consumeLink, deleteOpenLinks, findOpenLink } from '../../storage/emailed-links.repo.js';
import type { User } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { type BaseCtx, type Services, inTransaction, readContext } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { securityOf } from '../security/settings.js';
import { checkNewPassword, rememberPassword } from './password-policy.js';
import { loginOf } from './password-reset.js';
import { hashPassword } from './passwords.js';
import { sha256 } from './secrets.js';
import { endUserSessions } from './sessions.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

async function usableReset(services: Services, domainId: string, token: string): Promise<{ user: User; tokenHash: string }> {
  if (!TOKEN_SHAPE.test(token)) throw new AppError('CB_PR01');
  const tokenHash = sha256(token);
  const user = await findOpenLink(services.db, 'passwordResets', domainId, tokenHash, services.clock());
  if (!user || !user.valid) throw new AppError('CB_PR01');
  if (user.kind === 'user' && !(await securityOf(services.db, domainId)).allowPasswordReset) throw new AppError('CB_PR01');
  return { user, tokenHash };
}

/** The reset page's facts: whose password the link resets. */
export async function openPasswordReset(services: Services, base: BaseCtx, token: string): Promise<PasswordResetInfo> {
  const { user } = await usableReset(services, base.actor.domainId, token);
  return { login: loginOf(user), guest: user.kind === 'guest' };
}

export async function completePasswordReset(services: Services, base: BaseCtx, token: string, newPassword: string): Promise<void> {
  const domainId = base.actor.domainId;
  const { user, tokenHash } = await usableReset(services, domainId, token);
  // A password the policy refuses leaves the link alive: the holder simply tries another.
  const problems = await checkNewPassword(readContext(services, base), {
    password: newPassword,
    login: loginOf(user),
    email: user.email,
    userId: user.id,
  });
  if (problems.length) throw AppError.invalid({ newPassword: problems });
  const hash = await hashPassword(newPassword);

  await inTransaction(services, base, async (ctx) => {
    if (!(await consumeLink(ctx.db, 'passwordResets', domainId, tokenHash, user.id, ctx.now))) throw new AppError('CB_PR01');
    await rememberPassword(ctx, [user.id]);
    await ctx.db
      .updateTable('users')
      .set({ passwordHash: hash, passwordChangedAt: toDb.time(ctx.now), failedLogins: 0, lockedUntil: null, updatedAt: toDb.time(ctx.now) })
      .where('domainId', '=', domainId)
      .where('id', '=', user.id)
      .execute();
    // Whoever held the old password, or any other link, is out (A15, A17).
    await deleteOpenLinks(ctx.db, 'passwordResets', domainId, user.id);
    await endUserSessions(ctx, [user.id]);
    await recordAudit(ctx, { action: 'auth.password.reset', targetType: 'user', targetId: user.id, detail: { login: loginOf(user) } });
  });
}
