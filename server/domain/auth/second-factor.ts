// Whether a second factor guards an account. Kept apart from two-step.ts, which completes
// sign-ins, so that the password check (sign-in.ts) can ask it without a circular import.
import type { Queryable } from '../../storage/db.js';
import { hasConfirmedTotp } from '../../storage/totp.repo.js';
import type { User } from '../../storage/users.repo.js';
import { securityOf } from '../security/settings.js';

/** A second factor guards this account: the password alone must not let it in. */
export async function secondFactorInForce(db: Queryable, user: User): Promise<boolean> {
  const security = await securityOf(db, user.domainId);
  if (user.kind === 'guest') return security.guestTwoStep;
  return security.requireTotp || (await hasConfirmedTotp(db, user.domainId, user.id));
}
