// "Forgot your password?" for the web app: ask for a link, open it, choose a new password. The
// request answers `{}` after the same time whatever became of it, and is limited per address and
// per account; link guesses are limited per address (I1-like).
import { PASSWORD_RESET_PATH, PASSWORD_RESET_TOKEN_PATH, passwordResetCompleteInput, passwordResetRequestInput } from '../../../common/api/passwords.js';
import { AppError } from '../../domain/app-error.js';
import { completePasswordReset, openPasswordReset } from '../../domain/auth/password-reset-complete.js';
import { requestPasswordReset } from '../../domain/auth/password-reset.js';
import { codeKey } from '../../storage/users.repo.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { defineRoute } from '../route.js';
import { answerFloor, guardedLink, tokenOf } from '../emailed-link.js';
import { peerKey, throttle } from '../throttle.js';

/** Requests from one address, and links sent to one account, per hour. */
const REQUESTS_PER_ADDRESS = 10;
const LINKS_PER_ACCOUNT = 3;
const HOUR_MS = 3_600_000;

export const passwordResetRoutes = [
  defineRoute({
    method: 'POST',
    url: PASSWORD_RESET_PATH,
    access: 'public',
    input: passwordResetRequestInput,
    handler: async ({ input, request, services, limiter, base }) => {
      const started = performance.now();
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      const domainId = base.actor.domainId;
      await throttle(limiter, `pwreset:${domainId}:${peerKey(request)}`, REQUESTS_PER_ADDRESS, HOUR_MS);
      const guest = input.guest === true;
      // Counted for every login, existing or not, so the budget tells nothing either.
      const account = await limiter.hit(`pwreset-account:${domainId}:${guest}:${codeKey(input.login)}`, LINKS_PER_ACCOUNT, HOUR_MS);
      await requestPasswordReset(services, base, { login: input.login, guest, withinBudget: account.allowed });
      await answerFloor(started);
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: PASSWORD_RESET_TOKEN_PATH,
    access: 'public',
    handler: async ({ request, services, limiter, base }) =>
      guardedLink(limiter, request, `pwreset-token:${base.actor.domainId}`, 'CB_PR01', () => openPasswordReset(services, base, tokenOf(request))),
  }),
  defineRoute({
    method: 'POST',
    url: PASSWORD_RESET_TOKEN_PATH,
    access: 'public',
    input: passwordResetCompleteInput,
    handler: async ({ input, request, services, limiter, base }) => {
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      await guardedLink(limiter, request, `pwreset-token:${base.actor.domainId}`, 'CB_PR01', () => completePasswordReset(services, base, tokenOf(request), input.newPassword));
      return {};
    },
  }),
];
