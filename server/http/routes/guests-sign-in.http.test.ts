// How guests sign in — a browser session on the guest page, or X-Cybozu-Authorization with their
// e-mail address — and how they are kept out: suspension (G14), the native mobile app, and a
// user and a guest that share an address staying two people (G17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function browserSignIn(d: TestDomain, payload: Record<string, unknown>) {
    const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload });
    const cookie = res.cookies.find((c) => c.name === COOKIE)?.value ?? '';
    return { res, cookies: { [COOKIE]: cookie }, csrf: res.json().csrfToken as string };
  }
  const setStatus = (d: TestDomain, code: string, valid: boolean) =>
    d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code, valid }] } });

  describe('guest sign-in', () => {
    it('signs a guest in on the guest page, knows it, and signs it out', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com', { name: 'Guest One' });
      const { res, cookies, csrf } = await browserSignIn(d, { login: 'Guest@Example.com', password: PASSWORD, guest: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user).toEqual({ id: String(g.id), kind: 'guest', code: 'guest/guest@example.com', name: 'Guest One', email: 'guest@example.com', locale: 'en', timezone: 'Asia/Tokyo', isAdmin: false });

      const me = await d.request({ method: 'GET', url: '/api/session', cookies });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { kind: 'guest', id: String(g.id) }, csrfToken: csrf });

      const out = await d.request({ method: 'DELETE', url: '/api/session', cookies, headers: { ...XHR, 'x-request-token': csrf } });
      expect(out.statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies })).json().code).toBe('CB_AU01');
      const audit = await h.services.db.selectFrom('auditLog').select(['action', 'actorKind']).where('domainId', '=', d.id).where('action', '=', 'auth.logout').execute();
      expect(audit).toEqual([{ action: 'auth.logout', actorKind: 'guest' }]);
    });

    it('takes guestSpaceId (the space whose login page it was) as the guest page too', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'guest@example.com');
      const { res } = await browserSignIn(d, { login: 'guest@example.com', password: PASSWORD, guestSpaceId: '12' });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.kind).toBe('guest');
    });

    it('keeps the pages apart: a guest on the user page and a user on the guest page fail like a wrong password', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'guest@example.com');
      const wrong = await browserSignIn(d, { login: 'member', password: 'wrong password' });
      expect(wrong.res.statusCode).toBe(401);
      const failures = [
        await browserSignIn(d, { login: 'guest@example.com', password: PASSWORD }),
        await browserSignIn(d, { login: 'guest/guest@example.com', password: PASSWORD }),
        await browserSignIn(d, { login: 'member', password: PASSWORD, guest: true }),
        await browserSignIn(d, { login: 'guest@example.com', password: 'wrong password', guest: true }),
      ];
      for (const f of failures) {
        expect(f.res.statusCode).toBe(401);
        const { id: _id, ...body } = f.res.json();
        const { id: _wid, ...wrongBody } = wrong.res.json();
        expect(body).toEqual(wrongBody);
        expect(body.code).toBe('CB_WA01');
      }
    });

    it('signs a guest in by X-Cybozu-Authorization with its e-mail address, on both paths', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const space = await seedSpace(h, d);
      await setSpaceGuests(d, space, [g]);
      const plain = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g });
      expect(plain.statusCode, plain.body).toBe(200);
      expect(plain.json()).toMatchObject({ kind: 'guest', email: 'guest@example.com' });
      const wrong = await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('guest@example.com', 'nope') } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('CB_WA01');
      // Under its own guest space's path the header is accepted (here reaching a refusal of its role).
      const guestPath = await d.request({ method: 'PUT', url: `/k/guest/${space}/v1/space/guests.json`, as: g, payload: { id: space, guests: [] } });
      expect(guestPath.statusCode).toBe(403);
      expect(guestPath.json().code).toBe('CB_NO02');
      // Guests never lock out (A2): after many wrong ones the account only waits (15 minutes at
      // most), then the right password works.
      for (let i = 0; i < 12; i++) await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('guest@example.com', `nope${i}`) } });
      h.clock.advance(15 * 60_000 + 1);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g })).statusCode).toBe(200);
    });

    it('refuses a guest in the native mobile app with CB_MB01, but not in a phone’s browser', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const app = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g, headers: { 'user-agent': 'Mozilla/5.0 (iPhone) KintoneMobile/24.1' } });
      expect(app.statusCode).toBe(403);
      expect(app.json()).toMatchObject({ code: 'CB_MB01', message: 'Guest users cannot use the mobile app. Open this site in a web browser instead.' });
      const header = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g, headers: { 'x-cybozu-mobile-app': '1' } });
      expect(header.json().code).toBe('CB_MB01');
      const { cookies } = await browserSignIn(d, { login: 'guest@example.com', password: PASSWORD, guest: true });
      const sessionApp = await d.request({ method: 'GET', url: '/api/session', cookies, headers: { 'user-agent': 'kintone mobile 3.0' } });
      expect(sessionApp.json().code).toBe('CB_MB01');

      const browser = await d.request({ method: 'GET', url: '/api/session', cookies, headers: { 'user-agent': IPHONE_SAFARI } });
      expect(browser.statusCode).toBe(200);
      // Users may use the app.
      const user = await d.request({ method: 'GET', url: '/api/session', as: d.member, headers: { 'user-agent': 'KintoneMobile/24.1' } });
      expect(user.statusCode).toBe(200);
    });
  });

  describe('suspension (G14)', () => {
    it('ends a suspended guest’s sessions at once and refuses it everywhere like a wrong password', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const space = await seedSpace(h, d);
      await setSpaceGuests(d, space, [g]);
      const { cookies } = await browserSignIn(d, { login: 'guest@example.com', password: PASSWORD, guest: true });
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g })).statusCode).toBe(200);

      h.clock.advance(1000);
      const res = await setStatus(d, 'GUEST@example.com', false);
      expect(res.statusCode, res.body).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies })).json().code).toBe('CB_AU01');
      const sessions = await h.services.db.selectFrom('sessions').select('userId').where('domainId', '=', d.id).where('userId', '=', g.id).execute();
      expect(sessions).toEqual([]);
      const wrong = await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('nobody@example.com', PASSWORD) } });
      for (const url of ['/v1/me/profile.json', `/k/guest/${space}/v1/space/guests.json`]) {
        const refused = await d.request({ method: url.endsWith('profile.json') ? 'GET' : 'PUT', url, as: g, payload: url.endsWith('profile.json') ? undefined : { id: space, guests: [] } });
        expect(refused.statusCode, url).toBe(401);
        expect(refused.json().message).toBe(wrong.json().message);
        expect(refused.json().code).toBe('CB_WA01');
      }
      const again = await browserSignIn(d, { login: 'guest@example.com', password: PASSWORD, guest: true });
      expect(again.res.statusCode).toBe(401);
      expect(again.res.json().code).toBe('CB_WA01');

      const listed = await d.request({ method: 'GET', url: '/v1/guests.json', as: d.admin });
      // A suspended guest needs no licence.
      expect(listed.json().guests[0]).toMatchObject({ valid: false, spaces: [{ id: String(space) }], licence: { state: 'notRequired' } });

      h.clock.advance(1000);
      expect((await setStatus(d, 'guest@example.com', true)).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g })).statusCode).toBe(200);
      const audit = await h.services.db.selectFrom('auditLog').select('action').where('domainId', '=', d.id).where('action', 'like', 'guest.%').orderBy('at').orderBy('id').execute();
      expect(audit.map((r) => r.action)).toEqual(['guest.create', 'guest.suspend', 'guest.reactivate']);
    });

    it('is for administrators, names unknown addresses, and lists guests page by page', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'a@example.com');
      await addGuest(d, 'b@example.com');
      await addGuest(d, 'c@example.com');
      for (const as of [d.member, g]) {
        expect((await d.request({ method: 'PUT', url: '/v1/guests/status.json', as, payload: { guests: [{ code: 'a@example.com', valid: false }] } })).json().code).toBe('CB_NO02');
        expect((await d.request({ method: 'GET', url: '/v1/guests.json', as })).json().code).toBe('CB_NO02');
      }
      const unknown = await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'a@example.com', valid: false }, { code: 'member', valid: false }] } });
      expect(unknown.statusCode).toBe(400);
      expect(Object.keys(unknown.json().errors)).toEqual(['guests[1].code']);
      expect((await d.request({ method: 'GET', url: '/api/session', as: g })).statusCode).toBe(200);

      const page = await d.request({ method: 'GET', url: '/v1/guests.json?offset=1&limit=1', as: d.admin });
      expect(page.json().guests.map((x: { email: string }) => x.email)).toEqual(['b@example.com']);
      const big = await d.request({ method: 'GET', url: '/v1/guests.json?limit=101', as: d.admin });
      expect(big.json().errors.limit.messages).toEqual(['The value must be 100 or less.']);
    });
  });

  describe('a user and a guest with one address (G17)', () => {
    it('stay two identities: each path, page and session means exactly one of them', async () => {
      const d = await newDomain(h);
      const user = await d.addUser('same@example.com', { password: 'user password 1' });
      const guest = await addGuest(d, 'same@example.com', { password: 'guest password 1' });
      expect(guest.id).not.toBe(user.id);
      const space = await seedSpace(h, d);
      await setSpaceGuests(d, space, [guest]);

      const asUser = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('same@example.com', 'user password 1') } });
      expect(asUser.json().user).toMatchObject({ kind: 'user', id: String(user.id), code: 'same@example.com' });
      // On the plain path the address is the user's login: the guest's password does not open it.
      const guestOnPlain = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('same@example.com', 'guest password 1') } });
      expect(guestOnPlain.json().code).toBe('CB_WA01');

      const userPage = await browserSignIn(d, { login: 'same@example.com', password: 'user password 1' });
      expect(userPage.res.json().user).toMatchObject({ kind: 'user', id: String(user.id) });
      const guestPage = await browserSignIn(d, { login: 'same@example.com', password: 'guest password 1', guest: true });
      expect(guestPage.res.json().user).toMatchObject({ kind: 'guest', id: String(guest.id) });
      expect((await browserSignIn(d, { login: 'same@example.com', password: 'user password 1', guest: true })).res.statusCode).toBe(401);

      const profile = await d.request({ method: 'GET', url: '/v1/me/profile.json', cookies: guestPage.cookies });
      expect(profile.json()).toMatchObject({ kind: 'guest', code: 'guest/same@example.com' });
      // Deleting the guest leaves the user alone.
      expect((await d.request({ method: 'DELETE', url: '/k/v1/guests.json?guests[0]=same@example.com', as: d.admin })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: userPage.cookies })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: guestPage.cookies })).statusCode).toBe(401);
    });

    it('never lets a regular login name start with guest/', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'guest/x@example.com', name: 'x', email: 'x@example.com', password: 'long enough password' }] } });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toEqual(['users[0].code']);
      const rename = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', newCode: 'guest/member@example.com' }] } });
      expect(rename.statusCode).toBe(400);
    });
  });
});
