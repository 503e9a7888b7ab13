// A browser session proves its holder again before it changes what lets anyone into the account
// or its data (probe A18): the current password in the body as `currentPassword`. A stolen cookie
// is not enough to mint an API token. Password headers and API tokens carry the credential on the
// request itself, so they are not asked. One's own password and TOTP check it in their commands.
import { AppError } from '../domain/app-error.js';
import { verifyPassword } from '../domain/auth/passwords.js';
import { recordSignInFailure } from '../domain/auth/sign-in.js';
import { findUserWithHash } from '../storage/users.repo.js';
import type { Actor, GuestActor, UserActor } from '../policy/actor.js';
import type { RouteArgs } from './route.js';
import { throttle } from './throttle.js';

/** A person signed in through the browser (a cookie), the only actor asked to prove themself again. */
export function isBrowserSession(actor: Actor): actor is UserActor | GuestActor {
  return (actor.kind === 'user' || actor.kind === 'guest') && actor.via === 'session';
}

export async function confirmBrowserSession(
  { actor, services, limiter, base }: Pick<RouteArgs<unknown>, 'actor' | 'services' | 'limiter' | 'base'>,
  currentPassword: string | undefined,
): Promise<void> {
  if (!isBrowserSession(actor)) return;
  // The same budget as one's own password change: a stolen session cannot guess at leisure.
  await throttle(limiter, `pwchange:${actor.domainId}:${actor.userId}`, services.config.loginRatePerMinute, 60_000);
  if (!currentPassword) throw AppError.invalid({ currentPassword: 'required' });
  const found = await findUserWithHash(services.db, actor.domainId, actor.userId);
  if (!found) throw new AppError('CB_AU01');
  if (!(await verifyPassword(found.passwordHash, currentPassword))) {
    // Counted like a wrong password at the sign-in page: toward the user's lockout (A1).
    await recordSignInFailure(services, base, found.user, found.user.code, 'session', 'wrong-password');
    throw AppError.invalid({ currentPassword: 'wrongPassword' });
  }
}
