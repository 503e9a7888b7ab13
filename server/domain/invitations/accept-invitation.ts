import { addSpaceGuests, spaceGuestIds } from '../../storage/guests.repo.js';
import { claimByToken } from '../../storage/invitations.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { actorFor } from '../auth/sign-in.js';
import type { Ctx } from '../context.js';
import { badLink, liveLink, signedInId } from './invitee.js';

/**
 * An invitee who already has a guest account joins the space, keeping its password. Holding the
 * link proves the address, so no sign-in is needed to join; someone signed in as another account
 * is refused and the invitation stays as it was (probe I5). `signedIn`: the guest itself was
 * signed in here, so its session simply goes on.
 */
export async function acceptInvitation(ctx: Ctx, token: string): Promise<{ spaceId: number; signedIn: boolean }> {
  const { guest, tokenHash } = await liveLink(ctx, token);
  if (!guest) throw AppError.invalid({ email: 'guestNotFound' });
  const current = signedInId(ctx);
  if (current !== null && current !== guest.id) throw new AppError('GAIA_IV03');
  const domainId = ctx.actor.domainId;
  const invitation = await claimByToken(ctx.db, domainId, tokenHash, ctx.now, guest.id);
  if (!invitation) throw badLink();

  const spaceId = invitation.spaceId;
  const asGuest: Ctx = { ...ctx, actor: actorFor(guest, 'session') };
  if (!(await spaceGuestIds(ctx.db, domainId, spaceId)).includes(guest.id)) {
    await addSpaceGuests(ctx.db, domainId, spaceId, [guest.id], ctx.now);
    await recordAudit(asGuest, { action: 'space.guest.add', targetType: 'space', targetId: spaceId, detail: { userId: guest.id, email: guest.email } });
  }
  await recordAudit(asGuest, { action: 'invitation.accept', targetType: 'space', targetId: spaceId, detail: { invitationId: invitation.id, registered: false } });
  return { spaceId, signedIn: current === guest.id };
}
