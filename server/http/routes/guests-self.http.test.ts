// One's own profile and password (/v1/me/profile.json, /v1/me/password.json), for guests and users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { fileRows, pngBytes, upload } from '../../../test/support/files.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function session(d: TestDomain, login: string, password: string, guest: boolean) {
    const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password, guest } });
    expect(res.statusCode, res.body).toBe(200);
    return { cookies: { [COOKIE]: res.cookies.find((c) => c.name === COOKIE)!.value }, csrf: res.json().csrfToken as string };
  }

  describe('/v1/me/profile.json', () => {
    it('lets a guest read and edit its own profile, picture included', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com', { name: 'Before', company: 'Old Co.' });
      const before = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g });
      expect(before.json()).toEqual({
        kind: 'guest',
        code: 'guest/guest@example.com',
        name: 'Before',
        email: 'guest@example.com',
        locale: 'en',
        timezone: 'Asia/Tokyo',
        phone: '',
        company: 'Old Co.',
        division: '',
        callto: '',
        surNameReading: '',
        givenNameReading: '',
        image: null,
      });
      // A guest uploads under its guest space's path, like everything it does.
      const k = `/k/guest/${await seedSpace(h, d)}/v1`;
      await setSpaceGuests(d, Number(k.split('/')[3]), [g]);
      const png = (await upload(d, g, { name: 'me.png', type: 'image/png', data: pngBytes(128), k })).json().fileKey;
      const res = await d.request({
        method: 'PUT',
        url: '/v1/me/profile.json',
        as: g,
        payload: { name: '山田 太郎', locale: 'ja', timezone: 'Europe/Paris', company: 'New Co.', division: 'Sales', phone: '+81 3', callto: 'yamada', surNameReading: 'やまだ', givenNameReading: 'たろう', image: png },
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g });
      expect(after.json()).toMatchObject({ name: '山田 太郎', locale: 'ja', timezone: 'Europe/Paris', company: 'New Co.', division: 'Sales', phone: '+81 3', image: { name: 'me.png', size: '128' } });
      // Its own locale now speaks to it.
      const bad = await d.request({ method: 'PUT', url: '/v1/me/profile.json', as: g, payload: { name: '' } });
      expect(bad.json()).toMatchObject({ code: 'CB_VA01', message: '入力内容が正しくありません。', errors: { name: { messages: ['必須です。'] } } });

      // A new picture replaces the old, whose file goes; null removes it.
      const second = (await upload(d, g, { name: 'new.png', type: 'image/png', data: pngBytes(64), k })).json().fileKey;
      await d.request({ method: 'PUT', url: '/v1/me/profile.json', as: g, payload: { image: second } });
      expect((await fileRows(h, d.id)).map((f) => f.name)).toEqual(['new.png']);
      await d.request({ method: 'PUT', url: '/v1/me/profile.json', as: g, payload: { image: null } });
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g })).json().image).toBeNull();
      expect(await fileRows(h, d.id)).toEqual([]);
      const audit = await h.services.db.selectFrom('auditLog').select('action').where('domainId', '=', d.id).where('action', '=', 'guest.profile.update').execute();
      expect(audit).toHaveLength(3);
    });

    it('lets a user edit what users have, and names the fields only guests have', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'PUT', url: '/v1/me/profile.json', as: d.member, payload: { name: 'Member M', phone: '123', timezone: 'UTC' } });
      expect(res.statusCode, res.body).toBe(200);
      const me = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member });
      expect(me.json()).toEqual({ kind: 'user', code: 'member', name: 'Member M', email: 'member@example.com', locale: 'en', timezone: 'UTC', phone: '123' });
      const guestOnly = await d.request({ method: 'PUT', url: '/v1/me/profile.json', as: d.member, payload: { company: 'X', callto: 'y' } });
      expect(guestOnly.statusCode).toBe(400);
      expect(guestOnly.json().errors).toEqual({
        company: { messages: ['Only a guest user’s profile has this item.'] },
        callto: { messages: ['Only a guest user’s profile has this item.'] },
      });
    });

    it('needs someone signed in: anonymous callers and API tokens are refused', async () => {
      const d = await newDomain(h);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json' })).json().code).toBe('CB_AU01');
      const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'T' } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.admin, payload: { app, rights: { view: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const headers = { 'x-cybozu-api-token': made.json().token as string };
      for (const [method, url] of [['GET', '/v1/me/profile.json'], ['PUT', '/v1/me/profile.json'], ['PUT', '/v1/me/password.json']] as const) {
        const res = await d.request({ method, url, headers, ...(method === 'PUT' ? { payload: { name: 'x', currentPassword: 'a', newPassword: 'b' } } : {}) });
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('GAIA_NO01');
      }
    });
  });

  describe('/v1/me/password.json', () => {
    it('lets a guest change its password; other sessions end, the one in use goes on under a new id', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'guest@example.com');
      const other = await session(d, 'guest@example.com', PASSWORD, true);
      const mine = await session(d, 'guest@example.com', PASSWORD, true);
      const res = await d.request({
        method: 'PUT',
        url: '/v1/me/password.json',
        cookies: mine.cookies,
        headers: XHR,
        payload: { __REQUEST_TOKEN__: mine.csrf, currentPassword: PASSWORD, newPassword: 'a brand new secret' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const cookie = res.cookies.find((c) => c.name === COOKIE);
      expect(cookie?.value).toEqual(expect.any(String));
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie!.value } })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: mine.cookies })).statusCode).toBe(401);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: other.cookies })).statusCode).toBe(401);
      const old = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('guest@example.com', PASSWORD) } });
      expect(old.json().code).toBe('CB_WA01');
      const fresh = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('guest@example.com', 'a brand new secret') } });
      expect(fresh.statusCode).toBe(200);
    });

    it('asks for the current password and applies the domain’s password rules', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const wrong = await d.request({ method: 'PUT', url: '/v1/me/password.json', as: g, payload: { currentPassword: 'not it', newPassword: 'a brand new secret' } });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual({ currentPassword: { messages: ['The current password is incorrect.'] } });
      const short = await d.request({ method: 'PUT', url: '/v1/me/password.json', as: g, payload: { currentPassword: PASSWORD, newPassword: 'short' } });
      expect(Object.keys(short.json().errors)).toEqual(['newPassword']);
      const login = await d.request({ method: 'PUT', url: '/v1/me/password.json', as: g, payload: { currentPassword: PASSWORD, newPassword: 'GUEST@example.com' } });
      expect(login.json().errors.newPassword.messages).toEqual(['The password must differ from the login name.']);
      const missing = await d.request({ method: 'PUT', url: '/v1/me/password.json', as: g, payload: {} });
      expect(Object.keys(missing.json().errors).sort()).toEqual(['currentPassword', 'newPassword']);
      expect((await d.request({ method: 'GET', url: '/api/session', as: g })).statusCode).toBe(200);
    });

    it('works for users too, and slows down a guesser', async () => {
      const d = await newDomain(h);
      const ok = await d.request({ method: 'PUT', url: '/v1/me/password.json', as: d.member, payload: { currentPassword: PASSWORD, newPassword: 'member new password' } });
      expect(ok.statusCode, ok.body).toBe(200);
      const member = { ...d.member, password: 'member new password', auth: basicAuth('member', 'member new password') };
      let last = 0;
      for (let i = 0; i < 40 && last !== 429; i++) {
        last = (await d.request({ method: 'PUT', url: '/v1/me/password.json', as: member, payload: { currentPassword: `guess ${i}`, newPassword: 'whatever it is' } })).statusCode;
      }
      expect(last).toBe(429);
    });
  });
});
