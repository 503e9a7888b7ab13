// Password sign-in, used by the session login and by every request that carries
// X-Cybozu-Authorization. Regular users sign in with their login name, guests with their e-mail
// address (their account's code is `guest/<e-mail>`, which no user's login name may be). Every
// failure — unknown login, wrong password, locked, suspended, a guest where only users may sign
// in — gives the same answer after the same work (A4).
import { toDb } from '../../storage/dialect.js';
import { recordGuestFirstSignIn } from '../../storage/licences.repo.js';
import { type User, findUserByCode } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { type BaseCtx, type Ctx, type Services, inTransaction } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { secondFactorInForce } from './second-factor.js';
import type { GuestActor, UserActor } from '../../policy/actor.js';

export type SignInMethod = 'session' | 'password-header';

export type FailureReason =
  | 'unknown-login'
  | 'wrong-password'
  | 'locked'
  | 'suspended'
  | 'not-a-user'
  // a wrong e-mailed or TOTP code; a right password where a second factor is in force but cannot be asked
  | 'wrong-code'
  | 'second-factor-required';

/**
 * Who may sign in: regular users only, or guests too. `preferGuest` decides for an e-mail address
 * that is both a user's login name and a guest's: requests under a guest space's path mean the
 * guest.
 */
export interface SignInAudience {
  guests: boolean;
  preferGuest?: boolean;
}

/** The account code of the guest with this e-mail address. */
export function guestCode(email: string): string {
  return `guest/${email}`;
}

async function findAccount(services: Services, domainId: string, login: string, audience: SignInAudience) {
  if (!audience.guests || login.toLowerCase().startsWith('guest/')) return findUserByCode(services.db, domainId, login);
  const order = audience.preferGuest ? [guestCode(login), login] : [login, guestCode(login)];
  for (const code of order) {
    const found = await findUserByCode(services.db, domainId, code);
    if (found) return found;
  }
  return null;
}

export interface SignInInput {
  login: string;
  password: string;
  method: SignInMethod;
  audit?: boolean;
  audience?: SignInAudience;
}

/** Password, then (when none is in force) the completed sign-in: what X-Cybozu-Authorization and tests use. */
export async function signIn(services: Services, base: BaseCtx, input: SignInInput): Promise<User> {
  const user = await checkPassword(services, base, input);
  return completeSignIn(services, base, user, input);
}

/**
 * The first factor. Every failure is recorded and answered alike (CB_WA01); a success changes
 * nothing yet beyond refreshing the hash's parameters: the sign-in completes only once every
 * factor in force has passed (completeSignIn), so a right password alone neither resets the
 * failure count nor counts as a login.
 */
export async function checkPassword(services: Services, base: BaseCtx, input: SignInInput): Promise<User> {
  const domainId = base.actor.domainId;
  const login = input.login.slice(0, 256);
  const audience = input.audience ?? { guests: false };
  const found = await findAccount(services, domainId, login, audience);
  const now = services.clock();
  // X-Cybozu-Authorization would skip a second factor in force, so for such an account it is
  // refused before the password is looked at (A7, A8): the right and the wrong password get the
  // same answer, and each try counts like a wrong password (lockout for users, the slow-down for
  // guests), so the header is no way to test passwords that the sign-in page would rate-limit.
  if (input.method === 'password-header' && found && (found.user.kind === 'user' || audience.guests) && (await secondFactorInForce(services.db, found.user))) {
    const waiting = found.user.lockedUntil !== null && found.user.lockedUntil > now;
    await recordSignInFailure(services, base, found.user, login, input.method, waiting ? 'locked' : 'second-factor-required');
    throw new AppError('CB_TS03');
  }
  const passwordOk = await verifyPassword(found?.passwordHash ?? null, input.password);

  let reason: FailureReason | null = null;
  if (!found) reason = 'unknown-login';
  else if (found.user.kind !== 'user' && !audience.guests) reason = 'not-a-user';
  else if (found.user.lockedUntil && found.user.lockedUntil > now) reason = 'locked';
  else if (!passwordOk) reason = 'wrong-password';
  else if (!found.user.valid) reason = 'suspended';

  if (reason) {
    await recordSignInFailure(services, base, found?.user ?? null, login, input.method, reason);
    throw new AppError('CB_WA01');
  }
  const user = found!.user;
  if (needsRehash(found!.passwordHash)) {
    const rehash = await hashPassword(input.password);
    await services.db.updateTable('users').set({ passwordHash: rehash }).where('domainId', '=', domainId).where('id', '=', user.id).execute();
  }
  return user;
}

/** Every factor in force has passed: the failure count resets and the login is recorded. */
export async function completeSignIn(
  services: Services,
  base: BaseCtx,
  user: User,
  input: { method: SignInMethod; audit?: boolean; secondFactor?: 'email' | 'totp' | 'recovery' },
): Promise<User> {
  const domainId = user.domainId;
  const now = services.clock();
  await inTransaction(services, { ...base, actor: actorFor(user, input.method) }, async (ctx) => {
    await ctx.db
      .updateTable('users')
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: toDb.time(ctx.now) })
      .where('domainId', '=', domainId)
      .where('id', '=', user.id)
      .execute();
    // A guest's free trial starts at its first sign-in (the licences' rule), once per address.
    if (user.kind === 'guest') await recordGuestFirstSignIn(ctx.db, domainId, user, ctx.now);
    if (input.audit !== false) {
      const detail = { method: input.method, ...(input.secondFactor ? { secondFactor: input.secondFactor } : {}) };
      await recordAudit(ctx, { action: 'auth.login', targetType: 'user', targetId: user.id, detail });
    }
  });
  return { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: now };
}

const COUNTED = new Set<FailureReason>(['wrong-password', 'wrong-code', 'second-factor-required']);

/**
 * A failed step of a sign-in, audited. Wrong passwords, wrong second-factor codes and password
 * headers for an account under a second factor lock users out (A1, A7) and slow guests down (A2).
 */
export async function recordSignInFailure(
  services: Services,
  base: BaseCtx,
  user: User | null,
  login: string,
  method: SignInMethod,
  reason: FailureReason,
): Promise<void> {
  const { threshold, durationMs } = services.config.lockout;
  await inTransaction(services, base, async (ctx) => {
    // Only regular users lock out; guests are slowed down instead (they must never be locked out).
    if (user && user.kind === 'user' && COUNTED.has(reason)) {
      const row = await ctx.db
        .updateTable('users')
        .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
        .where('domainId', '=', user.domainId)
        .where('id', '=', user.id)
        .returning('failedLogins')
        .executeTakeFirstOrThrow();
      if (Number(row.failedLogins) >= threshold) {
        const until = new Date(ctx.now.getTime() + durationMs);
        await ctx.db
          .updateTable('users')
          .set({ failedLogins: 0, lockedUntil: toDb.time(until) })
          .where('domainId', '=', user.domainId)
          .where('id', '=', user.id)
          .execute();
        await recordAudit(ctx, {
          action: 'auth.lockout',
          targetType: 'user',
          targetId: user.id,
          result: 'failure',
          detail: { login: user.code, until: until.toISOString(), failures: threshold },
        });
      }
    }
    if (user && user.kind === 'guest' && (reason === 'wrong-password' || reason === 'second-factor-required')) await slowGuestDown(ctx, user);
    await recordAudit(ctx, {
      action: 'auth.login',
      targetType: user ? 'user' : undefined,
      targetId: user?.id,
      result: 'failure',
      detail: { login, method, reason },
    });
  });
}

/** From this many wrong passwords in a row, a guest account waits before the next try (A2). */
export const GUEST_DELAY_FROM = 5;
const GUEST_DELAY_FIRST_MS = 30_000;
const GUEST_DELAY_MAX_MS = 15 * 60_000;

/**
 * Guests are never locked out, but guessing at one account from many addresses is slowed down:
 * from the 5th wrong password in a row the account waits 30 s, doubling with each further one up
 * to 15 minutes; tries while it waits are answered like a wrong password and not counted. A right
 * password after the wait, or a password reset, starts the count again.
 */
async function slowGuestDown(ctx: Ctx, user: User): Promise<void> {
  const row = await ctx.db
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('domainId', '=', user.domainId)
    .where('id', '=', user.id)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  const failures = Number(row.failedLogins);
  if (failures < GUEST_DELAY_FROM) return;
  const wait = Math.min(GUEST_DELAY_MAX_MS, GUEST_DELAY_FIRST_MS * 2 ** (failures - GUEST_DELAY_FROM));
  await ctx.db
    .updateTable('users')
    .set({ lockedUntil: toDb.time(new Date(ctx.now.getTime() + wait)) })
    .where('domainId', '=', user.domainId)
    .where('id', '=', user.id)
    .execute();
}

export function actorFor(user: User, via: SignInMethod, sessionIdHash?: string): UserActor | GuestActor {
  if (user.kind === 'guest') {
    return {
      kind: 'guest',
      domainId: user.domainId,
      userId: user.id,
      code: user.code,
      name: user.name,
      locale: user.locale,
      via: via === 'session' ? 'session' : 'password',
      sessionIdHash,
    };
  }
  return {
    kind: 'user',
    domainId: user.domainId,
    userId: user.id,
    code: user.code,
    name: user.name,
    isAdmin: user.isAdmin,
    locale: user.locale,
    via: via === 'session' ? 'session' : 'password',
    sessionIdHash,
  };
}
