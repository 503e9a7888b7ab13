// The second step of a sign-in whose password was right: a challenge the browser answers with an
// e-mailed code (guests under two-step verification) or a TOTP / recovery code (users with TOTP).
// A challenge lives 10 minutes, takes 5 codes at most, is spent by the right one, and a new one
// voids the account's older ones (A10, A11). The e-mailed code is kept as a hash bound to the
// challenge's secret, which only the browser holds.
import { randomInt } from 'node:crypto';
import { newSecret } from '../../../common/ids.js';
import { CHALLENGE_ATTEMPTS, CHALLENGE_TTL_MS, type SecondFactorKind } from '../../../common/api/two-step.js';
import { enqueueMail } from '../../mail/queue.js';
import {
  emailChallengeTimes,
  findChallenge,
  insertChallenge,
  pruneChallenges,
  takeAttempt,
  useChallenge,
  voidChallenges,
} from '../../storage/challenges.repo.js';
import { advanceStep, findTotp, spendRecoveryCode } from '../../storage/totp.repo.js';
import { type User, findUserById } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { type BaseCtx, type Services, inTransaction } from '../context.js';
import { safeEqual, sha256 } from './secrets.js';
import { completeSignIn, recordSignInFailure } from './sign-in.js';
import { matchingStep, normaliseRecoveryCode, recoveryCodeHash } from './totp.js';
import type { Challenge } from '../../storage/challenges.repo.js';

/** E-mailed codes: at most one a minute and five an hour per account (A11). */
const SEND_SPACING_MS = 60_000;
const SENDS_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
/** Old challenges are pruned at the next one; the send budget needs the last hour only. */
const KEEP_MS = 24 * HOUR_MS;

export type Factor = 'email' | 'totp' | 'recovery';

function codeHash(challenge: string, code: string): string {
  return sha256(`sign-in-code\0${challenge}\0${code}`);
}

function tooSoon(retryAfterMs: number): AppError {
  return new AppError('CB_TM01', { headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } });
}

/** Refuses a new e-mailed code within a minute of the last, or past five in an hour. */
async function checkSendBudget(services: Services, user: User, now: Date): Promise<void> {
  const sent = await emailChallengeTimes(services.db, user.domainId, user.id, new Date(now.getTime() - HOUR_MS));
  const last = sent.at(-1);
  if (last && now.getTime() - last.getTime() < SEND_SPACING_MS) throw tooSoon(last.getTime() + SEND_SPACING_MS - now.getTime());
  if (sent.length >= SENDS_PER_HOUR) throw tooSoon(sent[sent.length - SENDS_PER_HOUR]!.getTime() + HOUR_MS - now.getTime());
}

/** Opens a challenge for an account whose password was just proven; returns its secret. */
export async function startChallenge(services: Services, base: BaseCtx, user: User, kind: SecondFactorKind): Promise<string> {
  if (kind === 'email') await checkSendBudget(services, user, services.clock());
  const challenge = newSecret();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await inTransaction(services, base, async (ctx) => {
    await pruneChallenges(ctx.db, user.domainId, user.id, new Date(ctx.now.getTime() - KEEP_MS));
    await voidChallenges(ctx.db, user.domainId, user.id, ctx.now);
    await insertChallenge(ctx.db, {
      idHash: sha256(challenge),
      domainId: user.domainId,
      userId: user.id,
      kind,
      codeHash: kind === 'email' ? codeHash(challenge, code) : null,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + CHALLENGE_TTL_MS),
    });
    if (kind === 'email') {
      const domain = await ctx.db.selectFrom('domains').select('name').where('id', '=', user.domainId).executeTakeFirstOrThrow();
      await enqueueMail(ctx, {
        to: user.email,
        locale: user.locale,
        template: 'sign-in-code',
        params: { code, minutes: CHALLENGE_TTL_MS / 60_000, domainName: domain.name },
      });
    }
  });
  return challenge;
}

function live(c: Challenge | null, now: Date): c is Challenge {
  return c !== null && c.usedAt === null && c.expiresAt.getTime() > now.getTime() && c.attempts < CHALLENGE_ATTEMPTS;
}

/** Which factor `code` proves for this challenge, spending what it uses (a TOTP step, a recovery code). */
async function proves(services: Services, challenge: Challenge, secret: string, code: string, now: Date): Promise<Factor | null> {
  const trimmed = code.trim();
  if (challenge.kind === 'email') {
    return challenge.codeHash !== null && safeEqual(codeHash(secret, trimmed), challenge.codeHash) ? 'email' : null;
  }
  const totp = await findTotp(services.db, challenge.domainId, challenge.userId);
  if (!totp?.confirmedAt) return null;
  const step = matchingStep(totp.secret, trimmed, now);
  if (step !== null) return (await advanceStep(services.db, challenge.domainId, challenge.userId, step)) ? 'totp' : null;
  const recovery = normaliseRecoveryCode(trimmed);
  if (recovery === null) return null;
  return (await spendRecoveryCode(services.db, challenge.domainId, challenge.userId, recoveryCodeHash(recovery))) ? 'recovery' : null;
}

/**
 * Answers a challenge. The right code completes the sign-in (the caller then starts the session);
 * a wrong one costs an attempt — and for a regular user counts toward lockout like a wrong
 * password (A1) — and the fifth kills the challenge: a new sign-in sends a new code.
 */
export async function verifyChallenge(services: Services, base: BaseCtx, input: { challenge: string; code: string }): Promise<User> {
  const domainId = base.actor.domainId;
  const idHash = sha256(input.challenge);
  const now = services.clock();
  const challenge = await findChallenge(services.db, domainId, idHash);
  if (!live(challenge, now)) throw new AppError('CB_TS02');
  const user = await findUserById(services.db, domainId, challenge.userId);
  if (!user || !user.valid || (user.lockedUntil && user.lockedUntil > now)) {
    await useChallenge(services.db, domainId, idHash, now);
    throw new AppError('CB_TS02');
  }
  if (!(await takeAttempt(services.db, domainId, idHash, CHALLENGE_ATTEMPTS))) throw new AppError('CB_TS02');
  const factor = await proves(services, challenge, input.challenge, input.code, now);
  if (!factor) {
    await recordSignInFailure(services, base, user, user.code, 'session', 'wrong-code');
    const after = await findChallenge(services.db, domainId, idHash);
    throw new AppError(live(after, now) ? 'CB_TS01' : 'CB_TS02');
  }
  if (!(await useChallenge(services.db, domainId, idHash, now))) throw new AppError('CB_TS02');
  return completeSignIn(services, base, user, { method: 'session', secondFactor: factor });
}
