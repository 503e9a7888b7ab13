// "Locked out by the IP allow-list?" for the sign-in page: an administrator asks for a link, opens
// it, and switches the restriction off. Public, so it answers from outside the allow-list — the
// point of it (plugins/restrictions.ts refuses identified users and API tokens only). The request
// answers `{}` after the same time whatever became of it, and is limited per address and per
// account; link guesses are limited per address.
import {
  ALLOW_LIST_RESET_PATH,
  ALLOW_LIST_RESET_TOKEN_PATH,
  allowListResetCompleteInput,
  allowListResetRequestInput,
} from '../../../common/api/allow-list-reset.js';
import { AppError } from '../../domain/app-error.js';
import { completeAllowListReset, openAllowListReset } from '../../domain/security/complete-allow-list-reset.js';
import { requestAllowListReset } from '../../domain/security/request-allow-list-reset.js';
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
  const key = `allowreset-token:${domainId}:${peerKey(request)}`;
  const budget = await limiter.peek(key, TOKEN_FAILURES_PER_MINUTE);
  if (!budget.allowed) {
    throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(budget.retryAfterMs / 1000))) } });
  }
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'CB_IR01') await limiter.hit(key, TOKEN_FAILURES_PER_MINUTE, 60_000);
    throw err;
  }
}

export const allowListResetRoutes = [
  defineRoute({
    method: 'POST',
    url: ALLOW_LIST_RESET_PATH,
    access: 'public',
    input: allowListResetRequestInput,
    handler: async ({ input, request, services, limiter, base }) => {
      const started = performance.now();
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      const domainId = base.actor.domainId;
      await throttle(limiter, `allowreset:${domainId}:${peerKey(request)}`, REQUESTS_PER_ADDRESS, HOUR_MS);
      // Counted for every login, existing or not, so the budget tells nothing either.
      const account = await limiter.hit(`allowreset-account:${domainId}:${codeKey(input.login)}`, LINKS_PER_ACCOUNT, HOUR_MS);
      await requestAllowListReset(services, base, { login: input.login, withinBudget: account.allowed });
      const wait = ANSWER_FLOOR_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: ALLOW_LIST_RESET_TOKEN_PATH,
    access: 'public',
    handler: async ({ request, services, limiter, base }) =>
      guarded(limiter, request, base.actor.domainId, () => openAllowListReset(services, base, tokenOf(request))),
  }),
  defineRoute({
    method: 'POST',
    url: ALLOW_LIST_RESET_TOKEN_PATH,
    access: 'public',
    input: allowListResetCompleteInput,
    handler: async ({ request, services, limiter, base }) => {
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      await guarded(limiter, request, base.actor.domainId, () => completeAllowListReset(services, base, tokenOf(request)));
      return {};
    },
  }),
];
