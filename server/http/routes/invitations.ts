// Guest invitations: space administrators invite, list, re-send and cancel under the guest
// space's own prefix (like space/guests.json); the invitee's pages are public, take the link's
// token, and follow the sign-in page's cross-site rules.
import {
  INVITATION_ACCEPT_PATH,
  INVITATION_PATH,
  INVITATION_REGISTER_PATH,
  SPACE_INVITATION_PATH,
  SPACE_INVITATION_RESEND_PATH,
  SPACE_INVITATIONS_PATH,
  invitationRefInput,
  inviteInput,
  listInvitationsInput,
  registerInput,
} from '../../../common/api/invitations.js';
import { AppError } from '../../domain/app-error.js';
import { recordAudit } from '../../domain/audit/record-audit.js';
import { startSession } from '../../domain/auth/sessions.js';
import type { Ctx } from '../../domain/context.js';
import { acceptInvitation } from '../../domain/invitations/accept-invitation.js';
import { cancelInvitation } from '../../domain/invitations/cancel-invitation.js';
import type { MailBudget } from '../../domain/invitations/invitation-values.js';
import { inviteGuests } from '../../domain/invitations/invite-guests.js';
import { listInvitations } from '../../domain/invitations/list-invitations.js';
import { openInvitation } from '../../domain/invitations/open-invitation.js';
import { registerInvitee } from '../../domain/invitations/register-invitee.js';
import { resendInvitation } from '../../domain/invitations/resend-invitation.js';
import type { Limiter } from '../../infra/limiter.js';
import type { Actor } from '../../policy/actor.js';
import { sessionCookie } from '../cookies.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { type RouteArgs, defineRoute } from '../route.js';
import { peerKey, throttle } from '../throttle.js';

const HOUR_MS = 3_600_000;
/** Invitation mails a domain may send in an hour, all its inviters together (probe I8). */
export const DOMAIN_MAILS_PER_HOUR = 300;
/** …one inviter (one full request of 100 addresses fits). */
export const INVITER_MAILS_PER_HOUR = 100;
/** …one address, from all the domain's inviters together, in a day. */
export const RECIPIENT_MAILS_PER_DAY = 5;
/** Requests to the invitee's pages per address per minute (probe I1). */
export const LINK_REQUESTS_PER_MINUTE = 30;

/** Counts mails against the budgets, or refuses them all (CB_TM01) before anything is sent. */
function mailBudget(limiter: Limiter, actor: Actor): MailBudget {
  return async (recipients) => {
    if (recipients.length === 0) return;
    const domainId = actor.domainId;
    const who = actor.kind === 'user' ? actor.userId : 0;
    const checks = [
      { key: `invite:domain:${domainId}`, limit: DOMAIN_MAILS_PER_HOUR, windowMs: HOUR_MS, n: recipients.length },
      { key: `invite:inviter:${domainId}:${who}`, limit: INVITER_MAILS_PER_HOUR, windowMs: HOUR_MS, n: recipients.length },
      ...recipients.map((r) => ({ key: `invite:to:${domainId}:${r}`, limit: RECIPIENT_MAILS_PER_DAY, windowMs: 24 * HOUR_MS, n: 1 })),
    ];
    for (const c of checks) {
      const state = await limiter.peek(c.key, c.limit);
      if (state.count + c.n > c.limit) {
        const ms = state.count > 0 ? state.retryAfterMs : c.windowMs;
        throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) } });
      }
    }
    for (const c of checks) for (let i = 0; i < c.n; i++) await limiter.hit(c.key, c.limit, c.windowMs);
  };
}

/** A refusal for too many mails is audited, in a transaction of its own (the command's rolled back). */
async function auditingLimits<T>(args: RouteArgs<unknown>, spaceId: number, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  try {
    return await args.command(fn);
  } catch (err) {
    if (err instanceof AppError && err.code === 'CB_TM01') {
      await args.command((ctx) => recordAudit(ctx, { action: 'invitation.limit', targetType: 'space', targetId: spaceId, result: 'failure' }));
    }
    throw err;
  }
}

/** The invitee's pages: the link's token, the per-address budget, and a failed use audited. */
async function linkRequest<T>(args: RouteArgs<unknown>, unsafe: boolean, fn: (token: string) => Promise<T>): Promise<T> {
  const { request, services, limiter, base } = args;
  if (unsafe && !isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
  await throttle(limiter, `invite-link:${base.actor.domainId}:${peerKey(request)}`, LINK_REQUESTS_PER_MINUTE, 60_000);
  const token = String((request.params as { token?: unknown }).token ?? '');
  try {
    return await fn(token);
  } catch (err) {
    if (unsafe && err instanceof AppError && err.code === 'GAIA_IV01') {
      await args.command((ctx) => recordAudit(ctx, { action: 'invitation.accept', result: 'failure', detail: { reason: 'invalid-link' } }));
    }
    throw err;
  }
}

export const invitationRoutes = [
  defineRoute({
    method: 'POST',
    url: SPACE_INVITATIONS_PATH,
    access: 'signedIn',
    input: inviteInput,
    handler: async (args) => {
      const { input, actor, limiter } = args;
      const budget = mailBudget(limiter, actor);
      return { invitations: await auditingLimits(args, input.id, (ctx) => inviteGuests(ctx, input, budget)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_INVITATIONS_PATH,
    access: 'signedIn',
    input: listInvitationsInput,
    handler: async ({ input, read }) => ({ invitations: await listInvitations(read(), input) }),
  }),
  defineRoute({
    method: 'POST',
    url: SPACE_INVITATION_RESEND_PATH,
    access: 'signedIn',
    input: invitationRefInput,
    handler: async (args) => {
      const { input, actor, limiter } = args;
      const budget = mailBudget(limiter, actor);
      await auditingLimits(args, input.id, (ctx) => resendInvitation(ctx, input, budget));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: SPACE_INVITATION_PATH,
    access: 'signedIn',
    input: invitationRefInput,
    handler: async ({ input, command }) => {
      await command((ctx) => cancelInvitation(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: INVITATION_PATH,
    access: 'public',
    handler: async (args) => {
      args.reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      return linkRequest(args, false, (token) => openInvitation(args.read(), token));
    },
  }),
  defineRoute({
    method: 'POST',
    url: INVITATION_REGISTER_PATH,
    access: 'public',
    input: registerInput,
    handler: async (args) => {
      const { input, request, reply, services, base } = args;
      const { user, spaceId } = await linkRequest(args, true, (token) => args.command((ctx) => registerInvitee(ctx, token, input)));
      const cookie = sessionCookie(services.config);
      const { token } = await startSession(services, base, user, request.cookies[cookie.name]);
      reply.setCookie(cookie.name, token, cookie.options);
      return { space: String(spaceId) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: INVITATION_ACCEPT_PATH,
    access: 'public',
    handler: async (args) => {
      const { spaceId, signedIn } = await linkRequest(args, true, (token) => args.command((ctx) => acceptInvitation(ctx, token)));
      return signedIn ? { space: String(spaceId) } : { space: String(spaceId), signIn: true };
    },
  }),
];
