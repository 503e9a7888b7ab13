// Second factors: the e-mailed code of guests under two-step verification, and regular users'
// TOTP (authenticator app) with recovery codes. Paths, inputs and answers shared by the server,
// the web client and the HTTP tests.
import { z } from 'zod';

export const SESSION_VERIFY_PATH = '/api/session/verify';
export const MY_TOTP_PATH = '/v1/me/totp.json';
export const MY_TOTP_CONFIRM_PATH = '/v1/me/totp/confirm.json';
export const USERS_TOTP_PATH = '/v1/users/totp.json';

/** Wrong codes a challenge takes before it dies (a new sign-in starts a new one). */
export const CHALLENGE_ATTEMPTS = 5;
/** How long a challenge (and its e-mailed code) lives. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
/** Recovery codes handed out at enrolment, each usable once. */
export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorKind = 'email' | 'totp';

/** POST /api/session's answer when a second factor must follow: no session yet. */
export interface TwoStepAnswer {
  twoStep: { kind: SecondFactorKind; challenge: string };
}

export const verifyInput = z.object({
  challenge: z.string().min(1).max(100),
  /** Six digits (e-mailed or TOTP), or a recovery code (spaces and dashes ignored). */
  code: z.string().min(1).max(64),
});

export const totpStartInput = z.object({
  /** The current password (A18); not asked of a session that must enrol before anything else. */
  password: z.string().min(1).optional(),
});

export const totpConfirmInput = z.object({ code: z.string().min(1).max(16) });

export const totpDisableInput = z.object({ password: z.string().min(1) });

export const totpResetInput = z.object({ code: z.string().min(1).max(128) });

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code, an SVG document. */
  qrSvg: string;
}

export interface TotpStatus {
  enabled: boolean;
  /** The domain requires TOTP of every regular user. */
  required: boolean;
  recoveryCodesLeft: number;
}

/**
 * What a session of a user who must enrol first (requireTotp, no TOTP yet) may call: see, end or
 * replace the session (a new sign-in), change the password, and enrol. Keyed `METHOD routeUrl`.
 */
export const TOTP_SETUP_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/session',
  `POST ${SESSION_VERIFY_PATH}`,
  'GET /api/session',
  'DELETE /api/session',
  'PUT /v1/me/password.json',
  `GET ${MY_TOTP_PATH}`,
  `POST ${MY_TOTP_PATH}`,
  `POST ${MY_TOTP_CONFIRM_PATH}`,
]);
