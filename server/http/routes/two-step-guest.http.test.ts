// Two-step verification for guests (features A3, C; probes A8, A11): with the switch on, a guest's
// right password opens no session but mails a one-time code, received here over real SMTP in the
// guest's language. Five wrong codes kill the challenge, codes expire and work once, a challenge
// belongs to one domain and one account, sending is throttled, and the password header — which
// would skip the code — is refused for such a guest while API tokens keep working.
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Persona, type TestDomain, basicAuth, newDomain } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';
const MINUTE = 60_000;

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database);

  async function twoStepDomain(): Promise<TestDomain> {
    const d = await newDomain(h(), 'Two-step Co');
    const res = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { guestTwoStep: true } });
    expect(res.statusCode, res.body).toBe(200);
    return d;
  }

  const signIn = (d: TestDomain, g: Persona, password = g.password) =>
    d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password, guest: true } });

  const verify = (d: TestDomain, challenge: string, code: string, headers: Record<string, string> = XHR) =>
    d.request({ method: 'POST', url: '/api/session/verify', headers, payload: { challenge, code } });

  /** Signs the guest in up to the code: the challenge, and the code read from the mail it got. */
  async function codeFor(d: TestDomain, g: Persona): Promise<{ challenge: string; code: string; subject: string; text: string }> {
    const before = smtp().messages.length;
    const res = await signIn(d, g);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.cookies.find((c) => c.name === COOKIE)).toBeUndefined();
    const { twoStep } = res.json();
    expect(twoStep.kind).toBe('email');
    await h().mail.runOnce();
    const got = await smtp().waitFor((m) => smtp().messages.indexOf(m) >= before && m.envelope.to.includes(g.code));
    const text = got.mail.text ?? '';
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    expect(code).toBeDefined();
    return { challenge: twoStep.challenge, code: code!, subject: got.mail.subject ?? '', text };
  }

  function expectCode(res: LightMyRequestResponse, status: number, code: string): void {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
  }

  describe('the e-mailed code', () => {
    it('signs a guest in with the code mailed in its own language, and only then opens a session', async () => {
      const d = await twoStepDomain();
      const ja = await addGuest(d, 'hanako@example.com', { locale: 'ja' });
      const en = await addGuest(d, 'pat@example.com', { locale: 'en' });

      const jaMail = await codeFor(d, ja);
      expect(jaMail.subject).toContain('確認コード');
      expect(jaMail.text).toContain('Two-step Co へのログインを続けるには');
      expect(jaMail.text).toContain('10分');
      const enMail = await codeFor(d, en);
      expect(enMail.subject).toBe(`Your sign-in code: ${enMail.code}`);
      expect(enMail.text).toContain('valid for 10 minutes');

      // The code is kept only as a hash bound to the challenge.
      const rows = await h().services.db.selectFrom('loginChallenges').select(['codeHash', 'kind']).where('domainId', '=', d.id).execute();
      expect(rows.every((r) => r.kind === 'email' && r.codeHash !== null && !r.codeHash.includes(jaMail.code))).toBe(true);

      const res = await verify(d, jaMail.challenge, jaMail.code);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user).toMatchObject({ id: String(ja.id), kind: 'guest', locale: 'ja' });
      const cookie = res.cookies.find((c) => c.name === COOKIE)!.value;
      const me = await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.id).toBe(String(ja.id));

      const audit = await h().services.db.selectFrom('auditLog').select(['action', 'result', 'detail']).where('domainId', '=', d.id).where('action', '=', 'auth.login').execute();
      const ok = audit.filter((a) => a.result !== 'failure').map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail));
      expect(ok.filter((a) => a.method === 'session')).toEqual([expect.objectContaining({ method: 'session', secondFactor: 'email' })]);
    });

    it('takes no code when the switch is off, and the request must come from our own page', async () => {
      const d = await newDomain(h());
      const g = await addGuest(d, 'guest@example.com');
      const plain = await signIn(d, g);
      expect(plain.statusCode).toBe(200);
      expect(plain.json().user.kind).toBe('guest');
      const on = await twoStepDomain();
      const g2 = await addGuest(on, 'guest@example.com');
      const { challenge, code } = await codeFor(on, g2);
      expectCode(await verify(on, challenge, code, {}), 403, 'CB_CS01');
      expect((await verify(on, challenge, code)).statusCode).toBe(200);
    });

    it('kills the challenge after five wrong codes, and a new sign-in mails a new one; the guest is never locked out', async () => {
      const d = await twoStepDomain();
      const g = await addGuest(d, 'guest@example.com');
      const { challenge, code } = await codeFor(d, g);
      const wrong = code === '000000' ? '000001' : '000000';
      for (let i = 0; i < 4; i++) expectCode(await verify(d, challenge, wrong), 401, 'CB_TS01');
      expectCode(await verify(d, challenge, wrong), 401, 'CB_TS02');
      expectCode(await verify(d, challenge, code), 401, 'CB_TS02');

      h().clock.advance(MINUTE + 1_000);
      const again = await codeFor(d, g);
      expect((await verify(d, again.challenge, again.code)).statusCode).toBe(200);
    });

    it('refuses an expired code, a used one, and an older code once a newer one was sent', async () => {
      const d = await twoStepDomain();
      const g = await addGuest(d, 'guest@example.com');
      const old = await codeFor(d, g);
      h().clock.advance(10 * MINUTE + 1_000);
      expectCode(await verify(d, old.challenge, old.code), 401, 'CB_TS02');

      const first = await codeFor(d, g);
      h().clock.advance(MINUTE + 1_000);
      const second = await codeFor(d, g);
      expectCode(await verify(d, first.challenge, first.code), 401, 'CB_TS02');
      expect((await verify(d, second.challenge, second.code)).statusCode).toBe(200);
      expectCode(await verify(d, second.challenge, second.code), 401, 'CB_TS02');
      expectCode(await verify(d, 'no-such-challenge', second.code), 401, 'CB_TS02');
    });

    it('binds a challenge to its domain and its account', async () => {
      const d = await twoStepDomain();
      const other = await twoStepDomain();
      const a = await addGuest(d, 'a@example.com');
      const b = await addGuest(d, 'b@example.com');
      const elsewhere = await addGuest(other, 'a@example.com');
      const forA = await codeFor(d, a);
      const forB = await codeFor(d, b);
      const forOther = await codeFor(other, elsewhere);
      // Another domain's challenge does not exist here, whatever the code.
      expectCode(await verify(d, forOther.challenge, forOther.code), 401, 'CB_TS02');
      // B's code is no answer to A's challenge.
      if (forB.code !== forA.code) expectCode(await verify(d, forA.challenge, forB.code), 401, 'CB_TS01');
      const res = await verify(d, forA.challenge, forA.code);
      expect(res.json().user.id).toBe(String(a.id));
      expect((await verify(other, forOther.challenge, forOther.code)).json().user.id).toBe(String(elsewhere.id));
    });

    it('sends at most one code a minute and five an hour, and only for the right password', async () => {
      const d = await twoStepDomain();
      const g = await addGuest(d, 'guest@example.com');
      expectCode(await signIn(d, g, 'wrong password'), 401, 'CB_WA01');
      await codeFor(d, g);
      const soon = await signIn(d, g);
      expectCode(soon, 429, 'CB_TM01');
      expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
      for (let i = 0; i < 4; i++) {
        h().clock.advance(MINUTE + 1_000);
        await codeFor(d, g);
      }
      h().clock.advance(MINUTE + 1_000);
      const sixth = await signIn(d, g);
      expectCode(sixth, 429, 'CB_TM01');
      const count = await h().services.db.selectFrom('mailOutbox').select('id').where('domainId', '=', d.id).where('template', '=', 'sign-in-code').execute();
      expect(count).toHaveLength(5);
      h().clock.advance(60 * MINUTE);
      expect((await signIn(d, g)).statusCode).toBe(200);
    });
  });

  describe('X-Cybozu-Authorization (A8)', () => {
    it('is refused for a guest under two-step verification, at once when the switch turns on; API tokens still work', async () => {
      const d = await newDomain(h());
      const g = await addGuest(d, 'guest@example.com');
      const profile = (auth: string) => d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': auth } });
      expect((await profile(g.auth)).statusCode).toBe(200); // now remembered as verified

      const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.admin, payload: { app, rights: { view: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const token: string = made.json().token;

      await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { guestTwoStep: true } });
      expectCode(await profile(g.auth), 401, 'CB_TS03');
      expectCode(await profile(basicAuth(g.code, 'wrong password')), 401, 'CB_TS03'); // decided before the password (A7)
      const records = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, headers: { 'x-cybozu-api-token': token } });
      expect(records.statusCode, records.body).toBe(200);
      // Users are not concerned by the guests' switch.
      expect((await d.request({ method: 'GET', url: '/v1/me/profile.json', as: d.member })).statusCode).toBe(200);

      await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { guestTwoStep: false } });
      expect((await profile(g.auth)).statusCode).toBe(200);
    });
  });
});
