// What follows a right password. A guest under the domain's two-step verification gets an
// e-mailed code to enter, a user with TOTP a code from their app; neither has a session until
// then. A user whom the domain requires to use TOTP but who has none signs in to a session that
// can only enrol (TOTP_SETUP_ROUTES) — decided on every request from the live settings, so it
// also holds sessions opened before the switch was turned on.
// Wherever a second factor is in force, X-Cybozu-Authorization cannot be used: it would skip it.
import type { TwoStepAnswer } from '../../../common/api/two-step.js';
import type { Queryable } from '../../storage/db.js';
import { hasConfirmedTotp } from '../../storage/totp.repo.js';
import type { User } from '../../storage/users.repo.js';
import type { BaseCtx, Services } from '../context.js';
import { securityOf } from '../security/settings.js';
import { startChallenge } from './login-challenge.js';
import { completeSignIn } from './sign-in.js';

export { secondFactorInForce } from './second-factor.js';

export type SignInStep = TwoStepAnswer | { user: User; totpSetupRequired: boolean };

/** The domain requires TOTP and this user has not enrolled yet: their session may only enrol. */
export async function totpSetupRequired(db: Queryable, user: User): Promise<boolean> {
  if (user.kind !== 'user') return false;
  const security = await securityOf(db, user.domainId);
  return security.requireTotp && !(await hasConfirmedTotp(db, user.domainId, user.id));
}

/** After the password: a challenge to answer, or the completed sign-in. */
export async function continueSignIn(services: Services, base: BaseCtx, user: User): Promise<SignInStep> {
  const security = await securityOf(services.db, user.domainId);
  if (user.kind === 'guest' && security.guestTwoStep) {
    return { twoStep: { kind: 'email', challenge: await startChallenge(services, base, user, 'email') } };
  }
  if (user.kind === 'user' && (await hasConfirmedTotp(services.db, user.domainId, user.id))) {
    return { twoStep: { kind: 'totp', challenge: await startChallenge(services, base, user, 'totp') } };
  }
  const done = await completeSignIn(services, base, user, { method: 'session' });
  return { user: done, totpSetupRequired: user.kind === 'user' && security.requireTotp };
}
