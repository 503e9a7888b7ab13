// Who is asking, and may they call this route. Credentials are taken exactly as kintone clients
// send them: X-Cybozu-Authorization on every request, or the session cookie of the web app.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../domain/app-error.js';
import type { Services } from '../../domain/context.js';
import { sha256 } from '../../domain/auth/secrets.js';
import { findSession } from '../../domain/auth/sessions.js';
import { actorFor, checkPassword, completeSignIn } from '../../domain/auth/sign-in.js';
import { secondFactorInForce, totpSetupRequired } from '../../domain/auth/two-step.js';
import { TOTP_SETUP_ROUTES } from '../../../common/api/two-step.js';
import { isPasswordExpired } from '../../domain/auth/password-policy.js';
import type { Limiter } from '../../infra/limiter.js';
import { MAX_TOKENS_PER_REQUEST } from '../../../common/api/api-tokens.js';
import { EVENTS_PATH } from '../../../common/api/events.js';
import { tokenHash } from '../../domain/apps/api-tokens.js';
import { type Actor, type TokenRights, can } from '../../policy/index.js';
import { findLiveTokens } from '../../storage/api-tokens.repo.js';
import { findUserWithHash } from '../../storage/users.repo.js';
import { sessionCookie } from '../cookies.js';
import { negotiateLocale } from '../locale.js';
import { requestFacts } from '../request-facts.js';
import { peerKey } from '../throttle.js';
import { isMobileAppClient } from '../mobile-client.js';
import { asGuestLogin } from '../../domain/security/restrictions.js';

/** Requests the person did not make themselves: they leave the session's idle time running (A17). */
const NOT_ACTIVITY = new Set([`GET ${EVENTS_PATH}`]);

/** What a session opened with an expired password may do: say so, change it, or sign out. */
const WITH_EXPIRED_PASSWORD = new Set(['GET /api/session', 'DELETE /api/session', 'PUT /v1/me/password.json']);

/** Failed password headers allowed per address per minute before 429 (successes never count). */
const HEADER_FAILURES_PER_MINUTE = 20;

interface CachedCredential {
  userId: number;
  /** The stored hash the header was verified against: any password change invalidates it. */
  passwordHash: string;
}

export function registerAuthentication(app: FastifyInstance, services: Services, limiter: Limiter): void {
  const cookie = sessionCookie(services.config);
  // X-Cybozu-Authorization arrives on every API call; re-running argon2 each time would cap a
  // server at a few dozen requests a second. A verified header is remembered briefly, keyed by
  // its hash, and re-checked against the user row (suspension, lockout, password change) on
  // every request, so revocation is immediate on every instance.
  const verified = new LRUCache<string, CachedCredential>({ max: 5_000, ttl: 5 * 60_000 });

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  // Errors raised before the locale is negotiated (421, a bad override) still follow the install.
  app.decorateRequest('locale', services.config.defaultLocale);

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language'], services.config.defaultLocale);
    if (!request.domain) return;
    if (request.routeOptions.config?.guestPath) request.guestSpaceId = guestSpaceParam(request);
    const actor = await identify(request);
    request.actor = actor;
    if (actor.kind === 'user' || actor.kind === 'guest') request.locale = actor.locale;
    // Regular users and API tokens from outside the domain's allow-list (plugins/restrictions.ts).
    await request.accessCheck?.enforce(actor);
    // Guests work in a browser only, which must serve them well on a phone (features A3).
    if (actor.kind === 'guest' && isMobileAppClient(request.headers)) throw new AppError('CB_MB01');
    authorize(request, actor);
  });

  async function identify(request: FastifyRequest): Promise<Actor> {
    const domainId = request.domain!.id;
    const header = request.headers['x-cybozu-authorization'];
    if (typeof header === 'string') return passwordHeader(request, domainId, header);
    const tokens = request.headers['x-cybozu-api-token'];
    if (tokens !== undefined) return apiTokens(domainId, Array.isArray(tokens) ? tokens.join(',') : tokens);
    const token = request.cookies[cookie.name];
    if (token) {
      const route = `${request.method} ${request.routeOptions.url}`;
      const session = await findSession(services.db, domainId, token, services.clock(), services.config.session.idleMs, !NOT_ACTIVITY.has(route));
      if (session) {
        if (session.state === 'pending' && !WITH_EXPIRED_PASSWORD.has(route)) throw new AppError('CB_PE01');
        // Required TOTP not set up yet: the session may enrol and nothing else (two-step.ts).
        if (session.user.kind === 'user' && !TOTP_SETUP_ROUTES.has(route) && (await totpSetupRequired(services.db, session.user))) {
          throw new AppError('CB_TS04');
        }
        request.csrfToken = session.csrfToken;
        return actorFor(session.user, 'session', session.idHash);
      }
    }
    return { kind: 'anonymous', domainId };
  }

  async function passwordHeader(request: FastifyRequest, domainId: string, header: string): Promise<Actor> {
    // The path takes part: on a guest space's path an e-mail address means the guest.
    const key = sha256(`${domainId}\0${request.guestSpaceId !== undefined}\0${header}`);
    const cached = verified.get(key);
    if (cached) {
      const found = await findUserWithHash(services.db, domainId, cached.userId);
      const now = services.clock();
      const user = found?.user;
      if (
        user &&
        user.valid &&
        !(user.lockedUntil && user.lockedUntil > now) &&
        found.passwordHash === cached.passwordHash &&
        // A second factor switched on since: the full check below refuses the header at once.
        !(await secondFactorInForce(services.db, user))
      ) {
        if (await isPasswordExpired(services.db, user, now)) throw new AppError('CB_PE01');
        return actorFor(user, 'password-header');
      }
      verified.delete(key);
    }
    // Per /64 for IPv6: one host holds billions of addresses and would otherwise rotate (A3).
    const ipKey = `pwfail:${domainId}:${peerKey(request)}`;
    const budget = await limiter.peek(ipKey, HEADER_FAILURES_PER_MINUTE);
    if (!budget.allowed) {
      throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.ceil(budget.retryAfterMs / 1000)) } });
    }
    const decoded = decodeCredentials(header);
    // From outside the allow-list with no gate passed only a guest may get in: the header is
    // checked as a guest's, and any failure answers as the restriction, so nobody learns there
    // whether a user's password was right.
    const guestsOnly = request.accessCheck?.guestsOnly === true;
    try {
      if (!decoded) throw new AppError('CB_WA01');
      const signInBase = { actor: { kind: 'anonymous' as const, domainId }, locale: request.locale, request: requestFacts(request) };
      const input = { ...decoded, ...(guestsOnly ? { login: asGuestLogin(decoded.login) } : {}), method: 'password-header' as const, audience: { guests: true, preferGuest: request.guestSpaceId !== undefined } };
      // An account under a second factor gets CB_TS03 here, before its password is looked at (A7).
      const checked = await checkPassword(services, signInBase, input);
      const user = await completeSignIn(services, signInBase, checked, input);
      const stored = await findUserWithHash(services.db, domainId, user.id);
      if (stored) verified.set(key, { userId: user.id, passwordHash: stored.passwordHash });
      // The password was right, so saying it expired tells nothing its holder does not know.
      if (await isPasswordExpired(services.db, user, services.clock())) throw new AppError('CB_PE01');
      return actorFor(user, 'password-header');
    } catch (err) {
      if (err instanceof AppError && err.code === 'CB_TS03') await limiter.hit(ipKey, HEADER_FAILURES_PER_MINUTE, 60_000);
      if (err instanceof AppError && err.code === 'CB_WA01') {
        await limiter.hit(ipKey, HEADER_FAILURES_PER_MINUTE, 60_000);
        if (guestsOnly) throw await request.accessCheck!.refusal();
      }
      throw err;
    }
  }

  /**
   * X-Cybozu-API-Token: one token, or several (comma-separated or repeated) for the apps a
   * lookup or related-records field reads. Checked against the database on every request, so a
   * deleted token stops working at once on every instance (probe R15).
   */
  async function apiTokens(domainId: string, header: string): Promise<Actor> {
    const sent = header.split(',').map((t) => t.trim()).filter(Boolean);
    if (sent.length === 0) throw new AppError('GAIA_IA02');
    if (sent.length > MAX_TOKENS_PER_REQUEST) {
      throw AppError.invalid({ 'X-Cybozu-API-Token': [{ key: 'tooMany', params: { n: MAX_TOKENS_PER_REQUEST } }] });
    }
    const hashes = [...new Set(sent.map(tokenHash))];
    const found = await findLiveTokens(services.db, domainId, hashes);
    if (found.length !== hashes.length) throw new AppError('GAIA_IA02');
    const apps = new Map<number, TokenRights>();
    for (const t of found) {
      if (apps.has(t.appId)) throw new AppError('GAIA_DA03');
      apps.set(t.appId, t.liveRights!);
    }
    return { kind: 'apiToken', domainId, tokenIds: found.map((t) => t.id), apps };
  }

  function authorize(request: FastifyRequest, actor: Actor): void {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    if (actor.kind === 'anonymous') throw new AppError('CB_AU01');
    // A valid token on an API tokens cannot run: kintone's GAIA_NO01, not a user's CB_NO02.
    const refusal = actor.kind === 'apiToken' ? 'GAIA_NO01' : 'CB_NO02';
    if (access === 'signedIn') {
      if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError(refusal);
      return;
    }
    if (!can(actor, access)) throw new AppError(refusal);
  }
}

/** `{id}` of `/k/guest/{id}/v1/…`; a malformed one becomes an id no space has (CB_NO02 later). */
function guestSpaceParam(request: FastifyRequest): number {
  const raw = (request.params as { guestSpaceId?: unknown }).guestSpaceId;
  return typeof raw === 'string' && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : -1;
}

function decodeCredentials(header: string): { login: string; password: string } | null {
  if (header.length > 4096 || !/^[A-Za-z0-9+/]+=*$/.test(header.trim())) return null;
  const text = Buffer.from(header.trim(), 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  return { login: text.slice(0, colon), password: text.slice(colon + 1) };
}
