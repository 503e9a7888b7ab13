// What the invitee's pages share: the live invitation a link names, and the guest account its
// address already has, if any. Every link that cannot be used answers alike (GAIA_IV01).
import { loadGuestsByCodes } from '../../storage/guests.repo.js';
import { type Invitation, findLiveByToken } from '../../storage/invitations.repo.js';
import { type User, codeKey } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { guestCode } from '../auth/sign-in.js';
import type { Ctx } from '../context.js';
import { invitationTokenHash } from './invitation-values.js';

export function badLink(): AppError {
  return new AppError('GAIA_IV01');
}

export interface LiveLink {
  invitation: Invitation;
  tokenHash: string;
  /** The invited address's guest account, if it has one (always a valid one: see below). */
  guest: User | null;
}

/**
 * The live invitation of a token with its address's guest account. A suspended guest's link is
 * answered like an unknown one: an invitation never reactivates anyone (probe G14).
 */
export async function liveLink(ctx: Ctx, token: string): Promise<LiveLink> {
  const tokenHash = invitationTokenHash(token);
  const invitation = await findLiveByToken(ctx.db, ctx.actor.domainId, tokenHash, ctx.now);
  if (!invitation) throw badLink();
  const code = guestCode(invitation.email);
  const guest = (await loadGuestsByCodes(ctx.db, ctx.actor.domainId, [code])).get(codeKey(code)) ?? null;
  if (guest && !guest.valid) throw badLink();
  return { invitation, tokenHash, guest };
}

/** The person signed in on this browser (or by header), if anyone. */
export function signedInId(ctx: Ctx): number | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'guest' ? ctx.actor.userId : null;
}
