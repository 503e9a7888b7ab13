// Access restrictions for regular users and API tokens (never guests, never anonymous visitors of
// public pages). Before anyone is identified, the request's facts are gathered once: is the client
// outside the domain's allow-list, did it pass the Basic gate, which certificate did it present.
// authenticate.ts then asks `accessCheck.enforce(actor)` for the identified actor, and — for a
// password header from outside that no gate lets through — checks the password for guests only,
// so that from outside nobody learns whether a user's password was right (A6).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../domain/app-error.js';
import { verifyPassword } from '../../domain/auth/passwords.js';
import { safeEqual, sha256 } from '../../domain/auth/secrets.js';
import { recordAudit } from '../../domain/audit/record-audit.js';
import { type Services, inTransaction } from '../../domain/context.js';
import { certificateOwner } from '../../domain/security/certificates.js';
import {
  type AccessFacts,
  type RestrictionReason,
  addressAllowed,
  decodeBasic,
  reasonFor,
  refusalFor,
} from '../../domain/security/restrictions.js';
import { type StoredSecurity, securityOf } from '../../domain/security/settings.js';
import { PUBLIC_PREFIX } from '../../../common/api/public-views.js';
import type { Limiter } from '../../infra/limiter.js';
import type { Actor } from '../../policy/actor.js';
import { presentedFingerprint } from '../client-certificate.js';
import { negotiateLocale } from '../locale.js';
import { clientIp, requestFacts } from '../request-facts.js';
import { peerKey } from '../throttle.js';
import { blockedPage, wantsPage } from './restrictions-page.js';

/** Wrong Basic gate passwords allowed per address per minute before 429. */
const BASIC_FAILURES_PER_MINUTE = 20;
/** access.blocked rows per domain per minute; one per address and reason per minute. */
const BLOCKED_AUDITS_PER_MINUTE = 30;
const SIGN_IN_PATH = '/api/session';

export interface AccessCheck {
  /** Nothing lets a regular user in from here: a password header is checked for guests only. */
  readonly guestsOnly: boolean;
  /** Throws the refusal (audited) when this actor may not make requests from here. */
  enforce(actor: Actor): Promise<void>;
  /** The refusal for a request from here (audited), for `who` when known. */
  refusal(who?: Actor): Promise<AppError>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for requests from outside the allow-list of a domain that has one; null otherwise. */
    accessCheck: AccessCheck | null;
    accessRefused: boolean;
  }
}

export function registerRestrictions(app: FastifyInstance, services: Services, limiter: Limiter): void {
  // Verified Basic credentials, keyed by the header and the gate's stored hash (a new gate
  // password invalidates them), so argon2 does not run on every request from outside.
  const basicPassed = new LRUCache<string, true>({ max: 5_000, ttl: 5 * 60_000 });

  app.decorateRequest('accessCheck', null);
  app.decorateRequest('accessRefused', false);

  app.addHook('onRequest', async (request) => {
    // Public-view visitors are anonymous by construction (plugins/public-pages.ts strips every
    // credential under /public/), so no restriction could apply: skip the settings read.
    if (!request.domain || request.url.startsWith(PUBLIC_PREFIX)) return;
    const settings = await securityOf(services.db, request.domain.id);
    if (!settings.ipRestriction.enabled || addressAllowed(clientIp(request) ?? undefined, settings.ipRestriction.allow)) return;
    request.locale = negotiateLocale(request.headers['accept-language'], services.config.defaultLocale);
    const facts: AccessFacts = {
      outside: true,
      basicPassed: settings.basicGate.enabled && (await basicGatePassed(request, settings)),
      certificateUserId: settings.secureAccess.enabled ? await certificateUser(request) : null,
    };
    request.accessCheck = {
      guestsOnly: !facts.basicPassed && facts.certificateUserId === null,
      enforce: async (actor) => {
        if (actor.kind !== 'user' && actor.kind !== 'apiToken') return;
        const reason = refusalFor(settings, facts, actor.kind === 'user' ? { kind: 'user', userId: actor.userId } : { kind: 'apiToken' });
        if (reason) throw await refuse(request, reason, actor);
      },
      refusal: (who) => refuse(request, reasonFor(settings), who),
    };
  });

  // A user's sign-in from outside is refused before the password is looked at: the answer says
  // only "not from here". The guest sign-in page stays open (guests are never restricted).
  app.addHook('preValidation', async (request) => {
    const check = request.accessCheck;
    if (!check?.guestsOnly || request.method !== 'POST' || request.routeOptions.url !== SIGN_IN_PATH) return;
    const body = (request.body ?? {}) as { guest?: unknown; guestSpaceId?: unknown };
    if (body.guest === true || (body.guestSpaceId !== undefined && body.guestSpaceId !== null)) return;
    throw await check.refusal();
  });

  // A browser opening a page gets a page, not JSON.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.accessRefused || !wantsPage(request) || typeof payload !== 'string') return payload;
    reply.type('text/html; charset=utf-8');
    return blockedPage(payload, request.locale);
  });

  async function basicGatePassed(request: FastifyRequest, settings: StoredSecurity): Promise<boolean> {
    const header = request.headers.authorization;
    const sent = decodeBasic(header);
    const hash = settings.basicGatePasswordHash;
    if (!sent || !hash) return false;
    const key = sha256(`${request.domain!.id}\0${hash}\0${settings.basicGate.user}\0${header}`);
    if (basicPassed.has(key)) return true;
    const failures = `basicfail:${request.domain!.id}:${peerKey(request)}`;
    const budget = await limiter.peek(failures, BASIC_FAILURES_PER_MINUTE);
    if (!budget.allowed) {
      throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(budget.retryAfterMs / 1000))) } });
    }
    // The password is verified even when the user is wrong: the time says nothing about which.
    const passwordOk = await verifyPassword(hash, sent.password);
    if (passwordOk && safeEqual(sent.user, settings.basicGate.user)) {
      basicPassed.set(key, true);
      return true;
    }
    await limiter.hit(failures, BASIC_FAILURES_PER_MINUTE, 60_000);
    return false;
  }

  async function certificateUser(request: FastifyRequest): Promise<number | null> {
    const fingerprint = presentedFingerprint(request, services.config);
    return fingerprint ? certificateOwner(services.db, request.domain!.id, fingerprint, services.clock()) : null;
  }

  async function refuse(request: FastifyRequest, reason: RestrictionReason, who?: Actor): Promise<AppError> {
    request.accessRefused = true;
    await auditBlocked(request, reason, who).catch((err: unknown) => request.log.error({ err }, 'access.blocked audit failed'));
    if (reason === 'basic') return new AppError('CB_BA01', { headers: { 'www-authenticate': 'Basic realm="Engawa", charset="UTF-8"' } });
    return new AppError(reason === 'certificate' ? 'CB_CE01' : 'CB_IP01');
  }

  /** One row per address and reason per minute, and a cap per domain: a flood cannot fill the log. */
  async function auditBlocked(request: FastifyRequest, reason: RestrictionReason, who?: Actor): Promise<void> {
    const domainId = request.domain!.id;
    if (!(await limiter.hit(`blocked:${domainId}:${peerKey(request)}:${reason}`, 1, 60_000)).allowed) return;
    if (!(await limiter.hit(`blocked:${domainId}`, BLOCKED_AUDITS_PER_MINUTE, 60_000)).allowed) return;
    const actor: Actor = who ?? { kind: 'anonymous', domainId };
    await inTransaction(services, { actor, locale: request.locale, request: requestFacts(request) }, (ctx) =>
      recordAudit(ctx, {
        action: 'access.blocked',
        result: 'failure',
        detail: { address: clientIp(request), reason, method: request.method, path: (request.url.split('?')[0] ?? '').slice(0, 200) },
      }),
    );
  }
}
