// What the invitation use cases share: the link's secret and where it points, how long it
// lives, what an invitation's status is now, and the mail that carries it.
import type { InvitationJson, InvitationStatus } from '../../../common/api/invitations.js';
import { newSecret } from '../../../common/ids.js';
import { enqueueMail } from '../../mail/queue.js';
import type { Invitation, InvitationListRow } from '../../storage/invitations.repo.js';
import { findSpace } from '../../storage/spaces.repo.js';
import { findUserById } from '../../storage/users.repo.js';
import { sha256 } from '../auth/secrets.js';
import type { Ctx } from '../context.js';

/** Invitation links work for seven days (kintone's rule), on server time (probe I3). */
export const INVITATION_TTL_MS = 7 * 86_400_000;
/** One invitation is mailed at most once a minute. */
export const RESEND_INTERVAL_MS = 60_000;

/** A fresh link secret: 32 random bytes; only its SHA-256 is stored (probe I1). */
export function newInvitationToken(): { token: string; hash: string } {
  const token = newSecret();
  return { token, hash: invitationTokenHash(token) };
}

export function invitationTokenHash(token: string): string {
  // Whatever arrives is hashed, so a malformed token costs what a well-formed unknown one does.
  return sha256(token.slice(0, 200));
}

export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invitations/${token}`;
}

/** Where a guest works in its guest space (the web app's address for it). */
export function guestSpaceUrl(baseUrl: string, spaceId: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/guest/${spaceId}`;
}

export function invitationStatus(inv: InvitationListRow, now: Date): InvitationStatus {
  if (inv.cancelledAt) return 'CANCELLED';
  // A registered guest that was suspended, or whose account is gone, no longer works there.
  if (inv.acceptedAt) return inv.acceptedUserValid ? 'ACTIVE' : 'INACTIVE';
  return inv.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'INVITED';
}

export function presentInvitation(inv: InvitationListRow, now: Date, inviter: { code: string; name: string } | undefined): InvitationJson {
  return {
    id: String(inv.id),
    email: inv.email,
    status: invitationStatus(inv, now),
    invitedAt: inv.createdAt.toISOString(),
    sentAt: inv.sentAt.toISOString(),
    expiresAt: inv.expiresAt.toISOString(),
    sentCount: String(inv.sendCount),
    inviter: inviter ?? { code: '', name: '' },
    acceptedAt: inv.acceptedAt?.toISOString() ?? null,
  };
}

/** What every mail of one send names besides the link: the space, and who invites. */
export interface InvitationSender {
  spaceName: string;
  inviterName: string;
  /** The expiry is shown in the inviter's time zone (the invitee has none yet). */
  timezone: string;
}

export async function invitationSender(ctx: Ctx, spaceId: number, inviterId: number): Promise<InvitationSender> {
  const domainId = ctx.actor.domainId;
  const [space, inviter] = await Promise.all([findSpace(ctx.db, domainId, spaceId), findUserById(ctx.db, domainId, inviterId)]);
  if (!space) throw new Error('an invitation for a space that is gone');
  return { spaceName: space.name, inviterName: inviter?.name ?? '', timezone: inviter?.timezone ?? 'UTC' };
}

/** Queues the invitation mail with its link, in the invitation's language. */
export async function mailInvitation(
  ctx: Ctx,
  inv: Pick<Invitation, 'email' | 'message' | 'locale' | 'expiresAt'>,
  token: string,
  sender: InvitationSender,
): Promise<void> {
  await enqueueMail(ctx, {
    to: inv.email,
    locale: inv.locale,
    template: 'invitation',
    params: {
      ...sender,
      message: inv.message,
      url: invitationUrl(ctx.config.baseUrl, token),
      expiresAt: inv.expiresAt.toISOString(),
    },
  });
}

/**
 * The mail budget of an inviter and a domain (mail bombing, probe I8): the HTTP layer counts
 * with its rate limiter, and refuses with CB_TM01 before anything is written.
 */
export type MailBudget = (recipients: string[]) => Promise<void>;
