// TOTP two-factor authentication for regular users (features C; probes A1, A7, A10, A12, A18):
// enrolment with a QR code and recovery codes, sign-in with codes an authenticator app would
// show (otpauth, on the server's injected clock), no code accepted twice, recovery codes once
// each, turning it off, an administrator's reset, and guests kept out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { type Harness, type Persona, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';
const STEP = 30_000;

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

  const code = (secret: string, steps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: h.clock.now().getTime() + steps * STEP });

  function expectCode(res: LightMyRequestResponse, status: number, errorCode: string): void {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(errorCode);
  }

  function browserOf(res: LightMyRequestResponse): Browser {
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: res.cookies.find((c) => c.name === COOKIE)!.value, csrf: res.json().csrfToken };
  }

  const signIn = (d: TestDomain, p: Persona, extra: Record<string, unknown> = {}) =>
    d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: p.code, password: p.password, ...extra } });

  const verify = (d: TestDomain, challenge: string, c: string) =>
    d.request({ method: 'POST', url: '/api/session/verify', headers: XHR, payload: { challenge, code: c } });

  const call = (d: TestDomain, b: Browser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    d.request({ method, url, cookies: { [COOKIE]: b.cookie }, headers: { ...XHR, 'x-request-token': b.csrf }, ...(payload ? { payload } : {}) });

  /** Turns TOTP on for `p` through its own browser session; returns the secret and recovery codes. */
  async function enrol(d: TestDomain, p: Persona): Promise<{ secret: string; recoveryCodes: string[] }> {
    const b = browserOf(await signIn(d, p));
    const started = await call(d, b, 'POST', '/v1/me/totp.json', { password: p.password });
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json();
    const confirmed = await call(d, b, 'POST', '/v1/me/totp/confirm.json', { code: code(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    h.clock.advance(STEP); // the enrolment's step is spent
    return { secret, recoveryCodes: confirmed.json().recoveryCodes };
  }

  async function challengeFor(d: TestDomain, p: Persona): Promise<string> {
    const res = await signIn(d, p);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.cookies.find((c) => c.name === COOKIE)).toBeUndefined();
    expect(res.json().twoStep.kind).toBe('totp');
    return res.json().twoStep.challenge;
  }

  describe('enrolment', () => {
    it('gives a secret, an otpauth URL and a QR code, is confirmed by a first code, and hands out ten recovery codes once', async () => {
      const d = await newDomain(h);
      const b = browserOf(await signIn(d, d.member));
      expectCode(await call(d, b, 'POST', '/v1/me/totp.json', {}), 400, 'CB_VA01');
      const wrongPassword = await call(d, b, 'POST', '/v1/me/totp.json', { password: 'not it' });
      expectCode(wrongPassword, 400, 'CB_VA01');
      expect(Object.keys(wrongPassword.json().errors)).toEqual(['password']);
      expectCode(await call(d, b, 'POST', '/v1/me/totp/confirm.json', { code: '123456' }), 400, 'CB_VA01');

      const started = await call(d, b, 'POST', '/v1/me/totp.json', { password: d.member.password });
      expect(started.statusCode, started.body).toBe(200);
      const { secret, otpauthUrl, qrSvg } = started.json();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Test:member\?/);
      expect(otpauthUrl).toContain(`secret=${secret}`);
      expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      // Not in force before confirmation: the sign-in asks nothing.
      expect((await signIn(d, d.member)).json().twoStep).toBeUndefined();

      const wrong = await call(d, b, 'POST', '/v1/me/totp/confirm.json', { code: code(secret, 5) });
      expectCode(wrong, 400, 'CB_VA01');
      const confirmed = await call(d, b, 'POST', '/v1/me/totp/confirm.json', { code: code(secret) });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const { recoveryCodes } = confirmed.json();
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      for (const r of recoveryCodes) expect(r).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      const stored = await h.services.db.selectFrom('userTotp').select('recoveryCodes').where('domainId', '=', d.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(stored.recoveryCodes)).not.toContain(recoveryCodes[0].replace(/-/g, ''));

      // The confirming session got a new id (A12); the old one is dead.
      const next = browserOf(confirmed);
      expect(next.cookie).not.toBe(b.cookie);
      expectCode(await call(d, b, 'GET', '/api/session'), 401, 'CB_AU01');
      const status = await call(d, next, 'GET', '/v1/me/totp.json');
      expect(status.json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
      expectCode(await call(d, next, 'POST', '/v1/me/totp.json', { password: d.member.password }), 409, 'CB_TS06');
      const audit = await h.services.db.selectFrom('auditLog').select('action').where('domainId', '=', d.id).where('action', 'like', 'user.totp.%').execute();
      expect(audit.map((a) => a.action)).toEqual(['user.totp.enable']);
    });

    it('is not for guests (403 CB_NO02), nor for API tokens', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const b = browserOf(await signIn(d, g, { guest: true }));
      expectCode(await call(d, b, 'POST', '/v1/me/totp.json', { password: g.password }), 403, 'CB_NO02');
      expectCode(await call(d, b, 'POST', '/v1/me/totp/confirm.json', { code: '123456' }), 403, 'CB_NO02');
      expectCode(await call(d, b, 'GET', '/v1/me/totp.json'), 403, 'CB_NO02');
      expectCode(await d.request({ method: 'POST', url: '/v1/me/totp.json', as: g, payload: { password: g.password } }), 403, 'CB_NO02');
    });
  });

  describe('sign-in with TOTP (A10)', () => {
    it('asks for a code instead of opening a session, takes the app’s code once, and never the same step twice', async () => {
      const d = await newDomain(h);
      const { secret } = await enrol(d, d.member);
      const challenge = await challengeFor(d, d.member);
      const now = code(secret);
      const res = await verify(d, challenge, now);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user.code).toBe('member');
      const b = browserOf(res);
      expect((await call(d, b, 'GET', '/v1/users.json')).statusCode).toBe(403); // signed in (a member)

      // The same code again, on a new sign-in within its step: refused.
      const replay = await challengeFor(d, d.member);
      expectCode(await verify(d, replay, now), 401, 'CB_TS01');
      // Nor the step before it, still inside the ±1 window.
      expectCode(await verify(d, replay, code(secret, -1)), 401, 'CB_TS01');
      // The next step's code (clock skew) works.
      expect((await verify(d, replay, code(secret, 1))).statusCode).toBe(200);
      // Two steps away is outside the window.
      const far = await challengeFor(d, d.member);
      h.clock.advance(3 * STEP);
      expectCode(await verify(d, far, code(secret, 3)), 401, 'CB_TS01');
      expectCode(await verify(d, far, code(secret, -2)), 401, 'CB_TS01');
      expect((await verify(d, far, code(secret))).statusCode).toBe(200);
    });

    it('accepts each recovery code once', async () => {
      const d = await newDomain(h);
      const { recoveryCodes } = await enrol(d, d.member);
      const first = await challengeFor(d, d.member);
      const typed = recoveryCodes[0]!.toUpperCase().replace(/-/g, ' ');
      expect((await verify(d, first, typed)).statusCode).toBe(200);
      const second = await challengeFor(d, d.member);
      expectCode(await verify(d, second, recoveryCodes[0]!), 401, 'CB_TS01');
      const res = await verify(d, second, recoveryCodes[1]!);
      expect(res.statusCode).toBe(200);
      const status = await call(d, browserOf(res), 'GET', '/v1/me/totp.json');
      expect(status.json().recoveryCodesLeft).toBe(8);
    });

    it('counts wrong codes toward the user’s lockout like wrong passwords (A1)', async () => {
      const d = await newDomain(h);
      const { secret } = await enrol(d, d.member);
      // LOCKOUT_THRESHOLD is 10: two challenges of five wrong codes each.
      for (let round = 0; round < 2; round++) {
        const challenge = await challengeFor(d, d.member);
        for (let i = 0; i < 5; i++) await verify(d, challenge, '99999'.concat(String(i)));
      }
      expectCode(await signIn(d, d.member), 401, 'CB_WA01');
      h.clock.advance(31 * 60_000);
      const challenge = await challengeFor(d, d.member);
      expect((await verify(d, challenge, code(secret))).statusCode).toBe(200);
    });
  });

  describe('X-Cybozu-Authorization (A7)', () => {
    it('is refused for a user with TOTP, at once after enrolment, with the same answer for a wrong password', async () => {
      const d = await newDomain(h);
      const me = () => d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member });
      expect((await me()).statusCode).toBe(200); // remembered as verified
      await enrol(d, d.member);
      const right = await me();
      const wrong = await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('member', 'wrong') } });
      expectCode(right, 401, 'CB_TS03');
      expectCode(wrong, 401, 'CB_TS03');
      expect(wrong.json().message).toBe(right.json().message);
    });
  });

  describe('turning it off', () => {
    it('takes the password, and an administrator can reset it (audited, sessions end)', async () => {
      const d = await newDomain(h);
      const { secret } = await enrol(d, d.member);
      expectCode(await verify(d, await challengeFor(d, d.member), ''), 400, 'CB_VA01');
      const b = browserOf(await verify(d, await challengeFor(d, d.member), code(secret)));
      expectCode(await call(d, b, 'DELETE', '/v1/me/totp.json', { password: 'wrong' }), 400, 'CB_VA01');
      expect((await call(d, b, 'DELETE', '/v1/me/totp.json', { password: d.member.password })).statusCode).toBe(200);
      expect((await signIn(d, d.member)).json().user.code).toBe('member');

      const again = await enrol(d, d.member);
      const session = browserOf(await verify(d, await challengeFor(d, d.member), code(again.secret)));
      const plain = await d.addUser('plain');
      expectCode(await d.request({ method: 'DELETE', url: '/v1/users/totp.json', as: plain, payload: { code: 'member' } }), 403, 'CB_NO02');
      expectCode(await d.request({ method: 'DELETE', url: '/v1/users/totp.json', as: d.admin, payload: { code: 'nobody' } }), 400, 'GAIA_US01');
      expect((await d.request({ method: 'DELETE', url: '/v1/users/totp.json', as: d.admin, payload: { code: 'member' } })).statusCode).toBe(200);
      expectCode(await call(d, session, 'GET', '/api/session'), 401, 'CB_AU01');
      expect((await signIn(d, d.member)).json().user.code).toBe('member');
      const audit = await h.services.db.selectFrom('auditLog').select('action').where('domainId', '=', d.id).where('action', 'like', 'user.totp.%').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['user.totp.disable', 'user.totp.enable', 'user.totp.enable', 'user.totp.reset']);
    });
  });
});
