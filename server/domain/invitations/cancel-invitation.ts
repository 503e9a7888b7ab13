import { cancelInvitation as cancelRow } from '../../storage/invitations.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { invitingAdmin, pendingInvitation } from './invitation-access.js';

/** Cancels an invitation not yet accepted: its link dies at once (probe I4). */
export async function cancelInvitation(ctx: Ctx, input: { id: number; invitation: number }): Promise<void> {
  const { spaceId } = await invitingAdmin(ctx, input.id);
  const inv = await pendingInvitation(ctx, spaceId, input.invitation);
  if (!(await cancelRow(ctx.db, ctx.actor.domainId, inv.id, ctx.now))) throw AppError.invalid({ invitation: 'invitationClosed' });
  await recordAudit(ctx, { action: 'invitation.cancel', targetType: 'space', targetId: spaceId, detail: { invitationId: inv.id, email: inv.email } });
}
