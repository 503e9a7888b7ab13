// A public-view visitor signs in by e-mail: asks for a code or a link (POST sign-in.json, the
// same answer after the same time whoever asks: P11), gives the code (sign-in/code.json) or uses
// the link in the browser that asked (sign-in/link.json), reads who they are (me.json) and signs
// out. Each passes gates 1–4 of public-visit.ts first (budget, view, network, password). Codes
// are guessed at most 5 times each and, per view and real peer, 30 times in 15 minutes.
import {
  EMAIL_SESSION_MAX_MS,
  PUBLIC_ME_PATH,
  PUBLIC_SIGN_IN_CODE_PATH,
  PUBLIC_SIGN_IN_LINK_PATH,
  PUBLIC_SIGN_IN_PATH,
  PUBLIC_SIGN_OUT_PATH,
  SIGN_IN_LINK_TTL_MS,
  SIGN_IN_SENDS_PER_HOUR,
  signInCodeInput,
  signInLinkInput,
  signInRequestInput,
} from '../../../common/api/public-visitors.js';
import { newSecret } from '../../../common/ids.js';
import { AppError } from '../../domain/app-error.js';
import { inTransaction } from '../../domain/context.js';
import { checkUnlocked, notFound } from '../../domain/public-views/open-view.js';
import { normalizeEmail } from '../../domain/public-views/visitors/email.js';
import { signOut, signedInVisitor } from '../../domain/public-views/visitors/email-session.js';
import { emailAuthOf, requestSignIn } from '../../domain/public-views/visitors/sign-in-request.js';
import { type SignInResult, verifyCode, verifyLink } from '../../domain/public-views/visitors/sign-in-verify.js';
import { visitorOf } from '../../policy/public-views.js';
import { answerFloor } from '../emailed-link.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { requestFacts } from '../request-facts.js';
import { defineRoute } from '../route.js';
import { peerKey } from '../throttle.js';
import { clearViewCookie, emailSessionCookieName, setViewCookie, signInBrowserCookieName, visitorCookieName } from '../visitor-cookies.js';
import { openFor } from './public-visit.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../domain/context.js';
import type { Limiter } from '../../infra/limiter.js';

const HOUR_MS = 3_600_000;
/** Codes and links one peer may ask a view for per hour (whatever the addresses). */
const SENDS_PER_PEER = 20;
/** Wrong codes or links per view and real peer, per window. */
const FAILURES_PER_PEER = 30;
const FAILURE_WINDOW_MS = 15 * 60_000;

/** Gates 1–4, and a view that has e-mail sign-in at all. */
async function signInVisit(request: FastifyRequest, services: Services, limiter: Limiter) {
  if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
  const v = await openFor(request, services, limiter, 'publicView.list');
  await checkUnlocked(v.ctx, v.open.view, request.cookies?.[visitorCookieName(services.config)]);
  if (!emailAuthOf(v.open.view)) throw notFound();
  return v;
}

function retryAfter(ms: number): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) };
}

async function proved(request: FastifyRequest, reply: FastifyReply, services: Services, limiter: Limiter, verify: (open: Awaited<ReturnType<typeof signInVisit>>['open']) => (ctx: Parameters<typeof verifyCode>[0]) => Promise<SignInResult>) {
  const { open } = await signInVisit(request, services, limiter);
  const failures = `pv:signin-fail:${open.view.domainId}:${open.view.id}:${peerKey(request)}`;
  const budget = await limiter.peek(failures, FAILURES_PER_PEER);
  if (!budget.allowed) throw new AppError('CB_PV33', { headers: retryAfter(budget.retryAfterMs) });
  const base = { actor: visitorOf(open.view), locale: request.locale, request: requestFacts(request) };
  const result = await inTransaction(services, base, verify(open));
  if (result.kind === 'wrong') {
    await limiter.hit(failures, FAILURES_PER_PEER, FAILURE_WINDOW_MS);
    throw new AppError('CB_PV32');
  }
  setViewCookie(reply, services.config, open.view, emailSessionCookieName(services.config), result.secret, open.token, EMAIL_SESSION_MAX_MS);
  return { email: result.email };
}

export const publicSignInRoutes = [
  defineRoute({
    method: 'POST',
    url: PUBLIC_SIGN_IN_PATH,
    access: 'public',
    input: signInRequestInput,
    handler: async ({ input, request, reply, services, limiter }) => {
      const started = performance.now();
      try {
        const { open } = await signInVisit(request, services, limiter);
        const { domainId, id } = open.view;
        const peer = await limiter.hit(`pv:signin-peer:${domainId}:${id}:${peerKey(request)}`, SENDS_PER_PEER, HOUR_MS);
        if (!peer.allowed) throw new AppError('CB_PV33', { headers: retryAfter(peer.retryAfterMs) });
        // Counted for every address, registered or not, so the budget tells nothing either.
        const email = normalizeEmail(input.email);
        const sends = email ? await limiter.hit(`pv:signin-addr:${domainId}:${id}:${email}`, SIGN_IN_SENDS_PER_HOUR, HOUR_MS) : { allowed: true };
        // The browser a link will work in: its cookie, set for every request alike.
        const cookie = signInBrowserCookieName(services.config);
        const existing = request.cookies?.[cookie];
        const browserSecret = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newSecret();
        setViewCookie(reply, services.config, open.view, cookie, browserSecret, open.token, SIGN_IN_LINK_TTL_MS);
        const base = { actor: visitorOf(open.view), locale: request.locale, request: requestFacts(request) };
        await inTransaction(services, base, (ctx) => requestSignIn(ctx, open, { email: input.email, method: input.method, browserSecret, withinBudget: sends.allowed }));
        return {};
      } finally {
        await answerFloor(started);
      }
    },
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_SIGN_IN_CODE_PATH,
    access: 'public',
    input: signInCodeInput,
    handler: async ({ input, request, reply, services, limiter }) => proved(request, reply, services, limiter, (open) => (ctx) => verifyCode(ctx, open, input)),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_SIGN_IN_LINK_PATH,
    access: 'public',
    input: signInLinkInput,
    handler: async ({ input, request, reply, services, limiter }) =>
      proved(request, reply, services, limiter, (open) => (ctx) =>
        verifyLink(ctx, open, { token: input.token, browserSecret: request.cookies?.[signInBrowserCookieName(services.config)] }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_ME_PATH,
    access: 'public',
    handler: async ({ request, services, limiter }) => {
      const { ctx, open } = await openFor(request, services, limiter, 'publicView.list');
      await checkUnlocked(ctx, open.view, request.cookies?.[visitorCookieName(services.config)]);
      if (!emailAuthOf(open.view)) throw notFound();
      const who = await signedInVisitor(ctx, open.view, request.cookies?.[emailSessionCookieName(services.config)]);
      if (!who) throw new AppError('CB_PV30');
      return { email: who.email, name: who.name };
    },
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_SIGN_OUT_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) => {
      const { open } = await signInVisit(request, services, limiter);
      const base = { actor: visitorOf(open.view), locale: request.locale, request: requestFacts(request) };
      await inTransaction(services, base, (ctx) => signOut(ctx, open.view, request.cookies?.[emailSessionCookieName(services.config)]));
      clearViewCookie(reply, services.config, open.view, emailSessionCookieName(services.config), open.token);
      return {};
    },
  }),
];
