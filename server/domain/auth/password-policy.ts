// The domain's password policy, applied wherever a password is set: administrators creating or
// changing users and guests, one's own change, a reset by e-mail, registration by invitation.
// One function answers every problem at once, each naming its rule in the caller's language.
// Expiry is a sign-in matter (isPasswordExpired): the password still works, but only to change it.
import { PASSWORD_EXPIRY_WARNING_DAYS } from '../../../common/api/sessions.js';
import type { Queryable } from '../../storage/db.js';
import { toDb } from '../../storage/dialect.js';
import type { User } from '../../storage/users.repo.js';
import type { FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { securityOf } from '../security/settings.js';
import { MAX_PASSWORD_BYTES, verifyPassword } from './passwords.js';

/** The most earlier passwords the reuse rule can ask about (the settings' upper bound). */
export const HISTORY_KEPT = 24;

const DAY_MS = 86_400_000;

// A symbol is anything else but a space: punctuation, and letters of scripts without case.
const KINDS: RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Lt}\p{Nd}\s]/u];

/** How many of the four kinds (lower case, upper case, digits, symbols) a password mixes. */
export function kindsIn(password: string): number {
  return KINDS.filter((re) => re.test(password)).length;
}

export interface NewPassword {
  password: string;
  /** The login the account signs in with: a user's login name, a guest's e-mail address. */
  login: string;
  /** The account's e-mail address, whose local part is refused as well. */
  email?: string;
  /** An existing account: its current and earlier passwords count for the reuse rule. */
  userId?: number;
}

/**
 * Every rule the new password breaks, empty when it may be used. The length is the domain's
 * minimum or the install's PASSWORD_MIN_LENGTH, whichever is longer: the operator's floor holds
 * whatever an administrator chooses.
 */
export async function checkNewPassword(ctx: Ctx, input: NewPassword): Promise<FieldProblem[]> {
  const { passwordPolicy: policy } = await securityOf(ctx.db, ctx.actor.domainId);
  const { password } = input;
  const problems: FieldProblem[] = [];
  const minLength = Math.max(policy.minLength, ctx.config.passwordMinLength);
  if ([...password].length < minLength) problems.push({ key: 'passwordPolicy', params: { n: minLength } });
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) problems.push({ key: 'tooLong', params: { n: MAX_PASSWORD_BYTES + 1 } });
  if (policy.requiredKinds > 0 && kindsIn(password) < policy.requiredKinds) {
    problems.push({ key: 'passwordKinds', params: { n: policy.requiredKinds } });
  }
  const lower = password.toLowerCase();
  const emailLocal = (input.email ?? (input.login.includes('@') ? input.login : '')).split('@')[0] ?? '';
  if (input.login && lower === input.login.toLowerCase()) problems.push({ key: 'passwordIsLogin' });
  else if (emailLocal && lower === emailLocal.toLowerCase()) problems.push({ key: 'passwordIsEmail' });
  if (problems.length === 0 && input.userId !== undefined && policy.reuseCount > 0) {
    if (await usedBefore(ctx.db, ctx.actor.domainId, input.userId, password, policy.reuseCount)) {
      problems.push({ key: 'passwordReused', params: { n: policy.reuseCount } });
    }
  }
  return problems;
}

/** The current password and the `count - 1` before it. */
async function usedBefore(db: Queryable, domainId: string, userId: number, password: string, count: number): Promise<boolean> {
  const current = await db.selectFrom('users').select('passwordHash').where('domainId', '=', domainId).where('id', '=', userId).executeTakeFirst();
  const earlier =
    count > 1
      ? await db
          .selectFrom('passwordHistory')
          .select('passwordHash')
          .where('domainId', '=', domainId)
          .where('userId', '=', userId)
          .orderBy('changedAt', 'desc')
          .limit(count - 1)
          .execute()
      : [];
  const hashes = [current?.passwordHash, ...earlier.map((r) => r.passwordHash)].filter((h): h is string => Boolean(h));
  for (const hash of hashes) if (await verifyPassword(hash, password)) return true;
  return false;
}

/**
 * Call before a password is replaced: the one being replaced joins the account's history (the
 * reuse rule's memory), and history beyond what any policy can ask about is dropped.
 */
export async function rememberPassword(ctx: Ctx, userIds: number[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  if (userIds.length === 0) return;
  await ctx.db
    .insertInto('passwordHistory')
    .columns(['domainId', 'userId', 'passwordHash', 'changedAt'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select((s) => [s.val(domainId).as('domainId'), 'id as userId', 'passwordHash', s.val(toDb.time(ctx.now)).as('changedAt')])
        .where('domainId', '=', domainId)
        .where('id', 'in', userIds),
    )
    .execute();
  for (const userId of userIds) {
    const keep = await ctx.db
      .selectFrom('passwordHistory')
      .select('changedAt')
      .where('domainId', '=', domainId)
      .where('userId', '=', userId)
      .orderBy('changedAt', 'desc')
      .offset(HISTORY_KEPT - 1)
      .limit(1)
      .executeTakeFirst();
    if (keep) {
      await ctx.db
        .deleteFrom('passwordHistory')
        .where('domainId', '=', domainId)
        .where('userId', '=', userId)
        .where('changedAt', '<', keep.changedAt)
        .execute();
    }
  }
}

/**
 * The password is older than the domain's expiry (users and guests alike). It still proves who
 * signs in, but the session it opens can only change it, and the password header is refused.
 */
export async function isPasswordExpired(db: Queryable, user: User, now: Date): Promise<boolean> {
  const expiresAt = await passwordExpiry(db, user);
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

/** When the password expires under the domain's policy; null when the policy has no expiry. */
async function passwordExpiry(db: Queryable, user: User): Promise<Date | null> {
  const { passwordPolicy } = await securityOf(db, user.domainId);
  if (passwordPolicy.expiryDays <= 0) return null;
  return new Date(user.passwordChangedAt.getTime() + passwordPolicy.expiryDays * DAY_MS);
}

/**
 * When the password expires, if that is soon — within PASSWORD_EXPIRY_WARNING_DAYS, as kintone
 * warns — and not yet past (an expired one is a pending session's matter); null otherwise.
 */
export async function passwordExpiresSoon(db: Queryable, user: User, now: Date): Promise<Date | null> {
  const expiresAt = await passwordExpiry(db, user);
  if (!expiresAt) return null;
  const left = expiresAt.getTime() - now.getTime();
  return left > 0 && left <= PASSWORD_EXPIRY_WARNING_DAYS * DAY_MS ? expiresAt : null;
}

