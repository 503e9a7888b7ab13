// Second factors (ours): answering a sign-in's challenge, and TOTP enrolment for regular users.
import {
  MY_TOTP_CONFIRM_PATH,
  MY_TOTP_PATH,
  SESSION_VERIFY_PATH,
  USERS_TOTP_PATH,
  totpConfirmInput,
  totpDisableInput,
  totpResetInput,
  totpStartInput,
  verifyInput,
} from '../../../common/api/two-step.js';
import { AppError } from '../../domain/app-error.js';
import { verifyChallenge } from '../../domain/auth/login-challenge.js';
import { createSession, endSession } from '../../domain/auth/sessions.js';
import { confirmTotpEnrolment, disableMyTotp, resetUserTotp, startTotpEnrolment, totpStatus } from '../../domain/auth/totp-enrolment.js';
import { totpSetupRequired } from '../../domain/auth/two-step.js';
import type { Actor } from '../../policy/actor.js';
import { findUserById } from '../../storage/users.repo.js';
import { sessionCookie } from '../cookies.js';
import type { Limiter } from '../../infra/limiter.js';
import type { Services } from '../../domain/context.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { defineRoute } from '../route.js';
import { peerKey, throttle } from '../throttle.js';
import { openSession } from './session.js';

/** Someone holding a stolen session must not get to guess the password or codes at leisure. */
async function throttleAccount(limiter: Limiter, services: Services, actor: Actor, what: string): Promise<void> {
  const who = actor.kind === 'user' || actor.kind === 'guest' ? actor.userId : 0;
  await throttle(limiter, `${what}:${actor.domainId}:${who}`, services.config.loginRatePerMinute, 60_000);
}

export const twoStepRoutes = [
  defineRoute({
    method: 'POST',
    url: SESSION_VERIFY_PATH,
    access: 'public',
    input: verifyInput,
    handler: async ({ input, request, reply, services, limiter, base }) => {
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      await throttle(limiter, `login:${base.actor.domainId}:${peerKey(request)}`, services.config.loginRatePerMinute, 60_000);
      const user = await verifyChallenge(services, base, input);
      return openSession({ request, reply, services, base }, user);
    },
  }),
  defineRoute({
    method: 'GET',
    url: MY_TOTP_PATH,
    access: 'signedIn',
    handler: async ({ read }) => totpStatus(read()),
  }),
  defineRoute({
    method: 'POST',
    url: MY_TOTP_PATH,
    access: 'signedIn',
    input: totpStartInput,
    handler: async ({ input, actor, services, limiter, command }) => {
      if (actor.kind !== 'user') throw new AppError('CB_NO02');
      await throttleAccount(limiter, services, actor, 'totp');
      const user = await findUserById(services.db, actor.domainId, actor.userId);
      const mustEnrol = actor.via === 'session' && user !== null && (await totpSetupRequired(services.db, user));
      return command((ctx) => startTotpEnrolment(ctx, input, mustEnrol));
    },
  }),
  defineRoute({
    method: 'POST',
    url: MY_TOTP_CONFIRM_PATH,
    access: 'signedIn',
    input: totpConfirmInput,
    handler: async ({ input, actor, services, limiter, command, reply }) => {
      if (actor.kind !== 'user') throw new AppError('CB_NO02');
      await throttleAccount(limiter, services, actor, 'totp');
      const { recoveryCodes, session } = await command(async (ctx) => {
        const { recoveryCodes } = await confirmTotpEnrolment(ctx, input);
        if (actor.via !== 'session' || !actor.sessionIdHash) return { recoveryCodes, session: null };
        // A privilege change (a session that could only enrol now can do more): a new id (A12).
        const user = await findUserById(ctx.db, actor.domainId, actor.userId);
        if (!user) throw new AppError('CB_AU01');
        await endSession(ctx, actor.sessionIdHash);
        return { recoveryCodes, session: await createSession(ctx, user) };
      });
      if (!session) return { recoveryCodes };
      const cookie = sessionCookie(services.config);
      reply.setCookie(cookie.name, session.token, cookie.options);
      return { recoveryCodes, csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: MY_TOTP_PATH,
    access: 'signedIn',
    input: totpDisableInput,
    handler: async ({ input, actor, services, limiter, command }) => {
      if (actor.kind !== 'user') throw new AppError('CB_NO02');
      await throttleAccount(limiter, services, actor, 'totp');
      await command((ctx) => disableMyTotp(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: USERS_TOTP_PATH,
    access: 'directory.manage',
    input: totpResetInput,
    handler: async ({ input, command }) => {
      await command((ctx) => resetUserTotp(ctx, input));
      return {};
    },
  }),
];
