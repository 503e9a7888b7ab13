// "Forgot your password?": anyone may ask for a reset link for a login. The answer and the work
// are the same whether or not the account exists, may reset, or is suspended (A4), so nobody
// learns from it who has an account; only the account's own mailbox receives the link (A16).
// Guests may always reset their password (features A3); users only while the domain allows it.
import { newSecret } from '../../../common/ids.js';
import { PASSWORD_RESET_PAGE, PASSWORD_RESET_TTL_MS } from '../../../common/api/passwords.js';
import { enqueueMail } from '../../mail/queue.js';
import { deleteOpenLinks, insertLink } from '../../storage/emailed-links.repo.js';
import { type User, findUserByCode } from '../../storage/users.repo.js';
import { type BaseCtx, type Services, inTransaction } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { securityOf } from '../security/settings.js';
import { sha256 } from './secrets.js';
import { guestCode } from './sign-in.js';

export interface ResetRequest {
  /** A user's login name, or a guest's e-mail address (guest: true). */
  login: string;
  guest: boolean;
  /** False once this account was asked about too often: nothing is sent, the answer is the same. */
  withinBudget: boolean;
}

type Refusal = 'unknown-login' | 'suspended' | 'not-allowed' | 'too-many';

export async function requestPasswordReset(services: Services, base: BaseCtx, input: ResetRequest): Promise<void> {
  const domainId = base.actor.domainId;
  const code = input.guest ? guestCode(input.login) : input.login;
  const found = await findUserByCode(services.db, domainId, code);
  const security = await securityOf(services.db, domainId);
  const user = found && found.user.kind === (input.guest ? 'guest' : 'user') ? found.user : null;
  let refusal: Refusal | null = null;
  if (!user) refusal = 'unknown-login';
  else if (!user.valid) refusal = 'suspended';
  else if (user.kind === 'user' && !security.allowPasswordReset) refusal = 'not-allowed';
  else if (!input.withinBudget) refusal = 'too-many';
  // Made either way, so both paths cost the same.
  const token = newSecret();
  const tokenHash = sha256(token);

  await inTransaction(services, base, async (ctx) => {
    if (refusal || !user) {
      await recordAudit(ctx, {
        action: 'auth.password.reset.request',
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        result: 'failure',
        detail: { login: input.login.slice(0, 256), guest: input.guest, reason: refusal },
      });
      return;
    }
    await deleteOpenLinks(ctx.db, 'passwordResets', domainId, user.id);
    await insertLink(ctx.db, 'passwordResets', {
      domainId,
      userId: user.id,
      tokenHash,
      now: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + PASSWORD_RESET_TTL_MS),
    });
    await enqueueMail(ctx, {
      to: user.email,
      locale: user.locale,
      template: 'password-reset',
      // The configured base URL, never the request's Host (A16).
      params: { url: `${ctx.config.baseUrl}${PASSWORD_RESET_PAGE}${token}`, login: loginOf(user), minutes: PASSWORD_RESET_TTL_MS / 60_000 },
    });
    await recordAudit(ctx, {
      action: 'auth.password.reset.request',
      targetType: 'user',
      targetId: user.id,
      detail: { login: loginOf(user), guest: user.kind === 'guest' },
    });
  });
}

/** What the account signs in with: a user's login name, a guest's e-mail address. */
export function loginOf(user: User): string {
  return user.kind === 'guest' ? user.email : user.code;
}
