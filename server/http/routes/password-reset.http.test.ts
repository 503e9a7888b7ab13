// Self-service password reset, end to end through a real SMTP server: ask, receive the mail,
// open its link, choose a new password. Nothing in the answer tells whether an account exists,
// may reset or is suspended (A4); links are single-use, hashed, an hour long, from BASE_URL
// (A15, A16); a reset ends every session and never reactivates a suspended account.
import { describe, expect, it } from 'vitest';
import { PASSWORD, type TestDomain, basicAuth, newDomain } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import type { ReceivedMail } from '../../../test/support/smtp.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';
const BASE = 'https://engawa.example.jp';
const LINK = /https:\/\/engawa\.example\.jp\/password-reset\/([A-Za-z0-9_-]{43})/;

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL: BASE, LOCKOUT_THRESHOLD: '3' });

  const ask = (d: TestDomain, payload: Record<string, unknown>, remoteAddress = '198.51.100.7') =>
    d.request({ method: 'POST', url: '/api/password-reset', headers: XHR, remoteAddress, payload });
  const open = (d: TestDomain, token: string) => d.request({ method: 'GET', url: `/api/password-reset/${token}` });
  const choose = (d: TestDomain, token: string, newPassword: string) =>
    d.request({ method: 'POST', url: `/api/password-reset/${token}`, headers: XHR, payload: { newPassword } });

  async function queued(d: TestDomain): Promise<number> {
    const rows = await h().services.db.selectFrom('mailOutbox').select('id').where('domainId', '=', d.id).where('template', '=', 'password-reset').execute();
    return rows.length;
  }

  const countTo = (to: string) => smtp().messages.filter((m) => m.envelope.to.includes(to)).length;

  /** Asks for a link, sends what is queued, and answers the mail that then reached `to`. */
  async function askAndReceive(d: TestDomain, to: string, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<ReceivedMail> {
    const before = countTo(to);
    const res = await d.request({ method: 'POST', url: '/api/password-reset', headers: { ...XHR, ...headers }, payload });
    expect([res.statusCode, res.json()]).toEqual([200, {}]);
    await h().mail.runOnce();
    await smtp().waitFor(() => countTo(to) > before);
    return smtp().messages.filter((m) => m.envelope.to.includes(to))[before]!;
  }

  async function linkFor(d: TestDomain, to: string, payload: Record<string, unknown>): Promise<string> {
    const mail = await askAndReceive(d, to, payload);
    return LINK.exec(mail.mail.text ?? '')![1]!;
  }

  /** Delivers what a test queued without reading it, so the next test's counts start clean. */
  async function flush(): Promise<void> {
    const sentCount = async () => (await h().services.db.selectFrom('mailOutbox').select('id').where('status', '=', 'sent').execute()).length;
    const expected = smtp().messages.length - (await sentCount());
    await h().mail.runOnce();
    const total = expected + (await sentCount());
    await smtp().waitFor(() => smtp().messages.length >= total);
  }

  async function session(d: TestDomain, login: string, password: string, guest = false) {
    const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password, ...(guest ? { guest } : {}) } });
    return { status: res.statusCode, cookies: { [COOKIE]: res.cookies.find((c) => c.name === COOKIE)?.value ?? '' } };
  }

  describe('a user resets a forgotten password from the mail', () => {
    it('asks, receives the link at the stored address, opens it, sets a new password; sessions end, the link dies', async () => {
      const d = await newDomain(h());
      const before = await session(d, 'member', PASSWORD);
      const mail = await askAndReceive(d, 'member@example.com', { login: 'member' });
      expect(mail.mail.subject).toBe('Reset your password');
      expect(mail.mail.text).toContain('the login "member"');
      expect(mail.mail.text).toContain('60 minutes');
      const token = LINK.exec(mail.mail.text ?? '')![1]!;
      expect(mail.mail.html).toContain(`href="${BASE}/password-reset/${token}"`);
      // Kept hashed: the token itself is nowhere in the table.
      const stored = await h().services.db.selectFrom('passwordResets').selectAll().where('domainId', '=', d.id).execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.tokenHash).not.toContain(token);
      expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

      expect((await open(d, token)).json()).toEqual({ login: 'member', guest: false });
      const weak = await choose(d, token, 'member');
      expect(weak.statusCode).toBe(400);
      expect(weak.json().errors.newPassword.messages).toEqual(['The password must be at least 8 characters.', 'The password must differ from the login name.']);
      // A refused password leaves the link alive.
      const done = await choose(d, token, 'reset and renewed');
      expect([done.statusCode, done.json()]).toEqual([200, {}]);

      expect((await d.request({ method: 'GET', url: '/api/session', cookies: before.cookies })).statusCode).toBe(401);
      expect((await session(d, 'member', PASSWORD)).status).toBe(401);
      expect((await session(d, 'member', 'reset and renewed')).status).toBe(200);
      for (const again of [await open(d, token), await choose(d, token, 'yet another one')]) {
        expect([again.statusCode, again.json().code]).toEqual([404, 'CB_PR01']);
      }
      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?action=auth.password.reset', as: { ...d.admin } });
      expect(audit.json().entries).toMatchObject([{ target: { type: 'user', id: String(d.member.id) } }]);
      const history = await h().services.db.selectFrom('passwordHistory').select('userId').where('domainId', '=', d.id).execute();
      expect(history.map((r) => Number(r.userId))).toEqual([d.member.id]);
    });

    it('lifts a lockout, but never reactivates a suspended account; suspension kills a link already sent', async () => {
      const d = await newDomain(h());
      for (let i = 0; i < 3; i++) await session(d, 'member', `guess ${i}`);
      const token = await linkFor(d, 'member@example.com', { login: 'member' });
      expect((await choose(d, token, 'after the lockout')).statusCode).toBe(200);
      expect((await session(d, 'member', 'after the lockout')).status).toBe(200);

      const other = await d.addUser('other');
      const link = await linkFor(d, 'other@example.com', { login: 'other' });
      await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'other', valid: false }] } });
      expect((await open(d, link)).json().code).toBe('CB_PR01');
      expect((await choose(d, link, 'trying to get back')).json().code).toBe('CB_PR01');
      const row = await h().services.db.selectFrom('users').select('valid').where('domainId', '=', d.id).where('id', '=', other.id).executeTakeFirstOrThrow();
      expect(Boolean(row.valid)).toBe(false);
    });
  });

  describe('guests', () => {
    it('may always reset, even where users may not, in their own language', async () => {
      const d = await newDomain(h());
      await addGuest(d, 'partner@example.com', { locale: 'ja' });
      await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { allowPasswordReset: false } });
      const before = await queued(d);
      expect((await ask(d, { login: 'member' })).statusCode).toBe(200);
      expect(await queued(d)).toBe(before);
      const mail = await askAndReceive(d, 'partner@example.com', { login: 'Partner@Example.com', guest: true });
      expect(mail.mail.subject).toBe('パスワードの再設定');
      expect(mail.mail.text).toContain('ログイン名「partner@example.com」');
      const token = LINK.exec(mail.mail.text ?? '')![1]!;
      expect((await open(d, token)).json()).toEqual({ login: 'partner@example.com', guest: true });
      expect((await choose(d, token, 'guest renewed pass')).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('partner@example.com', 'guest renewed pass') } })).statusCode).toBe(200);
    });
  });

  describe('second factors (A15)', () => {
    it('are never skipped: the reset signs nobody in, and the next sign-in still asks for the code', async () => {
      const d = await newDomain(h());
      await addGuest(d, 'coded@example.com');
      expect((await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { guestTwoStep: true } })).statusCode).toBe(200);
      const token = await linkFor(d, 'coded@example.com', { login: 'coded@example.com', guest: true });
      const done = await choose(d, token, 'coded renewed pass');
      expect([done.statusCode, done.json()]).toEqual([200, {}]);
      expect(done.headers['set-cookie']).toBeUndefined();
      const signIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: 'coded@example.com', password: 'coded renewed pass', guest: true } });
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(signIn.json().twoStep.kind).toBe('email');
      expect(signIn.headers['set-cookie']).toBeUndefined();
      await flush();
    });
  });

  describe('no enumeration (A4)', () => {
    it('answers unknown, suspended, disallowed and wrong-page logins exactly like a real one, and mails none of them', async () => {
      const d = await newDomain(h());
      await d.addUser('gone', { valid: false });
      await addGuest(d, 'visitor@example.com');
      const real = await ask(d, { login: 'member' });
      const sent = await queued(d);
      expect(sent).toBe(1);
      const cases = [
        { login: 'nobody' },
        { login: 'gone' },
        { login: 'visitor@example.com' }, // a guest asked for on the users' page
        { login: 'member', guest: true }, // a user asked for on the guests' page
        { login: 'nobody@example.com', guest: true },
      ];
      for (const payload of cases) {
        const res = await ask(d, payload);
        expect([payload, res.statusCode, res.body, res.headers['content-type']]).toEqual([payload, real.statusCode, real.body, real.headers['content-type']]);
      }
      await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { allowPasswordReset: false } });
      const disallowed = await ask(d, { login: 'admin' });
      expect([disallowed.statusCode, disallowed.body]).toEqual([real.statusCode, real.body]);
      expect(await queued(d)).toBe(sent);
      await flush();
    });

    it('takes the link from BASE_URL whatever the request says about its host (A16)', async () => {
      const d = await newDomain(h());
      const mail = await askAndReceive(d, 'member@example.com', { login: 'member' }, { 'x-forwarded-host': 'evil.example' });
      expect(mail.mail.text).toMatch(LINK);
      expect(mail.mail.text).not.toContain('evil.example');
    });
  });

  describe('links', () => {
    it('refuse forged, malformed, expired and replaced tokens with one answer', async () => {
      const d = await newDomain(h());
      const first = await linkFor(d, 'member@example.com', { login: 'member' });
      h().clock.advance(60_000);
      const second = await linkFor(d, 'member@example.com', { login: 'member' });
      expect(second).not.toBe(first);
      const bodies = new Set<string>();
      for (const token of [first, 'A'.repeat(43), 'short', '%00../../etc', second.slice(0, -1) + (second.endsWith('A') ? 'B' : 'A')]) {
        const res = await open(d, encodeURIComponent(token));
        expect([token, res.statusCode, res.json().code]).toEqual([token, 404, 'CB_PR01']);
        bodies.add(JSON.stringify({ ...res.json(), id: '' }));
      }
      expect(bodies.size).toBe(1);
      expect((await open(d, second)).statusCode).toBe(200);
      h().clock.advance(60 * 60_000);
      expect((await open(d, second)).json().code).toBe('CB_PR01');
      expect((await choose(d, second, 'too late for this')).json().code).toBe('CB_PR01');
    });

    it('limit guesses per address, and mails per account, without telling who exists', async () => {
      const d = await newDomain(h());
      let last = 0;
      for (let i = 0; i < 25 && last !== 429; i++) last = (await open(d, `${'x'.repeat(40)}${String(i).padStart(3, '0')}`)).statusCode;
      expect(last).toBe(429);

      const before = await queued(d);
      for (let i = 0; i < 5; i++) expect((await ask(d, { login: 'admin' }, `203.0.113.${i + 1}`)).statusCode).toBe(200);
      expect((await queued(d)) - before).toBe(3);

      let status = 0;
      for (let i = 0; i < 12 && status !== 429; i++) status = (await ask(d, { login: `someone${i}` }, '192.0.2.50')).statusCode;
      expect(status).toBe(429);
      await flush();
    });

    it('need the same-origin header for the unsafe steps', async () => {
      const d = await newDomain(h());
      const res = await d.request({ method: 'POST', url: '/api/password-reset', payload: { login: 'member' } });
      expect([res.statusCode, res.json().code]).toEqual([403, 'CB_CS01']);
      const cross = await d.request({ method: 'POST', url: '/api/password-reset/abc', headers: { ...XHR, origin: 'https://evil.example' }, payload: { newPassword: 'whatever it is' } });
      expect([cross.statusCode, cross.json().code]).toEqual([403, 'CB_CS01']);
    });
  });
});
