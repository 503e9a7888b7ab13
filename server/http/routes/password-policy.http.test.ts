// The domain's password policy at every place a password is set (administrators creating and
// changing users, adding guests, one's own change; the reset has its own file), the reuse rule
// over the password history, expiry on the injected clock, and lockout: users lock and an
// administrator can lift it, guests never lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';
const DAY_MS = 86_400_000;

const EN = {
  length: (n: number) => `The password must be at least ${n} characters.`,
  kinds: (n: number) => `The password must mix at least ${n} of these: lower-case letters, upper-case letters, digits, symbols.`,
  login: 'The password must differ from the login name.',
  email: 'The password must differ from the part of the e-mail address before the @.',
  reused: (n: number) => `The password must differ from the last ${n} passwords used.`,
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { LOCKOUT_THRESHOLD: '3' });
  });
  afterAll(async () => h.close());

  async function policy(d: TestDomain, passwordPolicy: Record<string, number>, extra: Record<string, unknown> = {}) {
    const res = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { passwordPolicy, ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    // The settings are cached per process for a moment (SETTINGS_TTL_MS) and dropped on change.
  }

  const messages = (res: { json(): any }, key: string): string[] => res.json().errors?.[key]?.messages ?? [];

  async function setPassword(d: TestDomain, code: string, password: string) {
    return d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code, password }] } });
  }

  describe('each rule, where administrators set passwords', () => {
    it('creating users: length (the longer of policy and install), kinds, login name, e-mail local part — all named at once', async () => {
      const d = await newDomain(h);
      await policy(d, { minLength: 12, requiredKinds: 3 });
      const res = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        payload: {
          users: [
            { code: 'u1', name: 'U1', email: 'u1@example.com', password: 'Short-1' },
            { code: 'u2', name: 'U2', email: 'u2@example.com', password: 'only lower case letters' },
            { code: 'Login-Name-99', name: 'U3', email: 'u3@example.com', password: 'login-name-99' },
            { code: 'u4', name: 'U4', email: 'Secret-Pass-1@example.com', password: 'secret-pass-1' },
            { code: 'u5', name: 'U5', email: 'u5@example.com', password: 'Fine-Password-5' },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'users[0].password': { messages: [EN.length(12)] },
        'users[1].password': { messages: [EN.kinds(3)] },
        'users[2].password': { messages: [EN.login] },
        'users[3].password': { messages: [EN.email] },
      });
      // All or none: u5 was not created.
      expect((await d.request({ method: 'GET', url: '/v1/users.json?codes[0]=u5', as: d.admin })).json().users).toEqual([]);

      // A domain minimum below the install's PASSWORD_MIN_LENGTH (8) does not lower it.
      await policy(d, { minLength: 4, requiredKinds: 0 });
      const low = await d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'u6', name: 'U6', email: 'u6@example.com', password: 'abcdefg' }] } });
      expect(messages(low, 'users[0].password')).toEqual([EN.length(8)]);
    });

    it('changing users: the same rules, and the reuse rule over the current and earlier passwords', async () => {
      const d = await newDomain(h);
      await policy(d, { requiredKinds: 2, reuseCount: 2 });
      expect(messages(await setPassword(d, 'member', 'nodigitsatall'), 'users[0].password')).toEqual([EN.kinds(2)]);
      expect(messages(await setPassword(d, 'member', 'Member'), 'users[0].password')).toEqual([EN.length(8), EN.login]);
      // Renamed in the same change: the new login name counts.
      const renamed = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', newCode: 'member2024', password: 'MEMBER2024' }] } });
      expect(messages(renamed, 'users[0].password')).toEqual([EN.login]);

      expect((await setPassword(d, 'member', 'first pass 1')).statusCode).toBe(200);
      expect(messages(await setPassword(d, 'member', 'first pass 1'), 'users[0].password')).toEqual([EN.reused(2)]);
      expect((await setPassword(d, 'member', 'second pass 2')).statusCode).toBe(200);
      expect(messages(await setPassword(d, 'member', 'first pass 1'), 'users[0].password')).toEqual([EN.reused(2)]);
      expect((await setPassword(d, 'member', 'third pass 3')).statusCode).toBe(200);
      // Two back now: the rule remembers the last two only.
      expect((await setPassword(d, 'member', 'first pass 1')).statusCode).toBe(200);
      const history = await h.services.db.selectFrom('passwordHistory').select('passwordHash').where('domainId', '=', d.id).where('userId', '=', d.member.id).execute();
      expect(history).toHaveLength(4);
      expect(history.every((r) => r.passwordHash.startsWith('$argon2id$'))).toBe(true);
    });

    it('adding guests: length, kinds and the address (whole or its local part)', async () => {
      const d = await newDomain(h);
      await policy(d, { minLength: 10, requiredKinds: 2 });
      const guest = (code: string, password: string) => ({ code, name: 'G', password, timezone: 'Asia/Tokyo' });
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/guests.json',
        as: d.admin,
        payload: {
          guests: [
            guest('g1@example.com', 'Short1'),
            guest('g2@example.com', 'alllowercaseletters'),
            guest('Partner.2030@example.com', 'partner.2030'),
            guest('g4@example.com', 'G4@EXAMPLE.COM'),
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'guests[0].password': { messages: [EN.length(10)] },
        'guests[1].password': { messages: [EN.kinds(2)] },
        'guests[2].password': { messages: [EN.email] },
        'guests[3].password': { messages: [EN.login] },
      });
    });
  });

  describe('one’s own change', () => {
    it('names each rule in the caller’s language, and refuses the current password under the reuse rule', async () => {
      const d = await newDomain(h);
      await policy(d, { minLength: 10, requiredKinds: 3, reuseCount: 1 });
      const made = await d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'yuki', name: '雪', email: 'yuki@example.com', password: 'Yuki-pass-001', locale: 'ja' }] } });
      expect(made.statusCode, made.body).toBe(200);
      const yuki = { id: 0, code: 'yuki', password: 'Yuki-pass-001', auth: basicAuth('yuki', 'Yuki-pass-001') };
      const change = (newPassword: string) => d.request({ method: 'PUT', url: '/v1/me/password.json', as: yuki, payload: { currentPassword: yuki.password, newPassword } });
      expect(messages(await change('abc'), 'newPassword')).toEqual([
        'パスワードは10文字以上で指定してください。',
        'パスワードには、英小文字・英大文字・数字・記号のうち3種類以上を含めてください。',
      ]);
      expect(messages(await change('Yuki-pass-001'), 'newPassword')).toEqual(['直近1回に使用したパスワードは使用できません。']);
      expect((await change('Another-pass-2')).statusCode).toBe(200);
    });

    it('a guest’s own change follows the same policy', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'partner@example.com', { password: 'Partner-pass-1' });
      await policy(d, { requiredKinds: 4, reuseCount: 3 });
      const change = (newPassword: string) => d.request({ method: 'PUT', url: '/v1/me/password.json', as: g, payload: { currentPassword: g.password, newPassword } });
      expect(messages(await change('Partnerpass2'), 'newPassword')).toEqual([EN.kinds(4)]);
      expect(messages(await change('partner'), 'newPassword')).toEqual([EN.length(8), EN.kinds(4), EN.email]);
      expect(messages(await change('Partner-pass-1'), 'newPassword')).toEqual([EN.reused(3)]);
      expect((await change('Partner-pass-2')).statusCode).toBe(200);
    });
  });

  describe('expiry', () => {
    async function signIn(d: TestDomain, login: string, password: string, guest = false) {
      const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password, ...(guest ? { guest } : {}) } });
      return { res, cookies: { [COOKIE]: res.cookies.find((c) => c.name === COOKIE)?.value ?? '' }, csrf: res.json().csrfToken as string };
    }

    it('lets a user with an expired password sign in only to change it; the password header says so only to the right password', async () => {
      const d = await newDomain(h);
      await policy(d, { expiryDays: 30 });
      // Verified and cached before it expires: the cache does not outlive the rule.
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member })).statusCode).toBe(200);
      h.clock.advance(29 * DAY_MS);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member })).statusCode).toBe(200);
      h.clock.advance(DAY_MS);

      const expired = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member });
      expect([expired.statusCode, expired.json().code]).toEqual([401, 'CB_PE01']);
      expect(expired.json().message).toBe('Your password has expired. Change your password to continue.');
      const wrong = await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('member', 'not the password') } });
      expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'CB_WA01']);

      const s = await signIn(d, 'member', PASSWORD);
      expect(s.res.statusCode).toBe(200);
      expect(s.res.json().passwordExpired).toBe(true);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: s.cookies })).json()).toMatchObject({ user: { code: 'member' }, passwordExpired: true });
      for (const url of ['/v1/me/profile.json', '/k/v1/apps.json', '/v1/me/sessions.json']) {
        const res = await d.request({ method: 'GET', url, cookies: s.cookies });
        expect([url, res.statusCode, res.json().code]).toEqual([url, 401, 'CB_PE01']);
      }
      const changed = await d.request({
        method: 'PUT',
        url: '/v1/me/password.json',
        cookies: s.cookies,
        headers: XHR,
        payload: { __REQUEST_TOKEN__: s.csrf, currentPassword: PASSWORD, newPassword: 'a fresh password' },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      // The change-only session goes on under a new id; the old one, which could only change
      // the password, is dead (A12).
      const renewed = { [COOKIE]: changed.cookies.find((c) => c.name === COOKIE)?.value ?? '' };
      expect(renewed[COOKIE]).not.toBe('');
      expect(renewed[COOKIE]).not.toBe(s.cookies[COOKIE]);
      expect(changed.json().csrfToken).toEqual(expect.any(String));
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: s.cookies })).statusCode).toBe(401);
      const me = await d.request({ method: 'GET', url: '/api/session', cookies: renewed });
      expect(me.statusCode).toBe(200);
      expect(me.json().passwordExpired).toBeUndefined();
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', cookies: renewed })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('member', 'a fresh password') } })).statusCode).toBe(200);
      // A user whose password is fresh is untouched meanwhile.
      await d.addUser('fresh');
      expect((await signIn(d, 'fresh', PASSWORD)).res.json().passwordExpired).toBeUndefined();
    });

    it('holds for guests too: the guest changes its own password and goes on', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'visitor@example.com');
      await policy(d, { expiryDays: 10 });
      h.clock.advance(11 * DAY_MS);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: g })).json().code).toBe('CB_PE01');
      const s = await signIn(d, 'visitor@example.com', PASSWORD, true);
      expect(s.res.json().passwordExpired).toBe(true);
      const changed = await d.request({ method: 'PUT', url: '/v1/me/password.json', cookies: s.cookies, headers: XHR, payload: { __REQUEST_TOKEN__: s.csrf, currentPassword: PASSWORD, newPassword: 'visitor new pass' } });
      expect(changed.statusCode, changed.body).toBe(200);
      const renewed = { [COOKIE]: changed.cookies.find((c) => c.name === COOKIE)?.value ?? '' };
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', cookies: s.cookies })).statusCode).toBe(401);
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', cookies: renewed })).statusCode).toBe(200);
    });

    it('ends a session opened with an expired password after 30 minutes if nothing is changed', async () => {
      const d = await newDomain(h);
      await policy(d, { expiryDays: 1 });
      h.clock.advance(2 * DAY_MS);
      const s = await signIn(d, 'member', PASSWORD);
      expect(s.res.json().passwordExpired).toBe(true);
      h.clock.advance(31 * 60_000);
      expect((await d.request({ method: 'GET', url: '/api/session', cookies: s.cookies })).statusCode).toBe(401);
    });
  });

  describe('lockout', () => {
    const header = (d: TestDomain, login: string, password: string, ip: string) =>
      d.request({ method: 'GET', url: '/v1/me/profile.json', remoteAddress: ip, headers: { 'x-cybozu-authorization': basicAuth(login, password) } });

    it('locks a user after the threshold; an administrator lifts it at once with locked:false (audited)', async () => {
      const d = await newDomain(h);
      for (let i = 0; i < 3; i++) await header(d, 'member', `guess ${i}`, `10.0.0.${i + 1}`);
      expect((await header(d, 'member', PASSWORD, '10.0.1.1')).json().code).toBe('CB_WA01');
      const list = async () => (await d.request({ method: 'GET', url: `/v1/users.json?ids[0]=${d.member.id}`, as: d.admin })).json().users[0].locked;
      expect(await list()).toBe(true);

      const refused = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', locked: true }] } });
      expect(refused.statusCode).toBe(400);
      const byMember = await d.request({ method: 'PUT', url: '/v1/users.json', as: await d.addUser('other'), payload: { users: [{ code: 'member', locked: false }] } });
      expect(byMember.json().code).toBe('CB_NO02');
      const unlock = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', locked: false }] } });
      expect(unlock.statusCode, unlock.body).toBe(200);
      expect(await list()).toBe(false);
      expect((await header(d, 'member', PASSWORD, '10.0.1.2')).statusCode).toBe(200);
      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?action=user.update', as: d.admin });
      expect(audit.json().entries[0]).toMatchObject({ target: { id: String(d.member.id) }, detail: { changed: ['locked'] } });
    });

    it('never locks a guest out, however many wrong passwords: it only waits', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'never@example.com');
      for (let i = 0; i < 8; i++) expect((await header(d, g.code, `guess ${i}`, `10.1.0.${i + 1}`)).json().code).toBe('CB_WA01');
      // From the 5th wrong password the account waits (A2: 30 s, doubling, 15 minutes at most),
      // answered like a wrong password; after the wait the right one works and the count restarts.
      expect((await header(d, g.code, PASSWORD, '10.1.1.1')).json().code).toBe('CB_WA01');
      h.clock.advance(15 * 60_000 + 1);
      expect((await header(d, g.code, PASSWORD, '10.1.1.2')).statusCode).toBe(200);
      const row = await h.services.db.selectFrom('users').select(['failedLogins', 'lockedUntil']).where('domainId', '=', d.id).where('id', '=', g.id).executeTakeFirstOrThrow();
      expect(row.lockedUntil).toBeNull();
    });
  });
});
