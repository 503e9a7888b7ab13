// Live events (GET /api/events): who may open a stream, how many, and when it ends — at once on
// sign-out, a password change, suspension, revocation or removal from the watched guest space
// (A17, G12, G14), at its session's idle limit however long it stays open (heartbeats are not
// activity), and cleanly when the server shuts down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Persona, type TestDomain, basicAuth, newDomain } from '../../../test/support/app.js';
import { type BrowserSession, SESSION_COOKIE, XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { type LiveHarness, type SseStream, openStream, startLiveApp } from '../../../test/support/live.js';
import { addSpace } from '../../../test/support/spaces.js';

const HOUR = 3_600_000;

eachDatabase((database) => {
  let h: LiveHarness;
  beforeAll(async () => {
    // Periodic checks far apart: whatever closes a stream within a second here is the bus.
    h = await startLiveApp(database(), { live: { perSession: 2, perUser: 3, perIp: 5, revalidateMs: 60_000 } });
  });
  afterAll(async () => h.close());

  async function signInGuest(d: TestDomain, g: Persona): Promise<BrowserSession> {
    const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password: PASSWORD, guest: true } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    return { token: cookie.value, csrfToken: res.json().csrfToken, cookie: `${cookie.name}=${cookie.value}` };
  }

  async function watch(d: TestDomain, s: { cookie: string }, query = ''): Promise<SseStream> {
    const stream = await openStream(h, d.host, { cookie: s.cookie, query });
    expect(stream.status, stream.raw()).toBe(200);
    await stream.next((m) => m.kind === 'ready');
    return stream;
  }

  /**
   * Runs `act`, then waits (up to `patience` ms) for the stream to end: answers how long after
   * `act` returned it did, or Infinity.
   */
  async function closesAfter(stream: SseStream, act: () => Promise<{ statusCode: number; body: string }>, patience = 3_000): Promise<number> {
    const res = await act();
    expect(res.statusCode, res.body).toBe(200);
    const done = Date.now();
    const closedAt = await Promise.race([stream.closed, new Promise<number>((r) => setTimeout(() => r(Infinity), patience))]);
    return closedAt - done;
  }

  describe('who may open a stream', () => {
    it('answers a signed-in browser with a stream, and refuses everything else like other APIs', async () => {
      const d = await newDomain(h);
      expect((await openStream(h, d.host)).status).toBe(401);
      const anonymous = await openStream(h, d.host, { cookie: `${SESSION_COOKIE}=${'x'.repeat(43)}` });
      expect([anonymous.status, anonymous.body().code]).toEqual([401, 'CB_AU01']);
      // A password header is no session: nothing could end the stream with it.
      const header = await openStream(h, d.host, { headers: { 'x-cybozu-authorization': basicAuth('member', PASSWORD) } });
      expect([header.status, header.body().code]).toEqual([403, 'CB_NO02']);
      // Another site's page may not hold streams, though it could not read them.
      const s = await signInBrowser(d, d.member);
      const crossSite = await openStream(h, d.host, { cookie: s.cookie, headers: { 'sec-fetch-site': 'cross-site' } });
      expect([crossSite.status, crossSite.body().code]).toEqual([403, 'CB_CS01']);
      const foreign = await openStream(h, d.host, { cookie: s.cookie, headers: { origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      const ok = await openStream(h, d.host, { cookie: s.cookie, headers: { 'sec-fetch-site': 'same-origin' } });
      expect(ok.status).toBe(200);
      ok.close();
    });

    it('refuses an API token, a half-signed-in browser and a session whose password expired, with 401 or 403 as elsewhere', async () => {
      const d = await newDomain(h);
      const app = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.member, payload: { name: 'App' } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.member, payload: { app: app.json().app, rights: { view: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app: app.json().app }] } });
      const token = await openStream(h, d.host, { headers: { 'x-cybozu-api-token': made.json().token } });
      expect([token.status, token.body().code]).toEqual([403, 'GAIA_NO01']);

      // Two-step for guests: the password alone opens no session, so nothing to stream with (A9).
      expect((await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { guestTwoStep: true } })).statusCode).toBe(200);
      const g = await addGuest(d, 'half@example.com');
      const half = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password: PASSWORD, guest: true } });
      expect(half.json().twoStep.kind).toBe('email');
      expect(half.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      const challenge = await openStream(h, d.host, { cookie: `${SESSION_COOKIE}=${half.json().twoStep.challenge}` });
      expect([challenge.status, challenge.body().code]).toEqual([401, 'CB_AU01']);

      const policy = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { passwordPolicy: { expiryDays: 1 } } });
      expect(policy.statusCode, policy.body).toBe(200);
      h.clock.advance(25 * HOUR);
      const expired = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: 'member', password: PASSWORD } });
      expect(expired.json().passwordExpired).toBe(true);
      const pending = await openStream(h, d.host, { cookie: `${SESSION_COOKIE}=${expired.cookies.find((c) => c.name === SESSION_COOKIE)!.value}` });
      expect([pending.status, pending.body().code]).toEqual([401, 'CB_PE01']);
    });

    it('takes only the topics it knows, in bounded numbers, and says no more than "invalid"', async () => {
      const d = await newDomain(h);
      const s = await signInBrowser(d, d.member);
      for (const query of ['thread=*', 'thread=0', 'user=1', 'record=5', `thread=${Array.from({ length: 21 }, (_, i) => i + 1).join(',')}`]) {
        const res = await openStream(h, d.host, { cookie: s.cookie, query });
        expect([query, res.status, res.body().code]).toEqual([query, 400, 'CB_VA01']);
      }
      const many = await watch(d, s, 'thread=1&thread=2&app=3&record=3:4&record=5:6');
      many.close();
    });
  });

  describe('caps (D7)', () => {
    it('allows so many streams per session, per person and per address, then answers 429', async () => {
      const d = await newDomain(h);
      const one = await signInBrowser(d, d.member);
      const two = await signInBrowser(d, d.member);
      const open: SseStream[] = [await watch(d, one), await watch(d, one)];
      const third = await openStream(h, d.host, { cookie: one.cookie });
      expect([third.status, third.body().code, third.headers['retry-after']]).toEqual([429, 'CB_TM01', '1']);
      open.push(await watch(d, two));
      const fourth = await openStream(h, d.host, { cookie: two.cookie });
      expect([fourth.status, fourth.body().code]).toEqual([429, 'CB_TM01']);
      // A closed stream gives its place back.
      open.shift()!.close();
      await new Promise((r) => setTimeout(r, 50));
      open.push(await watch(d, two));
      // Two more people from the same address: the fifth stream from it is the last.
      open.push(await watch(d, await signInBrowser(d, d.admin)));
      const other = await d.addUser('other');
      open.push(await watch(d, await signInBrowser(d, other)));
      const sixth = await openStream(h, d.host, { cookie: (await signInBrowser(d, other)).cookie });
      expect([sixth.status, sixth.body().code]).toEqual([429, 'CB_TM01']);
      for (const s of open) s.close();
    });
  });

  describe('streams end with their session (A17, G12, G14)', () => {
    it('closes within a second on sign-out, with a last word', async () => {
      const d = await newDomain(h);
      const s = await signInBrowser(d, d.member);
      const stream = await watch(d, s);
      const ms = await closesAfter(stream, () => d.request({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie, ...XHR, 'x-request-token': s.csrfToken } }));
      expect(ms).toBeLessThan(1_000);
      expect(stream.messages.at(-1)).toEqual({ kind: 'session.ended' });
    });

    it('closes every stream of a user within a second when an administrator changes the password or suspends the user, but not the bystander’s', async () => {
      const d = await newDomain(h);
      const laptop = await watch(d, await signInBrowser(d, d.member));
      const phone = await watch(d, await signInBrowser(d, d.member));
      const bystander = await watch(d, await signInBrowser(d, d.admin));
      const change = () => d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', password: 'a completely new one' }] } });
      expect(await closesAfter(laptop, change)).toBeLessThan(1_000);
      expect((await phone.closed) - Date.now()).toBeLessThan(1_000);

      const again = await watch(d, await signInBrowser(d, { code: 'member', password: 'a completely new one' }));
      const suspend = () => d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', valid: false }] } });
      expect(await closesAfter(again, suspend)).toBeLessThan(1_000);
      expect(bystander.isClosed()).toBe(false);
      bystander.close();
    });

    it('keeps the stream of the session that changed its own password, and closes the others', async () => {
      const d = await newDomain(h);
      const here = await signInBrowser(d, d.admin);
      const mine = await watch(d, here);
      const elsewhere = await watch(d, await signInBrowser(d, d.admin));
      const own = () =>
        d.request({ method: 'PUT', url: '/v1/users.json', headers: { cookie: here.cookie, ...XHR }, payload: { users: [{ code: 'admin', password: 'my own new password' }], currentPassword: d.admin.password, __REQUEST_TOKEN__: here.csrfToken } });
      expect(await closesAfter(elsewhere, own)).toBeLessThan(1_000);
      expect(mine.isClosed()).toBe(false);
      mine.close();
    });

    it('closes a guest’s stream within a second on suspension, and on removal from the guest space it watches', async () => {
      const d = await newDomain(h);
      const A = await addSpace(d, d.admin, { name: 'A', isGuest: true });
      const g = await addGuest(d, 'g@partner.example');
      const other = await addGuest(d, 'other@partner.example');
      await setSpaceGuests(d, A.id, [g, other]);
      const gs = await signInGuest(d, g);
      const watching = await watch(d, gs, `thread=${A.defaultThread}`);
      // Another guest leaving changes nothing for this one.
      expect(await closesAfter(watching, () => setSpaceGuests(d, A.id, [g]).then(() => ({ statusCode: 200, body: '' })), 600)).toBe(Infinity);
      expect(await closesAfter(watching, () => setSpaceGuests(d, A.id, []).then(() => ({ statusCode: 200, body: '' })))).toBeLessThan(1_000);

      const os = await signInGuest(d, other);
      const stream = await watch(d, os);
      const suspend = () => d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: other.code, valid: false }] } });
      expect(await closesAfter(stream, suspend)).toBeLessThan(1_000);
      expect(stream.messages.at(-1)).toEqual({ kind: 'session.ended' });
    });

    it('closes within a second when an administrator ends the session', async () => {
      const d = await newDomain(h);
      const stream = await watch(d, await signInBrowser(d, d.member));
      const revoke = () => d.request({ method: 'DELETE', url: '/v1/sessions.json', as: d.admin, payload: { code: 'member' } });
      expect(await closesAfter(stream, revoke)).toBeLessThan(1_000);
    });
  });
});

eachDatabase((database) => {
  describe('heartbeats and shutdown', () => {
    let h: LiveHarness;
    beforeAll(async () => {
      h = await startLiveApp(database());
    });
    afterAll(async () => h.close());

    it('sends `: ping` comments on a quiet stream, which never keep the session alive: it ends at its idle limit', async () => {
      const d = await newDomain(h);
      const s = await signInBrowser(d, d.member);
      const seen = async () =>
        (await h.services.db.selectFrom('sessions').select('lastSeenAt').where('domainId', '=', d.id).executeTakeFirstOrThrow()).lastSeenAt;
      const before = await seen();
      h.clock.advance(23 * HOUR);
      // Opening the stream is no activity either.
      const stream = await openStream(h, d.host, { cookie: s.cookie });
      await stream.next((m) => m.kind === 'ready');
      while (stream.comments.filter((c) => c === 'ping').length < 2) await new Promise((r) => setTimeout(r, 50));
      expect(await seen()).toEqual(before);
      expect(stream.isClosed()).toBe(false);
      h.clock.advance(HOUR);
      await stream.closed;
      expect(stream.messages.at(-1)).toEqual({ kind: 'session.ended' });
    });

    it('ends its streams when the server shuts down, without holding the shutdown up', async () => {
      const own = await startLiveApp(database(), { live: { heartbeatMs: 60_000, revalidateMs: 60_000 } });
      const d = await newDomain(own);
      const stream = await openStream(own, d.host, { cookie: (await signInBrowser(d, d.member)).cookie });
      await stream.next((m) => m.kind === 'ready');
      expect(own.app.liveStreams.size).toBe(1);
      const started = Date.now();
      await own.close();
      expect(Date.now() - started).toBeLessThan(2_000);
      await stream.closed;
      expect(own.app.liveStreams.size).toBe(0);
    });
  });
});
