// Browser sessions: one's own (`/v1/me/sessions.json`) and, for administrators, anyone's
// (`/v1/sessions.json`). A session is named by an opaque id, never by its cookie.
import { z } from 'zod';
import { boolParam, codeRef } from './params.js';

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
