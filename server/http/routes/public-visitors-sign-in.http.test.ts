// E-mail sign-in to public views, through a real SMTP server: codes and links, the same answer
// for registered and unknown addresses (P11), code guessing, link reuse and binding to the
// asking browser, sessions bound to one view that expire (idle, absolute) and end when the view's
// e-mail settings change; mail in the visitor's language, masked in the outbox once sent.
import { describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/db.js';
import { setViewPlan, shapeOf } from '../../../test/support/public-views.js';
import {
  BASE,
  BROWSER_COOKIE,
  MEMBER_LIST,
  type MemberWorld,
  askSignIn,
  giveCode,
  memberView,
  memberWorld,
  register,
  sessionOf,
  setEmailAuth,
  titles,
  useLink,
} from '../../../test/support/public-visitors.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import { sweepVisitorSessions } from '../../domain/public-views/visitors/sweep.js';

const CODE = /\b(\d{6})\b/;
const LINK = /\?signIn=([A-Za-z0-9_-]{43})/;

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL: BASE });

  const countTo = (to: string) => smtp().messages.filter((m) => m.envelope.to.includes(to)).length;
  async function mailTo(to: string, before: number, match: (text: string) => boolean = () => true) {
    const mine = () => smtp().messages.filter((m) => m.envelope.to.includes(to)).slice(before).filter((m) => match(m.mail.text ?? ''));
    await h().mail.runOnce();
    await smtp().waitFor(() => mine().length > 0);
    return mine()[0]!.mail;
  }
  async function codeFor(w: MemberWorld, path: string, to: string, lang?: string): Promise<string> {
    const before = countTo(to);
    const res = await askSignIn(w.d, path, to, { lang });
    expect([res.statusCode, res.json()]).toEqual([200, {}]);
    return CODE.exec((await mailTo(to, before)).text ?? '')![1]!;
  }
  async function signedInView(mode: 'registered' | 'anyone' = 'registered') {
    const w = await memberWorld(h());
    const v = await memberView(w, { settings: MEMBER_LIST });
    expect((await setEmailAuth(w, v.id, mode)).statusCode).toBe(200);
    await register(w, v.id, [{ email: 'Alice@Example.com', name: 'Alice' }]);
    return { w, v };
  }

  describe('a registered visitor signs in with a code', () => {
    it('needs sign-in, receives the code in their language, and reads the view until signing out', async () => {
      const { w, v } = await signedInView();
      const anon = await w.d.request({ method: 'GET', url: `${v.path}/data.json` });
      expect([anon.statusCode, anon.json().code]).toEqual([401, 'CB_PV30']);
      const before = countTo('alice@example.com');
      await askSignIn(w.d, v.path, ' ALICE@example.com', { lang: 'ja' });
      const mail = await mailTo('alice@example.com', before);
      expect(mail.subject).toMatch(/^確認コード: \d{6}$/);
      const code = CODE.exec(mail.text ?? '')![1]!;
      const ok = await giveCode(w.d, v.path, 'alice@example.com', code);
      expect([ok.statusCode, ok.json()]).toEqual([200, { email: 'alice@example.com' }]);
      const cookie = ok.cookies.find((c) => c.name === '__Secure-engawa_pvm')!;
      expect([cookie.path, cookie.httpOnly, cookie.secure]).toEqual([v.path, true, true]);
      const cookies = sessionOf(ok);
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies }))).toEqual(['A1', 'A2', 'B1']);
      const me = await w.d.request({ method: 'GET', url: `${v.path}/me.json`, cookies });
      expect(me.json()).toEqual({ email: 'alice@example.com', name: 'Alice' });
      // Single use.
      expect((await giveCode(w.d, v.path, 'alice@example.com', code)).json().code).toBe('CB_PV32');
      // The outbox keeps the message with the code masked.
      const kept = await h().services.db.selectFrom('mailOutbox').select(['textBody', 'params']).where('domainId', '=', w.d.id).where('template', '=', 'public-view-sign-in').execute();
      expect(kept.length).toBe(1);
      expect(JSON.stringify(kept)).not.toContain(code);
      // The stored row held only a keyed hash.
      await w.d.request({ method: 'POST', url: `${v.path}/sign-out.json`, headers: { 'x-requested-with': 'XMLHttpRequest' }, cookies });
      expect((await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies })).statusCode).toBe(401);
    });

    it('answers an unregistered address exactly like a registered one, and sends nothing (P11)', async () => {
      const { w, v } = await signedInView();
      const known = await askSignIn(w.d, v.path, 'alice@example.com');
      const unknown = await askSignIn(w.d, v.path, 'mallory@example.com');
      expect([unknown.statusCode, unknown.body, Object.keys(unknown.headers).sort()]).toEqual([known.statusCode, known.body, Object.keys(known.headers).sort()]);
      await h().mail.runOnce();
      const queued = await h().services.db.selectFrom('mailOutbox').select('recipient').where('domainId', '=', w.d.id).execute();
      expect(queued.map((q) => q.recipient)).toEqual(['alice@example.com']);
      // Timing floor: both took at least the floor.
      const t0 = performance.now();
      await askSignIn(w.d, v.path, 'nobody@example.com');
      expect(performance.now() - t0).toBeGreaterThanOrEqual(240);
      // In "anyone" mode, the stranger gets a code.
      expect((await setEmailAuth(w, v.id, 'anyone')).statusCode).toBe(200);
      const code = await codeFor(w, v.path, 'mallory@example.com');
      expect((await giveCode(w.d, v.path, 'mallory@example.com', code)).statusCode).toBe(200);
    });

    it('refuses a guessed code after 5 tries, a voided code, and a code past 10 minutes', async () => {
      const { w, v } = await signedInView();
      const code = await codeFor(w, v.path, 'alice@example.com');
      const wrong = code === '000000' ? '111111' : '000000';
      const first = await giveCode(w.d, v.path, 'alice@example.com', wrong);
      for (let i = 0; i < 4; i++) expect((await giveCode(w.d, v.path, 'alice@example.com', wrong)).json().code).toBe('CB_PV32');
      // The fifth wrong try voided it: the right code no longer works, with the same answer.
      const late = await giveCode(w.d, v.path, 'alice@example.com', code);
      expect(shapeOf(late)).toEqual(shapeOf(first));
      // A new code voids the one before.
      const old = await codeFor(w, v.path, 'alice@example.com');
      const fresh = await codeFor(w, v.path, 'alice@example.com');
      if (old !== fresh) expect((await giveCode(w.d, v.path, 'alice@example.com', old)).json().code).toBe('CB_PV32');
      // Expiry.
      const timed = await codeFor(w, v.path, 'alice@example.com');
      h().clock.advance(10 * 60_000 + 1);
      expect((await giveCode(w.d, v.path, 'alice@example.com', timed)).json().code).toBe('CB_PV32');
    });

    it('limits guessing per peer and sends at most 5 codes an hour per address', async () => {
      const { w, v } = await signedInView();
      for (let i = 0; i < 30; i++) await giveCode(w.d, v.path, `x${i}@example.com`, '123456', '203.0.113.9');
      const blocked = await giveCode(w.d, v.path, 'alice@example.com', '123456', '203.0.113.9');
      expect([blocked.statusCode, blocked.json().code]).toEqual([429, 'CB_PV33']);
      const before = countTo('alice@example.com');
      for (let i = 0; i < 7; i++) expect((await askSignIn(w.d, v.path, 'alice@example.com', { remoteAddress: '198.51.100.20' })).statusCode).toBe(200);
      await h().mail.runOnce();
      await smtp().waitFor(() => countTo('alice@example.com') >= before + 5);
      const sent = await h().services.db.selectFrom('mailOutbox').select('id').where('domainId', '=', w.d.id).where('recipient', '=', 'alice@example.com').execute();
      expect(sent.length).toBe(5);
    });
  });

  describe('sign-in links', () => {
    it('work once, only in the browser that asked, within 15 minutes', async () => {
      const { w, v } = await signedInView();
      const before = countTo('alice@example.com');
      const asked = await askSignIn(w.d, v.path, 'alice@example.com', { method: 'link', lang: 'en' });
      const browser = { [BROWSER_COOKIE]: asked.cookies.find((c) => c.name === BROWSER_COOKIE)!.value };
      const mail = await mailTo('alice@example.com', before, (t) => t.includes(v.path));
      expect(mail.subject).toBe('Sign in to "Members"');
      const token = LINK.exec(mail.text ?? '')![1]!;
      expect(mail.text).toContain(`${BASE}${v.path}?signIn=${token}`);
      // Another browser (a forwarded mail, a scanner): refused, and the link still works at home.
      expect((await useLink(w.d, v.path, token)).json().code).toBe('CB_PV32');
      expect((await useLink(w.d, v.path, token, { [BROWSER_COOKIE]: 'x'.repeat(43) })).json().code).toBe('CB_PV32');
      const ok = await useLink(w.d, v.path, token, browser);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: sessionOf(ok) }))).toEqual(['A1', 'A2', 'B1']);
      // Reuse.
      expect((await useLink(w.d, v.path, token, browser)).json().code).toBe('CB_PV32');
      // Expiry.
      const before2 = countTo('alice@example.com');
      await askSignIn(w.d, v.path, 'alice@example.com', { method: 'link', cookies: browser });
      const token2 = LINK.exec((await mailTo('alice@example.com', before2, (t) => t.includes(v.path))).text ?? '')![1]!;
      h().clock.advance(15 * 60_000 + 1);
      expect((await useLink(w.d, v.path, token2, browser)).json().code).toBe('CB_PV32');
    });
  });

  describe('visitor sessions', () => {
    it('open one view only; end when idle, at 12 hours, when e-mail settings change, when removed', async () => {
      const { w, v } = await signedInView();
      const other = await memberView(w, { settings: MEMBER_LIST });
      await setEmailAuth(w, other.id, 'registered');
      await register(w, other.id, [{ email: 'alice@example.com' }]);
      const signIn = async () => sessionOf(await giveCode(w.d, v.path, 'alice@example.com', await codeFor(w, v.path, 'alice@example.com')));
      const cookies = await signIn();
      const read = (path: string, c = cookies) => w.d.request({ method: 'GET', url: `${path}/data.json`, cookies: c });
      expect((await read(v.path)).statusCode).toBe(200);
      // A session of one view opens no other.
      expect((await read(other.path)).json().code).toBe('CB_PV30');
      // Idle 2 hours.
      h().clock.advance(2 * 3_600_000);
      expect((await read(v.path)).statusCode).toBe(401);
      // Absolute 12 hours even when busy.
      const busy = await signIn();
      for (let i = 0; i < 12; i++) {
        h().clock.advance(3_600_000 - 1);
        expect((await read(v.path, busy)).statusCode).toBe(200);
      }
      h().clock.advance(12 * 60_000);
      expect((await read(v.path, busy)).statusCode).toBe(401);
      // A change of the view's e-mail settings ends sessions.
      const again = await signIn();
      await setEmailAuth(w, v.id, 'anyone');
      expect((await read(v.path, again)).statusCode).toBe(401);
      // Removal from the list ends them too.
      await setEmailAuth(w, v.id, 'registered');
      const third = await signIn();
      await w.d.request({ method: 'DELETE', url: '/v1/public-view/visitors.json', as: w.d.admin, payload: { id: v.id, emails: ['alice@example.com'] } });
      expect((await read(v.path, third)).statusCode).toBe(401);
    });

    it('are swept once lapsed, with codes and links', async () => {
      const { w, v } = await signedInView();
      await giveCode(w.d, v.path, 'alice@example.com', await codeFor(w, v.path, 'alice@example.com'));
      await codeFor(w, v.path, 'alice@example.com');
      h().clock.advance(13 * 3_600_000);
      const swept = await sweepVisitorSessions({ db: h().services.db, clock: h().clock.now });
      expect(swept.sessions).toBeGreaterThanOrEqual(1);
      expect(swept.signIns).toBeGreaterThanOrEqual(1);
      const left = await h().services.db.selectFrom('publicViewSessions').select('idHash').where('domainId', '=', w.d.id).execute();
      expect(left).toEqual([]);
    });
  });

  describe('plans', () => {
    it('refuse e-mail sign-in below Premium with a clear error', async () => {
      const w = await memberWorld(h(), 'standard');
      const v = await memberView(w, { settings: MEMBER_LIST });
      const res = await setEmailAuth(w, v.id, 'registered');
      expect([res.statusCode, res.json().code]).toEqual([403, 'CB_PV02']);
      expect(res.json().message).toContain('emailAuth');
      const reg = await w.d.request({ method: 'POST', url: '/v1/public-view/visitors.json', as: w.d.admin, payload: { id: v.id, visitors: [{ email: 'a@example.com' }] } });
      expect([reg.statusCode, reg.json().code]).toEqual([403, 'CB_PV02']);
      // Sign-in endpoints of a view without e-mail sign-in do not exist.
      expect((await askSignIn(w.d, v.path, 'a@example.com')).json().code).toBe('CB_PV05');
    });

    it('close a view with e-mail sign-in after a downgrade rather than open it (P14)', async () => {
      const { w, v } = await signedInView();
      const cookies = sessionOf(await giveCode(w.d, v.path, 'alice@example.com', await codeFor(w, v.path, 'alice@example.com')));
      await setViewPlan(w.d, 'standard');
      for (const url of [`${v.path}/data.json`, `${v.path}/records/${w.ids.A1}.json`]) {
        expect((await w.d.request({ method: 'GET', url })).json().code).toBe('CB_PV05');
        expect((await w.d.request({ method: 'GET', url, cookies })).json().code).toBe('CB_PV05');
      }
    });
  });
});
