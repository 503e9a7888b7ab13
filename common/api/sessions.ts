// Browser sessions: signing in and out of the web app (`/api/session`), one's own sessions
// (`/v1/me/sessions.json`) and, for administrators, anyone's (`/v1/sessions.json`). A session
// is named by an opaque id, never by its cookie.
import { z } from 'zod';
import { boolParam, codeRef, numericId } from './params.js';

/** POST signs in, GET says who is signed in, DELETE signs out. */
export const SESSION_PATH = '/api/session';

export const signInInput = z.object({
  login: z.string().min(1).max(256),
  // No length cap: a password past the byte cap can never be right, so it is answered like any
  // wrong one after the same work (D9, A4). The request body limit bounds what is read.
  password: z.string().min(1),
  // The guest sign-in page: `login` is the guest's e-mail address, and only a guest account
  // answers to it there, so a user cannot dodge the user page's rules through it (A5).
  // `guestSpaceId` (the space whose login page it was) means the same.
  guest: z.boolean().optional(),
  guestSpaceId: numericId.optional(),
});
export type SignInInput = z.input<typeof signInInput>;

/** The person a session belongs to, as POST and GET /api/session answer. */
export interface SessionUserJson {
  id: string;
  kind: 'user' | 'guest';
  code: string;
  name: string;
  email: string;
  locale: string;
  timezone: string;
  isAdmin: boolean;
}

/**
 * A session: its request token (sent back as X-Request-Token), and what it must do before
 * anything else — change an expired password, or enrol TOTP the domain requires.
 */
export interface SignedInJson {
  user: SessionUserJson;
  csrfToken: string;
  passwordExpired?: true;
  totpSetupRequired?: true;
  /**
   * When the password expires, given only within PASSWORD_EXPIRY_WARNING_DAYS of it (the domain's
   * policy has an expiry): the app warns so it can be changed in time. ISO-8601 UTC.
   */
  passwordExpiresAt?: string;
}

/** kintone warns of a password's expiry from five days before it (features C). */
export const PASSWORD_EXPIRY_WARNING_DAYS = 5;

export const MY_SESSIONS_PATH = '/v1/me/sessions.json';
export const SESSIONS_PATH = '/v1/sessions.json';

const sessionId = z.string().trim().min(1).max(64);

/** Exactly one of them: one session by its id, or every session but the current one. */
export const endMySessionsInput = z.object({ id: sessionId.optional(), others: boolParam.optional() });
export type EndMySessionsInput = z.output<typeof endMySessionsInput>;

/** `code`: a user's login name, or a guest's account code `guest/<e-mail>`. */
export const listSessionsInput = z.object({ code: codeRef });

/** Without `id`, every session of the account ends. */
export const endSessionsInput = z.object({ code: codeRef, id: sessionId.optional() });

export interface SessionJson {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
  /** The session this request came with. */
  current: boolean;
  /** Signed in with an expired password: it can only change it. */
  passwordExpired: boolean;
}
