// Opening an allow-list reset link and using it. Every link that cannot be used — forged,
// unknown, used, expired, replaced, or its account no longer a valid administrator — gets one
// answer (CB_IR01). Using it switches the IP restriction off for everyone (the list itself is
// kept, to be switched on again), together with the Basic gate and secure access, which apply
// only with it (see updateSecurity). It signs nobody in: the administrator then signs in as
// always, password and second factor included.
import type { AllowListResetInfo } from '../../../common/api/allow-list-reset.js';
import { consumeLink, deleteOpenLinks, findOpenLink } from '../../storage/emailed-links.repo.js';
import type { User } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { sha256 } from '../auth/secrets.js';
import { type BaseCtx, type Services, inTransaction } from '../context.js';
import { updateSecurity } from './settings.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

async function usableLink(services: Services, domainId: string, token: string): Promise<{ user: User; tokenHash: string }> {
  if (!TOKEN_SHAPE.test(token)) throw new AppError('CB_IR01');
  const tokenHash = sha256(token);
  const user = await findOpenLink(services.db, 'allowListResets', domainId, tokenHash, services.clock());
  if (!user || user.kind !== 'user' || !user.valid || !user.isAdmin) throw new AppError('CB_IR01');
  return { user, tokenHash };
}

/** The page's facts: whose link it is. */
export async function openAllowListReset(services: Services, base: BaseCtx, token: string): Promise<AllowListResetInfo> {
  const { user } = await usableLink(services, base.actor.domainId, token);
  return { login: user.code };
}

export async function completeAllowListReset(services: Services, base: BaseCtx, token: string): Promise<void> {
  const domainId = base.actor.domainId;
  const { user, tokenHash } = await usableLink(services, domainId, token);

  await inTransaction(services, base, async (ctx) => {
    // Conditional: of two browsers holding the link, one gets here.
    if (!(await consumeLink(ctx.db, 'allowListResets', domainId, tokenHash, user.id, ctx.now))) throw new AppError('CB_IR01');
    const off = { enabled: false };
    // Writes, audits (security.settings) and, after commit, drops this instance's cached settings;
    // the others follow within SETTINGS_TTL_MS.
    await updateSecurity(ctx, { ipRestriction: off, basicGate: off, secureAccess: off });
    await deleteOpenLinks(ctx.db, 'allowListResets', domainId, user.id);
    await recordAudit(ctx, { action: 'security.allowList.reset', targetType: 'user', targetId: user.id, detail: { login: user.code } });
  });
}
