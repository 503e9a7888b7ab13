// The visitor's side of public views: anonymous by design (plugins/public-pages.ts strips every
// credential of the app under /public/), each request made a `publicViewer` actor of its view.
// Every request — list, detail, attachment, unlock — passes the same gates in the same order:
//   1. the visitor's address within its budget (per real peer: P12, P13), else "busy";
//   2. the token names a published, servable view with an active creator, else "not found";
//   3. the view and the domain within the plan's requests per minute, else "busy";
//   4. the view's IP allow-list (403), then its password (401).
// Budgets are counted in the shared limiter (Redis with REDIS_URL: K4) and refuse with 429 and
// Retry-After, a small page to a browser — the rest of the server is not touched by them. A busy
// answer of a known view also tells the domain's administrators, once a day (busy-notice.ts).
// `view.json` names the view's kind for the visitor's page, behind the same gates.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  PUBLIC_DATA_PATH,
  PUBLIC_FILE_PATH,
  PUBLIC_RECORD_PATH,
  PUBLIC_UNLOCK_PATH,
  unlockInput,
  visitorListInput,
} from '../../../common/api/public-views.js';
import { VIEW_PLAN_FEATURES } from '../../../common/licences/view-plans.js';
import { AppError } from '../../domain/app-error.js';
import { type Ctx, type Services, inTransaction, readContext } from '../../domain/context.js';
import { type OpenView, asVisitor, checkNetwork, checkUnlocked, findOpenView } from '../../domain/public-views/open-view.js';
import { COMPRESS_FROM_BYTES, encodedBody, etagOf, watchRecordChanges } from '../../domain/public-views/response-cache.js';
import { VISITOR_SESSION_MS, unlockView } from '../../domain/public-views/unlock-view.js';
import { visitorFile } from '../../domain/public-views/visitor-file.js';
import { visitorList } from '../../domain/public-views/visitor-list.js';
import { visitorRecord } from '../../domain/public-views/visitor-record.js';
import { visitorStart } from '../../domain/public-views/visitor-start.js';
import { noteBusyView } from '../../domain/public-views/busy-notice.js';
import { PUBLIC_VIEW_START_PATH } from '../../../common/api/public-view-start.js';
import type { Limiter } from '../../infra/limiter.js';
import { type VisitorAction, visitorOf } from '../../policy/public-views.js';
import { errorBody } from '../present/error-body.js';
import { sendDownload } from '../present/download.js';
import { visitorErrorPage } from '../present/public-page.js';
import { JsonText } from '../json-text.js';
import { clientIp, requestFacts } from '../request-facts.js';
import { defineRoute } from '../route.js';
import { checkSignedIn } from '../../domain/public-views/visitors/email-session.js';
import { searchValuesOf } from '../../../common/api/public-search-forms.js';
import { emailSessionCookieName, setViewCookie, visitorCookieName } from '../visitor-cookies.js';
import { peerKey } from '../throttle.js';
import { pickEncoding } from '../accept-encoding.js';

/** Requests one visitor address may make to a domain's public views per minute. */
export const VISITOR_REQUESTS_PER_MINUTE = 300;
/** Wrong passwords per view: per visitor address, and from everywhere together, per window. */
export const UNLOCK_FAILURES_PER_PEER = 10;
export const UNLOCK_FAILURES_PER_VIEW = 100;
export const UNLOCK_WINDOW_MS = 15 * 60_000;
const MINUTE = 60_000;

interface Visit {
  ctx: Ctx;
  open: OpenView;
}

async function budget(limiter: Limiter, key: string, limit: number): Promise<void> {
  const state = await limiter.hit(key, limit, MINUTE);
  if (!state.allowed) throw new AppError('CB_PV06', { headers: { 'retry-after': String(Math.max(1, Math.ceil(state.retryAfterMs / 1000))) } });
}

/** The view a request is visiting, once gate 2 has found it: a busy answer is reported for it. */
const visiting = new WeakMap<FastifyRequest, { services: Services; view: OpenView['view'] }>();

/** A busy answer (CB_PV06) of a known view: its administrators hear of it, once a day (busy-notice.ts). */
function reportBusy(request: FastifyRequest, err: unknown): void {
  const v = visiting.get(request);
  if (!v || !(err instanceof AppError) || err.code !== 'CB_PV06') return;
  noteBusyView(v.services, v.view).catch((e: unknown) => request.log.error({ err: e }, 'public-view busy notice failed'));
}

/** Gates 1–3: who may ask, and whether the token names a view they may open for `action`. */
export async function openFor(request: FastifyRequest, services: Services, limiter: Limiter, action: VisitorAction): Promise<Visit> {
  const recordsFollowed = watchRecordChanges(services.events);
  const domainId = request.domain!.id;
  await budget(limiter, `pv:peer:${domainId}:${peerKey(request)}`, VISITOR_REQUESTS_PER_MINUTE);
  const ctx = readContext(services, { actor: { kind: 'anonymous', domainId }, locale: request.locale, request: requestFacts(request) });
  const open = { ...(await findOpenView(ctx, (request.params as { token: string }).token, action)), recordsFollowed };
  visiting.set(request, { services, view: open.view });
  const perMinute = services.config.publicViewRequestsPerMinute ?? VIEW_PLAN_FEATURES[open.plan].requestsPerMinute;
  try {
    await budget(limiter, `pv:view:${domainId}:${open.view.id}`, perMinute);
    await budget(limiter, `pv:domain:${domainId}`, perMinute);
  } catch (err) {
    reportBusy(request, err);
    throw err;
  }
  checkNetwork(open.view, clientIp(request));
  return { ctx: asVisitor(ctx, open.view), open };
}

/** Gate 4 as well: the view's password, by this view's own cookie. */
export async function visit(request: FastifyRequest, services: Services, limiter: Limiter, action: VisitorAction): Promise<Visit> {
  const v = await openFor(request, services, limiter, action);
  await checkUnlocked(v.ctx, v.open.view, request.cookies?.[visitorCookieName(services.config)]);
  // Gate 5: e-mail sign-in, where the view has it (and every MyPage): the visitor's verified address.
  return { ...v, ctx: await checkSignedIn(v.ctx, v.open.view, request.cookies?.[emailSessionCookieName(services.config)]) };
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html') && !accept.includes('application/json');
}

/** Runs a visitor handler; a browser that asked for a page gets refusals as a page. */
export async function visitorAnswer<T>(request: FastifyRequest, reply: FastifyReply, fn: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (err) {
    // Also a busy answer from making it (response-cache.ts: too many answers being made at once).
    reportBusy(request, err);
    if (!(err instanceof AppError) || !wantsHtml(request)) throw err;
    const body = errorBody(err, request.locale);
    for (const [k, v] of Object.entries(err.options.headers ?? {})) reply.header(k, v);
    const retry = Number(err.options.headers?.['retry-after']) || undefined;
    return reply.code(err.status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(visitorErrorPage(body, err.status, request.locale, retry));
  }
}

/**
 * A visitor's JSON answer with its validator: a browser holding the same bytes gets 304 — after
 * every gate, like any request. Answers of views behind a password or a sign-in stay no-store.
 * A browser that takes brotli or gzip gets the answer compressed (once per answer: response-cache.ts).
 */
export function visitorJson(request: FastifyRequest, reply: FastifyReply, view: OpenView['view'], body: Buffer): JsonText | FastifyReply {
  const etag = etagOf(body);
  reply.header('etag', etag);
  if (view.passwordHash === null && view.emailAuth == null && view.kind !== 'myPage') reply.header('cache-control', 'private, no-cache');
  const asked = request.headers['if-none-match'];
  if (typeof asked === 'string' && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  if (body.length < COMPRESS_FROM_BYTES) return new JsonText([body]);
  reply.header('vary', 'accept-encoding');
  const encoding = pickEncoding(request.headers['accept-encoding'], { br: true, gzip: true });
  if (!encoding) return new JsonText([body]);
  return reply.header('content-encoding', encoding).type('application/json; charset=utf-8').send(encodedBody(body, encoding));
}

export const publicVisitRoutes = [
  defineRoute({
    method: 'GET',
    url: PUBLIC_VIEW_START_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visit(request, services, limiter, 'publicView.list');
        return visitorJson(request, reply, open.view, await visitorStart(ctx, open));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_DATA_PATH,
    access: 'public',
    input: visitorListInput,
    handler: async ({ input, request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visit(request, services, limiter, 'publicView.list');
        return visitorJson(request, reply, open.view, await visitorList(ctx, open, { ...input, form: searchValuesOf(request.query) }));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_RECORD_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visit(request, services, limiter, 'publicView.detail');
        return visitorJson(request, reply, open.view, await visitorRecord(ctx, open, (request.params as { id: string }).id));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_FILE_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visit(request, services, limiter, 'publicView.file');
        const params = request.params as { record: string; field: string; file: string };
        const query = request.query as { expires?: unknown; sig?: unknown };
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const file = await visitorFile(ctx, open, { ...params, expires: str(query.expires), sig: str(query.sig) });
        return sendDownload(reply, file, 'private, no-store');
      }),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_UNLOCK_PATH,
    access: 'public',
    input: unlockInput,
    handler: async ({ input, request, reply, services, limiter }) => {
      const { open } = await openFor(request, services, limiter, 'publicView.list');
      const domainId = open.view.domainId;
      const perPeer = `pv:unlock:${domainId}:${open.view.id}:${peerKey(request)}`;
      const perView = `pv:unlock:${domainId}:${open.view.id}`;
      const throttle = {
        allowed: async () => {
          const [a, b] = await Promise.all([limiter.peek(perPeer, UNLOCK_FAILURES_PER_PEER), limiter.peek(perView, UNLOCK_FAILURES_PER_VIEW)]);
          return { allowed: a.allowed && b.allowed, retryAfterMs: Math.max(a.allowed ? 0 : a.retryAfterMs, b.allowed ? 0 : b.retryAfterMs) };
        },
        failed: async () => {
          await limiter.hit(perPeer, UNLOCK_FAILURES_PER_PEER, UNLOCK_WINDOW_MS);
          await limiter.hit(perView, UNLOCK_FAILURES_PER_VIEW, UNLOCK_WINDOW_MS);
        },
      };
      const base = { actor: visitorOf(open.view), locale: request.locale, request: requestFacts(request) };
      const result = await inTransaction(services, base, (ctx) => unlockView(ctx, open.view, input.password, throttle));
      if (result.kind === 'wrong') throw new AppError('CB_PV08');
      if (result.kind === 'unlocked') {
        setViewCookie(reply, services.config, open.view, visitorCookieName(services.config), result.secret, open.token, VISITOR_SESSION_MS);
      }
      return {};
    },
  }),
];
