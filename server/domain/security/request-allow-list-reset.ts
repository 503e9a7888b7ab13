// "Locked out by the IP allow-list?": anyone may ask, for a login, for a link that switches the
// restriction off. The answer and the work are the same whatever becomes of the request, so
// nobody learns who is an administrator; a link is sent only to a valid regular user who is a
// domain administrator, while the restriction is on, at the address stored for the account —
// never one from the request — and built on BASE_URL, never the request's Host (A6, A16).
import { ALLOW_LIST_RESET_PAGE, ALLOW_LIST_RESET_TTL_MS } from '../../../common/api/allow-list-reset.js';
import { newSecret } from '../../../common/ids.js';
import { isPlainAddress } from '../../mail/address.js';
import { enqueueMail } from '../../mail/queue.js';
import { deleteOpenLinks, insertLink } from '../../storage/emailed-links.repo.js';
import { findUserByCode } from '../../storage/users.repo.js';
import { recordAudit } from '../audit/record-audit.js';
import { sha256 } from '../auth/secrets.js';
import { type BaseCtx, type Services, inTransaction } from '../context.js';
import { securityOf } from './settings.js';

export interface AllowListResetRequest {
  /** The administrator's login name. */
  login: string;
  /** False once this account was asked about too often: nothing is sent, the answer is the same. */
  withinBudget: boolean;
}

type Refusal = 'unknown-login' | 'suspended' | 'not-administrator' | 'not-restricted' | 'no-email' | 'too-many';

export async function requestAllowListReset(services: Services, base: BaseCtx, input: AllowListResetRequest): Promise<void> {
  const domainId = base.actor.domainId;
  const found = await findUserByCode(services.db, domainId, input.login);
  const security = await securityOf(services.db, domainId);
  // Guests are never restricted, so they have nothing to lift.
  const user = found?.user.kind === 'user' ? found.user : null;
  let refusal: Refusal | null = null;
  if (!user) refusal = 'unknown-login';
  else if (!user.valid) refusal = 'suspended';
  else if (!user.isAdmin) refusal = 'not-administrator';
  else if (!security.ipRestriction.enabled) refusal = 'not-restricted';
  else if (!isPlainAddress(user.email)) refusal = 'no-email';
  else if (!input.withinBudget) refusal = 'too-many';
  // Made either way, so both paths cost the same.
  const token = newSecret();
  const tokenHash = sha256(token);

  await inTransaction(services, base, async (ctx) => {
    if (refusal || !user) {
      await recordAudit(ctx, {
        action: 'security.allowList.reset.request',
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        result: 'failure',
        detail: { login: input.login.slice(0, 256), reason: refusal },
      });
      return;
    }
    const domain = await ctx.db.selectFrom('domains').select('name').where('id', '=', domainId).executeTakeFirstOrThrow();
    await deleteOpenLinks(ctx.db, 'allowListResets', domainId, user.id);
    await insertLink(ctx.db, 'allowListResets', {
      domainId,
      userId: user.id,
      tokenHash,
      now: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + ALLOW_LIST_RESET_TTL_MS),
    });
    await enqueueMail(ctx, {
      to: user.email,
      locale: user.locale,
      template: 'allow-list-reset',
      params: {
        url: `${ctx.config.baseUrl}${ALLOW_LIST_RESET_PAGE}${token}`,
        login: user.code,
        domainName: domain.name,
        minutes: ALLOW_LIST_RESET_TTL_MS / 60_000,
      },
    });
    await recordAudit(ctx, { action: 'security.allowList.reset.request', targetType: 'user', targetId: user.id, detail: { login: user.code } });
  });
}
