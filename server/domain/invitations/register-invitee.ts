import type { RegisterInput } from '../../../common/api/invitations.js';
import { enqueueMail } from '../../mail/queue.js';
import { addSpaceGuests } from '../../storage/guests.repo.js';
import { claimByToken, markGuestSignedIn, setAcceptedUser } from '../../storage/invitations.repo.js';
import { findSpace } from '../../storage/spaces.repo.js';
import { type User, findUserById } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { actorFor } from '../auth/sign-in.js';
import type { Ctx } from '../context.js';
import { addGuests } from '../guests/add-guests.js';
import { guestSpaceUrl } from './invitation-values.js';
import { badLink, liveLink, signedInId } from './invitee.js';

/**
 * Registers the invitee of a link as a guest and puts it in the space. The login is the invited
 * address, never a parameter (probe I5); the account is made by addGuests, with its checks and
 * the domain's password policy. The link is used in one statement, so two racing registrations
 * make one account. The caller starts the new guest's session after the commit.
 */
export async function registerInvitee(ctx: Ctx, token: string, input: RegisterInput): Promise<{ user: User; spaceId: number }> {
  const { guest, tokenHash } = await liveLink(ctx, token);
  if (signedInId(ctx) !== null) throw new AppError('GAIA_IV03');
  if (guest) throw AppError.invalid({ email: 'guestExists' });
  const domainId = ctx.actor.domainId;
  const invitation = await claimByToken(ctx.db, domainId, tokenHash, ctx.now, null);
  if (!invitation) throw badLink();

  const [userId] = await addGuests(ctx, [
    { code: invitation.email, name: input.name, password: input.password, timezone: input.timezone, locale: input.locale ?? invitation.locale },
  ]).catch((err: unknown) => {
    throw asOwnFields(err);
  });
  const user = (await findUserById(ctx.db, domainId, userId!))!;
  const spaceId = invitation.spaceId;
  const asGuest: Ctx = { ...ctx, actor: actorFor(user, 'session') };
  await setAcceptedUser(ctx.db, domainId, invitation.id, user.id);
  await addSpaceGuests(ctx.db, domainId, spaceId, [user.id], ctx.now);
  await markGuestSignedIn(ctx.db, domainId, user, ctx.now);
  await recordAudit(asGuest, { action: 'space.guest.add', targetType: 'space', targetId: spaceId, detail: { userId: user.id, email: user.email } });
  await recordAudit(asGuest, { action: 'invitation.accept', targetType: 'space', targetId: spaceId, detail: { invitationId: invitation.id, registered: true } });

  const space = await findSpace(ctx.db, domainId, spaceId);
  await enqueueMail(ctx, {
    to: user.email,
    locale: user.locale,
    template: 'registration-complete',
    params: { spaceName: space?.name ?? '', url: guestSpaceUrl(ctx.config.baseUrl, spaceId), login: user.email },
  });
  return { user, spaceId };
}

/** addGuests names `guests[0].password`; this API's parameter is `password`. */
function asOwnFields(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.options.errors) return err;
  const errors: Record<string, FieldProblem[]> = {};
  for (const [key, problems] of Object.entries(err.options.errors)) {
    errors[key.replace(/^guests\[0\]\./, '').replace(/^code$/, 'email')] = problems;
  }
  return new AppError(err.code, { ...err.options, errors });
}
