// Sign-in and sign-out for the web app. kintone clients never call these: they send
// X-Cybozu-Authorization on each request instead.
import { AppError } from '../../domain/app-error.js';
import { recordAudit } from '../../domain/audit/record-audit.js';
import { endSession, startSession } from '../../domain/auth/sessions.js';
import { checkPassword, guestCode } from '../../domain/auth/sign-in.js';
import { continueSignIn, totpSetupRequired } from '../../domain/auth/two-step.js';
import { SESSION_PATH, signInInput } from '../../../common/api/sessions.js';
import { type User, findUserById } from '../../storage/users.repo.js';
import { sessionState } from '../../storage/sessions.repo.js';
import { isPasswordExpired, passwordExpiresSoon } from '../../domain/auth/password-policy.js';
import { sessionCookie } from '../cookies.js';
import { isSameOrigin } from '../plugins/csrf.js';
import { type RouteArgs, defineRoute } from '../route.js';
import { peerKey, throttle } from '../throttle.js';

export const sessionRoutes = [
  defineRoute({
    method: 'POST',
    url: SESSION_PATH,
    access: 'public',
    input: signInInput,
    handler: async ({ input, request, reply, services, limiter, base }) => {
      if (!isSameOrigin(request, services.config)) throw new AppError('CB_CS01');
      const domainId = base.actor.domainId;
      await throttle(limiter, `login:${domainId}:${peerKey(request)}`, services.config.loginRatePerMinute, 60_000);
      const asGuest = input.guest === true || input.guestSpaceId !== undefined;
      const checked = await checkPassword(services, base, {
        login: asGuest ? guestCode(input.login) : input.login,
        password: input.password,
        method: 'session',
        audience: { guests: asGuest, preferGuest: asGuest },
      });
      // A second factor in force answers {twoStep} and no session yet (POST /api/session/verify).
      const step = await continueSignIn(services, base, checked);
      if ('twoStep' in step) return step;
      return openSession({ request, reply, services, base }, step.user, step.totpSetupRequired);
    },
  }),
  defineRoute({
    method: 'GET',
    url: SESSION_PATH,
    access: 'signedIn',
    handler: async ({ request, services }) => {
      const actor = request.actor!;
      if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError('CB_AU01');
      const user = await findUserById(services.db, actor.domainId, actor.userId);
      if (!user) throw new AppError('CB_AU01');
      const pending = actor.sessionIdHash && (await sessionState(services.db, actor.domainId, actor.sessionIdHash)) === 'pending';
      const setup = await totpSetupRequired(services.db, user);
      const expiresAt = pending ? null : await passwordExpiresSoon(services.db, user, services.clock());
      return {
        user: sessionUser(user),
        csrfToken: request.csrfToken,
        ...(pending ? { passwordExpired: true } : {}),
        ...(setup ? { totpSetupRequired: true } : {}),
        ...(expiresAt ? { passwordExpiresAt: expiresAt.toISOString() } : {}),
      };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: SESSION_PATH,
    access: 'signedIn',
    handler: async ({ request, reply, services, command }) => {
      const actor = request.actor!;
      const cookie = sessionCookie(services.config);
      if ((actor.kind === 'user' || actor.kind === 'guest') && actor.sessionIdHash) {
        const idHash = actor.sessionIdHash;
        await command(async (ctx) => {
          await endSession(ctx, idHash);
          await recordAudit(ctx, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
        });
      }
      reply.clearCookie(cookie.name, cookie.options);
      return {};
    },
  }),
];

/**
 * The session of someone who proved every factor in force (also after POST /api/session/verify).
 * `totpSetupRequired`: the domain requires TOTP and the user has none yet; the session can only
 * enrol (two-step.ts).
 */
export async function openSession(
  { request, reply, services, base }: Pick<RouteArgs<unknown>, 'request' | 'reply' | 'services' | 'base'>,
  user: User,
  totpSetupRequired = false,
) {
  const cookie = sessionCookie(services.config);
  const previous = request.cookies[cookie.name];
  // An expired password still proves who this is, but the session can only change it.
  const now = services.clock();
  const expired = await isPasswordExpired(services.db, user, now);
  const expiresAt = expired ? null : await passwordExpiresSoon(services.db, user, now);
  const { token, csrfToken } = await startSession(services, base, user, previous, expired ? 'pending' : 'active');
  reply.setCookie(cookie.name, token, cookie.options);
  return {
    user: sessionUser(user),
    csrfToken,
    ...(expired ? { passwordExpired: true } : {}),
    ...(totpSetupRequired ? { totpSetupRequired: true } : {}),
    ...(expiresAt ? { passwordExpiresAt: expiresAt.toISOString() } : {}),
  };
}

export function sessionUser(u: { id: number; kind: 'user' | 'guest'; code: string; name: string; email: string; locale: string; timezone: string; isAdmin: boolean }) {
  return { id: String(u.id), kind: u.kind, code: u.code, name: u.name, email: u.email, locale: u.locale, timezone: u.timezone, isAdmin: u.isAdmin };
}
