import type { Action } from '../../common/access.js';
import type { Locale } from '../../common/access.js';
import type { DomainRef } from '../domain/domains/resolve-domain.js';
import type { Actor } from '../policy/actor.js';

/**
 * Who may call a route. Every route declares one; the server refuses to start otherwise.
 * - `public`: anyone, signed in or not (health, sign-in, first-run setup)
 * - `signedIn`: any signed-in user or guest
 * - an Action: the actor's role must allow it (policy/can)
 */
export type Access = 'public' | 'signedIn' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    domain: DomainRef | null;
    actor: Actor | null;
    locale: Locale;
    /** Set when the session cookie authenticated this request: its CSRF token. */
    csrfToken: string | null;
    /**
     * A cookie-authenticated multipart request whose request token can only arrive in the form,
     * after the file: the route must call checkDeferredToken before keeping anything.
     */
    csrfDeferred: boolean;
    /** The guest space of a `/k/guest/{id}/v1/…` path; undefined on every other path. */
    guestSpaceId?: number;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Health checks answer before a domain is chosen. */
    tenantless?: boolean;
    /** The route reads a multipart body itself; no other route accepts one. */
    multipart?: boolean;
    /** Registered under `/k/guest/:guestSpaceId/v1/…`. */
    guestPath?: boolean;
  }
}
