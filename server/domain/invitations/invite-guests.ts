import type { InviteInput, InviteResultJson } from '../../../common/api/invitations.js';
import { nextIds } from '../../storage/db.js';
import { loadGuestsByCodes, spaceGuestIds } from '../../storage/guests.repo.js';
import { INVITATION_SEQUENCE, insertInvitation, pendingInvitations, rotateInvitation } from '../../storage/invitations.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { guestCode } from '../auth/sign-in.js';
import type { Ctx } from '../context.js';
import { invitingAdmin } from './invitation-access.js';
import { INVITATION_TTL_MS, type MailBudget, RESEND_INTERVAL_MS, invitationSender, mailInvitation, newInvitationToken } from './invitation-values.js';

/**
 * Invites addresses into a guest space by e-mail. Only under the space's own path (body id =
 * path id; probe I7) and only by its space administrators, domain administrators among them.
 * Addresses arrive normalised and checked (common/api/invitations.ts); here they are
 * de-duplicated, an address already a guest of the space is reported rather than invited, and
 * an invitation still pending is sent again with a new link instead of being duplicated.
 */
export async function inviteGuests(ctx: Ctx, input: InviteInput, budget: MailBudget): Promise<InviteResultJson[]> {
  const { inviterId, spaceId } = await invitingAdmin(ctx, input.id);
  const domainId = ctx.actor.domainId;

  const addresses = new Map<string, string>();
  for (const email of input.emails) if (!addresses.has(codeKey(email))) addresses.set(codeKey(email), email);
  const keys = [...addresses.keys()];

  const guests = await loadGuestsByCodes(ctx.db, domainId, [...addresses.values()].map(guestCode));
  const inSpace = new Set(await spaceGuestIds(ctx.db, domainId, spaceId));
  const already = new Set(keys.filter((key) => {
    const guest = guests.get(codeKey(guestCode(key)));
    return guest !== undefined && inSpace.has(guest.id);
  }));
  const toInvite = keys.filter((key) => !already.has(key));
  const pending = await pendingInvitations(ctx.db, domainId, spaceId, toInvite);

  const wait = Math.max(0, ...[...pending.values()].map((inv) => inv.sentAt.getTime() + RESEND_INTERVAL_MS - ctx.now.getTime()));
  if (wait > 0) throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.ceil(wait / 1000)) } });
  await budget(toInvite);

  const message = plainMessage(input.message ?? '');
  const locale = input.locale ?? ctx.config.defaultLocale;
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS);
  const fresh = toInvite.filter((key) => !pending.has(key));
  const ids = await nextIds(ctx.db, domainId, INVITATION_SEQUENCE, fresh.length);
  const sender = await invitationSender(ctx, spaceId, inviterId);
  const results = new Map<string, InviteResultJson>();
  for (const key of toInvite) {
    const old = pending.get(key);
    // A pending invitation keeps the address as first written (its account will be made so).
    const email = old?.email ?? addresses.get(key)!;
    const { token, hash } = newInvitationToken();
    const inv = { email, spaceId, message, locale, inviterId, expiresAt };
    let id: number;
    if (old) {
      id = old.id;
      await rotateInvitation(ctx.db, domainId, id, { tokenHash: hash, expiresAt, message, locale, inviterId }, ctx.now);
    } else {
      id = ids[fresh.indexOf(key)]!;
      await insertInvitation(ctx.db, domainId, { ...inv, id, emailKey: key, tokenHash: hash }, ctx.now);
    }
    await mailInvitation(ctx, inv, token, sender);
    await recordAudit(ctx, { action: old ? 'invitation.resend' : 'invitation.create', targetType: 'space', targetId: spaceId, detail: { invitationId: id, email } });
    results.set(key, { id: String(id), email, status: old ? 'RESENT' : 'INVITED' });
  }
  return keys.map((key) => results.get(key) ?? { id: null, email: addresses.get(key)!, status: 'ALREADY_GUEST' });
}

/** The message is plain text: line breaks and tabs stay, other control characters go. */
function plainMessage(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}
