// "Forgot your password?" for the web app: ask for a link, open it, choose a new password. The
// request answers `{}` after the same time whatever became of it, and is limited per address and
// per account; link guesses are limited per address (I1-like).
import { PASSWORD_RESET_PATH, PASSWORD_RESET_TOKEN_PATH, passwordResetCompleteInput, passwordResetRequestInput } from '../../../common/api/passwords.js';
import { AppError } from '../../domain/app-error.js';
import { completePasswordReset, openPasswordReset } from '../../domain/auth/password-reset-complete.js';
import { requestPasswordReset } from '../../domain/auth/password-reset.js';
import type { Limiter } from '../../infra/limiter.js';
import { codeKey } from '../../storage/users.repo.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { defineRoute } from '../route.js';
import { peerKey, throttle } from '../throttle.js';
import type { FastifyRequest } from 'fastify';

/** Requests from one address, and links sent to one account, per hour. */
const REQUESTS_PER_ADDRESS = 10;
const LINKS_PER_ACCOUNT = 3;
const HOUR_MS = 3_600_000;
/** Wrong links from one address per minute before 429. */
const TOKEN_FAILURES_PER_MINUTE = 20;
/** Every request answers no sooner than this, so the database work it did cannot be timed. */
const ANSWER_FLOOR_MS = 250;

function tokenOf(request: FastifyRequest): string {
  const token = (request.params as { token?: unknown }).token;
  return typeof token === 'string' ? token : '';
}

/** Counts wrong links per address; 429 once an address has guessed too often. */
async function guarded<T>(limiter: Limiter, request: FastifyRequest, domainId: string, fn: () => Promise<T>): Promise<T> {
  const key = `pwreset-token:${domainId}:${peerKey(request)}`;
  const budget = await limiter.peek(key, TOKEN_FAILURES_PER_MINUTE);
  if (!budget.allowed) {
    throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(budget.retryAfterMs / 1000))) } });
  }
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CB_PR01') await limiter.hit(key, TOKEN_FAILURES_PER_MINUTE, 60_000);
    throw err;
  }
}

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
      const wait = ANSWER_FLOOR_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: PASSWORD_RESET_TOKEN_PATH,
    access: 'public',
    handler: async ({ request, services, limiter, base }) =>
      guarded(limiter, request, base.actor.domainId, () => openPasswordReset(services, base, tokenOf(request))),
  }),
  defineRoute({
    method: 'POST',
    url: PASSWORD_RESET_TOKEN_PATH,
    access: 'public',
    input: passwordResetCompleteInput,
    handler: async ({ input, request, services, limiter, base }) => {
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      await guarded(limiter, request, base.actor.domainId, () => completePasswordReset(services, base, tokenOf(request), input.newPassword));
      return {};
    },
  }),
];
