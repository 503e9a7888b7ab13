// Guest invitations by e-mail (ours; kintone has them only in its screens). Space administrators
// manage them under the guest space's own prefix, like space/guests.json; the invitee's pages
// are public and take the link's token.
import { z } from 'zod';
import { guestEmail, guestLocale, newGuest } from './guests.js';
import { intParam, listParam, localeParam, numericId } from './params.js';

/** Served under `/k/guest/{id}/v1/…` only (the plain path answers CB_NO02). */
export const SPACE_INVITATIONS_PATH = '/k/v1/space/invitations.json';
export const SPACE_INVITATION_RESEND_PATH = '/k/v1/space/invitations/resend.json';
export const SPACE_INVITATION_PATH = '/k/v1/space/invitation.json';
/** The invitee's: `:token` is the link's secret. */
export const INVITATION_PATH = '/api/invitations/:token';
export const INVITATION_REGISTER_PATH = '/api/invitations/:token/register';
export const INVITATION_ACCEPT_PATH = '/api/invitations/:token/accept';

export const MAX_INVITATIONS_PER_CALL = 100;
export const MAX_INVITATION_MESSAGE = 1000;

/**
 * An invited address: the guests' address rule (ASCII, no look-alikes; probe I10), trimmed, its
 * domain part lower-cased. The local part keeps its case, as the guest account will.
 */
export const invitedEmail = guestEmail.transform(normaliseEmail);

export function normaliseEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at) + email.slice(at).toLowerCase();
}

export const inviteInput = z.object({
  id: numericId,
  emails: listParam(invitedEmail, MAX_INVITATIONS_PER_CALL).min(1),
  /** Plain text added to the mail; never markup. */
  message: z.string().max(MAX_INVITATION_MESSAGE).optional(),
  /** The mail's language; the domain's default when absent. */
  locale: localeParam.optional(),
});
export type InviteInput = z.output<typeof inviteInput>;

export const listInvitationsInput = z.object({
  id: numericId,
  offset: intParam(0, 1_000_000).default(0),
  limit: intParam(1, 100).default(100),
});

export const invitationRefInput = z.object({ id: numericId, invitation: numericId });

/** The invitee's choices; the login is the invited address and cannot be chosen (probe I5). */
export const registerInput = z.object({
  name: newGuest.shape.name,
  password: newGuest.shape.password,
  timezone: newGuest.shape.timezone,
  locale: guestLocale.optional(),
});
export type RegisterInput = z.output<typeof registerInput>;

/** What an invitation is now. */
export type InvitationStatus = 'INVITED' | 'EXPIRED' | 'ACTIVE' | 'INACTIVE' | 'CANCELLED';

/** What POST invitations did for each address. */
export type InviteOutcome = 'INVITED' | 'RESENT' | 'ALREADY_GUEST';

export interface InviteResultJson {
  id: string | null;
  email: string;
  status: InviteOutcome;
}

export interface InvitationJson {
  id: string;
  email: string;
  status: InvitationStatus;
  invitedAt: string;
  sentAt: string;
  expiresAt: string;
  sentCount: string;
  inviter: { code: string; name: string };
  acceptedAt: string | null;
}

/** GET /api/invitations/:token. */
export interface InvitationPageJson {
  email: string;
  spaceName: string;
  inviterName: string;
  expiresAt: string;
  /** The address already has a guest account: accept rather than register. */
  registered: boolean;
}
