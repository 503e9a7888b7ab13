import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';

async function signIn(d: TestDomain, login = 'member', password = PASSWORD) {
  const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password } });
  const cookie = res.cookies.find((c) => c.name === COOKIE);
  return { res, cookie: cookie?.value ?? '', csrf: res.json().csrfToken as string };
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('browser sessions', () => {
    it('signs in, knows who is signed in, and signs out', async () => {
      const d = await newDomain(h);
      const { res, cookie, csrf } = await signIn(d);
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ code: 'member', isAdmin: false });
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const me = await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { code: 'member' }, csrfToken: csrf });

      const out = await d.request({ method: 'DELETE', url: '/api/session', cookies: { [COOKIE]: cookie }, headers: { ...XHR, 'x-request-token': csrf } });
      expect(out.statusCode).toBe(200);
      expect(out.cookies.find((c) => c.name === COOKIE)?.value).toBe('');
      const after = await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } });
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('CB_AU01');
    });

    it('accepts kintone’s __REQUEST_TOKEN__ in the query string for DELETE', async () => {
      const d = await newDomain(h);
      const { cookie, csrf } = await signIn(d);
      const out = await d.request({ method: 'DELETE', url: `/api/session?__REQUEST_TOKEN__=${csrf}`, cookies: { [COOKIE]: cookie }, headers: XHR });
      expect(out.statusCode).toBe(200);
    });

    it('ends a session after 24 idle hours, but not while it is used', async () => {
      const d = await newDomain(h);
      const { cookie } = await signIn(d);
      for (let i = 0; i < 3; i++) {
        h.clock.advance(20 * 3_600_000);
        expect((await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } })).statusCode).toBe(200);
      }
      h.clock.advance(24 * 3_600_000 + 1000);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } })).statusCode).toBe(401);
    });

    it('ends any session after the absolute cap of 7 days, however busy', async () => {
      const d = await newDomain(h);
      const { cookie } = await signIn(d);
      for (let i = 0; i < 7; i++) {
        h.clock.advance(23 * 3_600_000);
        await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } });
      }
      h.clock.advance(23 * 3_600_000);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } })).statusCode).toBe(401);
    });

    it('lets an administrator use the API with the session and its token', async () => {
      const d = await newDomain(h);
      const { cookie, csrf } = await signIn(d, 'admin');
      const res = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        cookies: { [COOKIE]: cookie },
        headers: XHR,
        payload: { __REQUEST_TOKEN__: csrf, users: [{ code: 'newbie', name: 'New', email: 'n@example.com', password: 'long enough password' }] },
      });
      expect(res.statusCode).toBe(200);
    });

    it('records sign-in, sign-out and failures in the audit log', async () => {
      const d = await newDomain(h);
      await signIn(d, 'member', 'wrong password');
      const { cookie, csrf } = await signIn(d);
      await d.request({ method: 'DELETE', url: '/api/session', cookies: { [COOKIE]: cookie }, headers: { ...XHR, 'x-request-token': csrf } });
      const rows = await h.services.db
        .selectFrom('auditLog')
        .select(['action', 'result', 'actorCode'])
        .where('domainId', '=', d.id)
        .where('action', 'like', 'auth.%')
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'auth.login', result: 'failure', actorCode: null },
          { action: 'auth.login', result: 'success', actorCode: 'member' },
          { action: 'auth.logout', result: 'success', actorCode: 'member' },
        ]),
      );
    });
  });
});
