// Who may manage a guest space's invitations, and which invitation an id names.
import { type Invitation, findInvitation } from '../../storage/invitations.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { spaceFor } from '../spaces/space-access.js';

/**
 * The gate of every invitation API: the guest space's own path, its administrators only. A
 * member, a guest or an outsider gets CB_NO02 like for space/guests.json.
 */
export async function invitingAdmin(ctx: Ctx, spaceId: number): Promise<{ inviterId: number; spaceId: number }> {
  if (ctx.guestSpaceId === undefined || ctx.guestSpaceId !== spaceId) throw new AppError('CB_NO02');
  const { space } = await spaceFor(ctx, spaceId, 'space.manage');
  if (!space.isGuest || ctx.actor.kind !== 'user') throw new AppError('CB_NO02');
  return { inviterId: ctx.actor.userId, spaceId };
}

/** An invitation of this space still waiting for its invitee (invited or expired). */
export async function pendingInvitation(ctx: Ctx, spaceId: number, id: number): Promise<Invitation> {
  const inv = await findInvitation(ctx.db, ctx.actor.domainId, spaceId, id);
  if (!inv) throw new AppError('GAIA_IV02', { params: { id } });
  if (inv.acceptedAt || inv.cancelledAt) throw AppError.invalid({ invitation: 'invitationClosed' });
  return inv;
}
