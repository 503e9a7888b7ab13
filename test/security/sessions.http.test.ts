// Hostile probes on browser sessions (spec/security.md §3.6 A12, A17): a session id an attacker
// knows before sign-in is worthless after it, and a changed password or a suspension ends every
// session at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../support/app.js';
import { type BrowserSession, SESSION_COOKIE, XHR, expectErrorBody, setCookieLine, signInBrowser } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';

function whoAmI(d: TestDomain, s: Pick<BrowserSession, 'cookie'>) {
  return d.request({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } });
}

function changeUser(d: TestDomain, change: Record<string, unknown>) {
  return d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [change] } });
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('A12 sign-in always issues a new session id', () => {
    it('ignores a planted cookie value: the issued one differs and the planted one stays dead', async () => {
      const d = await newDomain(h);
      const planted = 'a'.repeat(43);
      const res = await d.request({
        method: 'POST',
        url: '/api/session',
        headers: { ...XHR, cookie: `${SESSION_COOKIE}=${planted}` },
        payload: { login: 'member', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const issued = setCookieLine(res)!.split(';')[0]!.split('=')[1];
      expect(issued).not.toBe(planted);
      expectErrorBody(await whoAmI(d, { cookie: `${SESSION_COOKIE}=${planted}` }), 401, 'CB_AU01');
      expect((await whoAmI(d, { cookie: `${SESSION_COOKIE}=${issued}` })).statusCode).toBe(200);
    });

    it('replaces a live session the browser still holds: the old id is dead after sign-in', async () => {
      const d = await newDomain(h);
      const old = await signInBrowser(d, d.member);
      const res = await d.request({
        method: 'POST',
        url: '/api/session',
        headers: { ...XHR, cookie: old.cookie, 'x-request-token': old.csrfToken },
        payload: { login: 'admin', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const issued = setCookieLine(res)!.split(';')[0]!.split('=')[1]!;
      expect(issued).not.toBe(old.token);
      expect(res.json().csrfToken).not.toBe(old.csrfToken);
      expectErrorBody(await whoAmI(d, old), 401, 'CB_AU01');
      const now = await whoAmI(d, { cookie: `${SESSION_COOKIE}=${issued}` });
      expect(now.json().user.code).toBe('admin');
    });
  });

  describe('A17 a password change or suspension ends the user’s sessions at once', () => {
    it('ends every session of a user whose password an administrator changes', async () => {
      const d = await newDomain(h);
      const laptop = await signInBrowser(d, d.member);
      const phone = await signInBrowser(d, d.member);
      const bystander = await signInBrowser(d, d.admin);
      expect((await changeUser(d, { code: 'member', password: 'a completely new one' })).statusCode).toBe(200);
      expectErrorBody(await whoAmI(d, laptop), 401, 'CB_AU01');
      expectErrorBody(await whoAmI(d, phone), 401, 'CB_AU01');
      expect((await whoAmI(d, bystander)).statusCode).toBe(200);
      expect((await signInBrowser(d, { code: 'member', password: 'a completely new one' })).token).not.toBe(laptop.token);
    });

    it('ends every session of a suspended user, and of a deleted one', async () => {
      const d = await newDomain(h);
      const s = await signInBrowser(d, d.member);
      const other = await d.addUser('other');
      const t = await signInBrowser(d, other);
      expect((await changeUser(d, { code: 'member', valid: false })).statusCode).toBe(200);
      expectErrorBody(await whoAmI(d, s), 401, 'CB_AU01');
      expect((await changeUser(d, { code: 'member', valid: true })).statusCode).toBe(200);
      expectErrorBody(await whoAmI(d, s), 401, 'CB_AU01');
      expect((await d.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=other', as: d.admin })).statusCode).toBe(200);
      expectErrorBody(await whoAmI(d, t), 401, 'CB_AU01');
    });

    it('keeps the session that changed its own password and ends the user’s others', async () => {
      const d = await newDomain(h);
      const here = await signInBrowser(d, d.admin);
      const elsewhere = await signInBrowser(d, d.admin);
      const res = await d.request({
        method: 'PUT',
        url: '/v1/users.json',
        headers: { cookie: here.cookie, ...XHR },
        payload: { users: [{ code: 'admin', password: 'my own new password' }], currentPassword: d.admin.password, __REQUEST_TOKEN__: here.csrfToken },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await whoAmI(d, here)).statusCode).toBe(200);
      expectErrorBody(await whoAmI(d, elsewhere), 401, 'CB_AU01');
    });
  });
});
