import type { InvitationPageJson } from '../../../common/api/invitations.js';
import { findSpace } from '../../storage/spaces.repo.js';
import { findUserById } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { badLink, liveLink } from './invitee.js';

/**
 * What the invitee's page shows before anything is done. Reading uses nothing up: a mail
 * scanner that fetches the link leaves it working (probe I6).
 */
export async function openInvitation(ctx: Ctx, token: string): Promise<InvitationPageJson> {
  const { invitation, guest } = await liveLink(ctx, token);
  const domainId = ctx.actor.domainId;
  const [space, inviter] = await Promise.all([findSpace(ctx.db, domainId, invitation.spaceId), findUserById(ctx.db, domainId, invitation.inviterId)]);
  if (!space) throw badLink();
  return {
    email: invitation.email,
    spaceName: space.name,
    inviterName: inviter?.valid ? inviter.name : '',
    expiresAt: invitation.expiresAt.toISOString(),
    registered: guest !== null,
  };
}
