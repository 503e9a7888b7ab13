import { rotateInvitation } from '../../storage/invitations.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { invitingAdmin, pendingInvitation } from './invitation-access.js';
import { INVITATION_TTL_MS, type MailBudget, RESEND_INTERVAL_MS, invitationSender, mailInvitation, newInvitationToken } from './invitation-values.js';

/**
 * Sends an invitation again, invited or expired: a new link valid seven days from now, and the
 * old one stops working at once (probe I4). At most once a minute per invitation.
 */
export async function resendInvitation(ctx: Ctx, input: { id: number; invitation: number }, budget: MailBudget): Promise<void> {
  const { inviterId, spaceId } = await invitingAdmin(ctx, input.id);
  const inv = await pendingInvitation(ctx, spaceId, input.invitation);
  const wait = inv.sentAt.getTime() + RESEND_INTERVAL_MS - ctx.now.getTime();
  if (wait > 0) throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.ceil(wait / 1000)) } });
  await budget([inv.emailKey]);
  const { token, hash } = newInvitationToken();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS);
  const change = { tokenHash: hash, expiresAt, message: inv.message, locale: inv.locale, inviterId };
  if (!(await rotateInvitation(ctx.db, ctx.actor.domainId, inv.id, change, ctx.now))) throw AppError.invalid({ invitation: 'invitationClosed' });
  await mailInvitation(ctx, { ...inv, ...change }, token, await invitationSender(ctx, spaceId, inviterId));
  await recordAudit(ctx, { action: 'invitation.resend', targetType: 'space', targetId: spaceId, detail: { invitationId: inv.id, email: inv.email } });
}
