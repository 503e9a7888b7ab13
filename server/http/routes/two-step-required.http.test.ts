// TOTP required by the domain (features C): a user without TOTP who signs in gets a session that
// may only enrol — every other API answers 401 CB_TS04 until the first code confirms — and the
// password header is refused for every regular user, since it would skip the factor. Sessions
// opened before the switch are held to the same. TOTP cannot be turned off while required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';

interface Browser {
  cookie: string;
  csrf: string;
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  function expectCode(res: LightMyRequestResponse, status: number, errorCode: string): void {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(errorCode);
  }

  function browserOf(res: LightMyRequestResponse): Browser {
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: res.cookies.find((c) => c.name === COOKIE)!.value, csrf: res.json().csrfToken };
  }

  const signIn = (d: TestDomain, login: string, password: string, extra: Record<string, unknown> = {}) =>
    d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password, ...extra } });

  const call = (d: TestDomain, b: Browser, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    d.request({ method, url, cookies: { [COOKIE]: b.cookie }, headers: { ...XHR, 'x-request-token': b.csrf }, ...(payload ? { payload } : {}) });

  async function requireTotp(d: TestDomain): Promise<void> {
    const res = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { requireTotp: true } });
    expect(res.statusCode, res.body).toBe(200);
  }

  describe('a user without TOTP', () => {
    it('signs in to a session that may only enrol, and is let through once the first code confirms', async () => {
      const d = await newDomain(h);
      const before = browserOf(await signIn(d, 'member', d.member.password));
      await requireTotp(d);
      // A session opened before the switch is held to it at once.
      expectCode(await call(d, before, 'GET', '/v1/me/profile.json'), 401, 'CB_TS04');

      const res = await signIn(d, 'member', d.member.password);
      expect(res.json()).toMatchObject({ user: { code: 'member' }, totpSetupRequired: true });
      const b = browserOf(res);
      for (const [method, url] of [['GET', '/v1/me/profile.json'], ['GET', '/k/v1/apps.json'], ['GET', '/v1/users.json']] as const) {
        const refused = await call(d, b, method, url);
        expectCode(refused, 401, 'CB_TS04');
        expect(refused.json().message).toBe('Set up two-factor authentication to continue.');
      }
      expect((await call(d, b, 'GET', '/api/session')).json()).toMatchObject({ totpSetupRequired: true });
      expect((await call(d, b, 'GET', '/v1/me/totp.json')).json()).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });

      // The password was given moments ago: enrolment does not ask it again.
      const started = await call(d, b, 'POST', '/v1/me/totp.json', {});
      expect(started.statusCode, started.body).toBe(200);
      const secret: string = started.json().secret;
      const c = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: h.clock.now().getTime() });
      const confirmed = await call(d, b, 'POST', '/v1/me/totp/confirm.json', { code: c });
      const next = browserOf(confirmed);
      expect(next.cookie).not.toBe(b.cookie);
      expect((await call(d, next, 'GET', '/v1/me/profile.json')).statusCode).toBe(200);
      expect((await call(d, next, 'GET', '/api/session')).json().totpSetupRequired).toBeUndefined();
      expect((await call(d, before, 'GET', '/v1/me/profile.json')).statusCode).toBe(200);

      // From now on the sign-in asks for the code, and it cannot be turned off.
      expect((await signIn(d, 'member', d.member.password)).json().twoStep.kind).toBe('totp');
      expectCode(await call(d, next, 'DELETE', '/v1/me/totp.json', { password: d.member.password }), 403, 'CB_TS05');
    });

    it('refuses the password header to every regular user, but not to guests, whom TOTP does not concern', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      await requireTotp(d);
      expectCode(await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member }), 401, 'CB_TS03');
      expectCode(await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.admin }), 401, 'CB_TS03');
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g })).statusCode).toBe(200);
      const guest = await signIn(d, g.code, g.password, { guest: true });
      expect(guest.json().totpSetupRequired).toBeUndefined();
      expect((await call(d, browserOf(guest), 'GET', '/v1/me/profile.json')).statusCode).toBe(200);
    });

    it('may still change its password, sign in again and sign out', async () => {
      const d = await newDomain(h);
      await requireTotp(d);
      const b = browserOf(await signIn(d, 'member', d.member.password));
      const changed = await call(d, b, 'PUT', '/v1/me/password.json', { currentPassword: d.member.password, newPassword: 'another horse battery 9' });
      expect(changed.statusCode, changed.body).toBe(200);
      // Signing in again replaces the session, still one that must enrol.
      const again = await call(d, b, 'POST', '/api/session', { login: 'member', password: 'another horse battery 9' });
      expect(again.json().totpSetupRequired).toBe(true);
      const next = browserOf(again);
      expectCode(await call(d, b, 'GET', '/api/session'), 401, 'CB_AU01');
      expect((await call(d, next, 'DELETE', '/api/session')).statusCode).toBe(200);
      expectCode(await call(d, next, 'GET', '/api/session'), 401, 'CB_AU01');
    });
  });
});
