// The gates of a public view, checked on every request (spec/security.md §3.5, probes P12–P15):
// its password, its IP allow-list, the app's own credentials ignored under /public/, the headers
// that keep the URL private, and the "busy" answer that protects the rest of the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { expectErrorBody, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { VISITOR_COOKIE as COOKIE, cookieOf, createView, expectNothingHidden, publishedView, viewWorld, visitor } from '../../../test/support/public-views.js';
import { UNLOCK_FAILURES_PER_PEER, VISITOR_REQUESTS_PER_MINUTE } from './public-visit.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('P12: passwords', () => {
    it('unlock one view for one visitor, throttled on the real peer, ended by a new password', async () => {
      const w = await viewWorld(h);
      const x = await publishedView(w, { password: 'open sesame 1' });
      const y = await publishedView(w, { password: 'open sesame 1' });
      expectErrorBody(await visitor(w.d, `${x.path}/data.json`), 401, 'CB_PV07');
      expectErrorBody(await visitor(w.d, `${x.path}/records/${w.ids.Alpha}.json`), 401, 'CB_PV07');
      expectErrorBody(await visitor(w.d, `${x.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 2' } }), 401, 'CB_PV08');
      const unlocked = await visitor(w.d, `${x.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' } });
      expect(unlocked.statusCode, unlocked.body).toBe(200);
      const line = ([] as string[]).concat(unlocked.headers['set-cookie'] ?? []).find((l) => l.startsWith(`${COOKIE}=`))!;
      expect(line).toContain(`Path=${x.path}`);
      expect(line).toMatch(/HttpOnly/);
      expect(line).toMatch(/SameSite=Lax/);
      expect(line).toMatch(/Secure/);
      expect(line).not.toMatch(/Domain=/);
      const cookie = cookieOf(unlocked, COOKIE)!;
      expect((await visitor(w.d, `${x.path}/data.json`, { headers: { cookie } })).statusCode).toBe(200);
      // The same cookie sent to another view with the same password opens nothing.
      expectErrorBody(await visitor(w.d, `${y.path}/data.json`, { headers: { cookie } }), 401, 'CB_PV07');
      // Kept as a hash, as is the password.
      const stored = await h.services.db.selectFrom('publicViewSessions').select('idHash').execute();
      expect(stored.map((s) => s.idHash)).not.toContain(cookie.split('=')[1]);
      const row = await h.services.db.selectFrom('publicViews').select(['passwordHash', 'urlTokenHash']).where('id', '=', x.id).executeTakeFirstOrThrow();
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.urlTokenHash).not.toBe(x.token);

      // Guessing with a new X-Forwarded-For each time is counted on the real peer.
      for (let i = 0; i < UNLOCK_FAILURES_PER_PEER; i++) {
        const res = await visitor(w.d, `${y.path}/unlock.json`, { method: 'POST', payload: { password: `guess ${i}` }, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
        expectErrorBody(res, 401, 'CB_PV08');
      }
      const blocked = await visitor(w.d, `${y.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' }, headers: { 'x-forwarded-for': '203.0.113.77' } });
      expectErrorBody(blocked, 429, 'CB_PV13');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // Another peer is not locked out by it, and view X is not affected.
      expect((await visitor(w.d, `${y.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' }, remoteAddress: '192.0.2.44' })).statusCode).toBe(200);
      expect((await visitor(w.d, `${x.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' } })).statusCode).toBe(200);

      // A new password ends every unlocked visitor of the view.
      const changed = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.d.admin, payload: { id: x.id, password: 'open sesame 3' } });
      expect(changed.statusCode, changed.body).toBe(200);
      expectErrorBody(await visitor(w.d, `${x.path}/data.json`, { headers: { cookie } }), 401, 'CB_PV07');
      const audit = (await w.d.request({ method: 'GET', url: '/v1/audit.json?action=publicView.unlock', as: w.d.admin })).json().entries as Array<{ result: string }>;
      expect(audit.filter((e) => e.result === 'failure').length).toBe(UNLOCK_FAILURES_PER_PEER + 1);
    });
  });

  describe('P13: IP allow-list', () => {
    it('uses the peer address, never headers a client may set', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w, { ipAllow: ['203.0.113.0/24', '2001:db8::/64'] });
      const data = `${v.path}/data.json`;
      for (const headers of [{ 'x-forwarded-for': '203.0.113.5' }, { 'x-real-ip': '203.0.113.5' }, { forwarded: 'for=203.0.113.5' }, {}] as Array<Record<string, string>>) {
        const res = await visitor(w.d, data, { headers, remoteAddress: '198.51.100.7' });
        expectErrorBody(res, 403, 'CB_PV10');
        expectNothingHidden(w, res);
      }
      // Every request is checked: detail, files and unlocking alike.
      expectErrorBody(await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`, { remoteAddress: '198.51.100.7' }), 403, 'CB_PV10');
      expectErrorBody(await visitor(w.d, `${v.path}/unlock.json`, { method: 'POST', payload: { password: 'x' }, remoteAddress: '198.51.100.7' }), 403, 'CB_PV10');
      for (const remoteAddress of ['203.0.113.9', '::ffff:203.0.113.9', '2001:db8::5']) {
        expect((await visitor(w.d, data, { remoteAddress })).statusCode, remoteAddress).toBe(200);
      }
      const link: string = (await visitor(w.d, data, { remoteAddress: '203.0.113.9' })).json().records[0].values.photo.value[0].url;
      expectErrorBody(await visitor(w.d, link, { remoteAddress: '198.51.100.7' }), 403, 'CB_PV10');
    });

    it('behind a trusted proxy, takes the right-most untrusted hop', async () => {
      const proxied = await startApp(database(), { TRUST_PROXY: '10.9.9.9' });
      try {
        const w = await viewWorld(proxied);
        const v = await publishedView(w, { ipAllow: ['203.0.113.0/24'] });
        const via = (xff: string, remoteAddress = '10.9.9.9') => visitor(w.d, `${v.path}/data.json`, { headers: { 'x-forwarded-for': xff }, remoteAddress });
        expect((await via('203.0.113.5')).statusCode).toBe(200);
        expect((await via('203.0.113.5, 198.51.100.7')).statusCode).toBe(403);
        expect((await via('203.0.113.5', '198.51.100.8')).statusCode).toBe(403);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('P15: headers and cookies', () => {
    it('keeps the URL out of referrers and indexes, and never touches the app session', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const hidden = await createView(w);
      const session = await signInBrowser(w.d, w.d.admin);
      const answers = [
        await visitor(w.d, `${v.path}/data.json`),
        await visitor(w.d, `${v.path}/records/${w.ids.Gamma}.json`),
        await visitor(w.d, `/public/${'C'.repeat(43)}/data.json`),
        await visitor(w.d, `${v.path}/data.json`, { headers: { cookie: session.cookie } }),
      ];
      for (const res of answers) {
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-robots-tag']).toMatch(/noindex/);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      // A signed-in administrator is an anonymous visitor here: the same page, and an
      // unpublished view stays unpublished for them too — by cookie or by password header.
      expect(answers[3]!.body).toBe(answers[0]!.body);
      expectErrorBody(await visitor(w.d, `${hidden.path}/data.json`, { headers: { cookie: session.cookie } }), 404, 'CB_PV05');
      expectErrorBody(await w.d.request({ method: 'GET', url: `${hidden.path}/data.json`, as: w.d.admin }), 404, 'CB_PV05');
      // Broken app credentials do not break the page either.
      const odd = await visitor(w.d, `${v.path}/data.json`, { headers: { cookie: '__Host-engawa_sid=garbage', 'x-cybozu-authorization': 'bm90OnJpZ2h0', 'x-cybozu-api-token': 'nope' } });
      expect(odd.statusCode, odd.body).toBe(200);
      // The session still works where it belongs.
      expect((await w.d.request({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    });
  });

  describe('busy', () => {
    it('answers 429 with Retry-After (a page for browsers) without touching the rest of the server', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const peer = '192.0.2.99';
      for (let i = 0; i < VISITOR_REQUESTS_PER_MINUTE; i++) expect((await visitor(w.d, `${v.path}/data.json`, { remoteAddress: peer })).statusCode).toBe(200);
      const busy = await visitor(w.d, `${v.path}/data.json`, { remoteAddress: peer });
      expectErrorBody(busy, 429, 'CB_PV06');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
      const page = await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`, { remoteAddress: peer, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.statusCode).toBe(429);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('Busy right now');
      expect(page.headers['retry-after']).toBeDefined();
      // Other visitors still get the view; the domain's own API is untouched.
      expect((await visitor(w.d, `${v.path}/data.json`, { remoteAddress: '192.0.2.100' })).statusCode).toBe(200);
      expect((await w.d.request({ method: 'GET', url: `/k/v1/records.json?app=${w.app}`, as: w.d.admin })).statusCode).toBe(200);
      // The plan's requests per minute bound the view for everyone (light, standard: 1,000).
      for (let i = 0; i < 1_000; i++) await h.limiter.hit(`pv:view:${w.d.id}:${v.id}`, 1_000, 60_000);
      expectErrorBody(await visitor(w.d, `${v.path}/data.json`, { remoteAddress: '192.0.2.101' }), 429, 'CB_PV06');
      h.clock.advance(61_000);
      expect((await visitor(w.d, `${v.path}/data.json`, { remoteAddress: peer })).statusCode).toBe(200);
    });
  });
});
