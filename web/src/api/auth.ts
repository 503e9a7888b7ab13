// Typed calls for signing in and everything around it. Paths and inputs come from common/api,
// the schemas the server validates with; only a few small answers have no shared type yet, and
// are spelled out here as the routes return them.
import type { z } from 'zod';
import { INVITATION_ACCEPT_PATH, INVITATION_PATH, INVITATION_REGISTER_PATH } from '../../../common/api/invitations.js';
import type { InvitationPageJson, registerInput } from '../../../common/api/invitations.js';
import { MY_PASSWORD_PATH, MY_PROFILE_PATH } from '../../../common/api/guests.js';
import type { passwordChangeInput, profileChangeInput } from '../../../common/api/guests.js';
import { PASSWORD_RESET_PATH, PASSWORD_RESET_TOKEN_PATH } from '../../../common/api/passwords.js';
import type { PasswordResetInfo, passwordResetCompleteInput, passwordResetRequestInput } from '../../../common/api/passwords.js';
import { SESSION_PATH } from '../../../common/api/sessions.js';
import type { SignInInput, SignedInJson } from '../../../common/api/sessions.js';
import { SETUP_PATH } from '../../../common/api/setup.js';
import type { SetupInput, SetupStatusJson } from '../../../common/api/setup.js';
import { MY_TOTP_CONFIRM_PATH, MY_TOTP_PATH, SESSION_VERIFY_PATH } from '../../../common/api/two-step.js';
import type { TotpEnrolment, TwoStepAnswer, totpConfirmInput, verifyInput } from '../../../common/api/two-step.js';
import { ApiError, api, fillPath, setRequestToken } from './client';

/** Answers that hand out a new session keep its request token for the calls that follow. */
function keepToken<T extends { csrfToken?: string | null }>(answer: T): T {
  if (answer.csrfToken) setRequestToken(answer.csrfToken);
  return answer;
}

/** Who is signed in on this browser; null when nobody is (401 CB_AU01). */
export async function getSession(): Promise<SignedInJson | null> {
  try {
    return keepToken(await api<SignedInJson>('GET', SESSION_PATH));
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CB_AU01') {
      setRequestToken(null);
      return null;
    }
    throw err;
  }
}

export type SignInAnswer = SignedInJson | TwoStepAnswer;

export function isTwoStep(answer: SignInAnswer): answer is TwoStepAnswer {
  return 'twoStep' in answer;
}

export async function signIn(input: SignInInput): Promise<SignInAnswer> {
  const answer = await api<SignInAnswer>('POST', SESSION_PATH, { body: input });
  return isTwoStep(answer) ? answer : keepToken(answer);
}

export async function verifySignIn(input: z.input<typeof verifyInput>): Promise<SignedInJson> {
  return keepToken(await api<SignedInJson>('POST', SESSION_VERIFY_PATH, { body: input }));
}

export async function signOut(): Promise<void> {
  await api('DELETE', SESSION_PATH);
  setRequestToken(null);
}

/** PUT /v1/me/password.json: a new session (and token) when the old one could only do this. */
export async function changePassword(input: z.input<typeof passwordChangeInput>): Promise<void> {
  keepToken(await api<{ csrfToken?: string }>('PUT', MY_PASSWORD_PATH, { body: input }));
}

export async function updateProfile(input: z.input<typeof profileChangeInput>): Promise<void> {
  await api('PUT', MY_PROFILE_PATH, { body: input });
}

export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return api<TotpEnrolment>('POST', MY_TOTP_PATH, { body: {} });
}

/** The recovery codes, shown once; a browser session is replaced by a full one. */
export async function confirmTotpEnrolment(input: z.input<typeof totpConfirmInput>): Promise<{ recoveryCodes: string[] }> {
  return keepToken(await api<{ recoveryCodes: string[]; csrfToken?: string }>('POST', MY_TOTP_CONFIRM_PATH, { body: input }));
}

export async function requestPasswordReset(input: z.input<typeof passwordResetRequestInput>): Promise<void> {
  await api('POST', PASSWORD_RESET_PATH, { body: input });
}

export function openPasswordReset(token: string): Promise<PasswordResetInfo> {
  return api<PasswordResetInfo>('GET', fillPath(PASSWORD_RESET_TOKEN_PATH, { token }));
}

export async function completePasswordReset(token: string, input: z.input<typeof passwordResetCompleteInput>): Promise<void> {
  await api('POST', fillPath(PASSWORD_RESET_TOKEN_PATH, { token }), { body: input });
}

export function openInvitation(token: string): Promise<InvitationPageJson> {
  return api<InvitationPageJson>('GET', fillPath(INVITATION_PATH, { token }));
}

/** Creates the guest account and signs it in (the session cookie comes with the answer). */
export function registerInvitee(token: string, input: z.input<typeof registerInput>): Promise<{ space: string }> {
  return api<{ space: string }>('POST', fillPath(INVITATION_REGISTER_PATH, { token }), { body: input });
}

/** An existing guest joins; `signIn` when this browser has no session of that guest yet. */
export function acceptInvitation(token: string): Promise<{ space: string; signIn?: true }> {
  return api<{ space: string; signIn?: true }>('POST', fillPath(INVITATION_ACCEPT_PATH, { token }), { body: {} });
}

export function setupStatus(): Promise<SetupStatusJson> {
  return api<SetupStatusJson>('GET', SETUP_PATH);
}

export function completeSetup(input: SetupInput): Promise<{ id: string }> {
  return api<{ id: string }>('POST', SETUP_PATH, { body: input });
}
