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
import { codeKey } from '../../storage/users.repo.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { defineRoute } from '../route.js';
import { answerFloor, guardedLink, tokenOf } from '../emailed-link.js';
import { peerKey, throttle } from '../throttle.js';

/** Requests from one address, and links sent to one account, per hour. */
const REQUESTS_PER_ADDRESS = 10;
const LINKS_PER_ACCOUNT = 3;
const HOUR_MS = 3_600_000;

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
      await answerFloor(started);
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: ALLOW_LIST_RESET_TOKEN_PATH,
    access: 'public',
    handler: async ({ request, services, limiter, base }) =>
      guardedLink(limiter, request, `allowreset-token:${base.actor.domainId}`, 'CB_IR01', () => openAllowListReset(services, base, tokenOf(request))),
  }),
  defineRoute({
    method: 'POST',
    url: ALLOW_LIST_RESET_TOKEN_PATH,
    access: 'public',
    input: allowListResetCompleteInput,
    handler: async ({ request, services, limiter, base }) => {
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      await guardedLink(limiter, request, `allowreset-token:${base.actor.domainId}`, 'CB_IR01', () => completeAllowListReset(services, base, tokenOf(request)));
      return {};
    },
  }),
];
