// Self-service password reset (ours, for the web app's "Forgot your password?" pages). Anyone may
// ask; the answer never says whether the account exists. The link's token is the only key.
import { z } from 'zod';
import { boolParam } from './params.js';

export const PASSWORD_RESET_PATH = '/api/password-reset';
export const PASSWORD_RESET_TOKEN_PATH = '/api/password-reset/:token';

/** The link mailed to the account: `${BASE_URL}/password-reset/<token>`. */
export const PASSWORD_RESET_PAGE = '/password-reset/';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

export const passwordResetRequestInput = z.object({
  /** A user's login name, or (with guest) a guest's e-mail address. */
  login: z.string().trim().min(1).max(256),
  guest: boolParam.optional(),
});

/** The token comes from the path; the body carries the new password. */
export const passwordResetCompleteInput = z.object({
  // No cap here: the policy names a password past the byte cap (tooLong) like any other rule.
  newPassword: z.string().min(1),
});

/** What the reset page shows before the new password is chosen. */
export interface PasswordResetInfo {
  login: string;
  guest: boolean;
}
