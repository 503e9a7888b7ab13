// The IP allow-list (probe A5/A6): regular users and API tokens from outside it are refused —
// by password header, session or sign-in — while guests, public pages and people inside pass.
// The client address is the TCP peer unless that peer is a trusted proxy (TRUST_PROXY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

const OUTSIDE = '203.0.113.50';
const SETTINGS = '/v1/security/settings.json';

eachDatabase((database) => {
  let h: Harness;
  let proxied: Harness;
  beforeAll(async () => {
    h = await startApp(database());
    proxied = await startApp(database(), { TRUST_PROXY: '10.9.9.9,fd00::/8' });
  });
  afterAll(async () => {
    await h.close();
    await proxied.close();
  });

  async function restricted(d: TestDomain, allow: string[] = ['127.0.0.1']) {
    const res = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, payload: { ipRestriction: { enabled: true, allow } } });
    expect(res.statusCode, res.body).toBe(200);
  }
  const fromOutside = { remoteAddress: OUTSIDE };
  const blocked = async (d: TestDomain) =>
    h.services.db.selectFrom('auditLog').select(['actorKind', 'actorCode', 'ip', 'detail', 'result']).where('domainId', '=', d.id).where('action', '=', 'access.blocked').orderBy('at').execute();

  describe('IP allow-list', () => {
    it('refuses users by password header and session from outside, and lets them in from inside', async () => {
      const d = await newDomain(h);
      const session = await signInBrowser(d, d.member);
      await restricted(d);
      const inside = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
      expect(inside.statusCode, inside.body).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } })).statusCode).toBe(200);

      const header = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin, ...fromOutside });
      expect([header.statusCode, header.json().code]).toEqual([403, 'CB_IP01']);
      expect(header.json().message).toMatch(/not allowed/);
      const cookie = await d.request({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie }, ...fromOutside });
      expect([cookie.statusCode, cookie.json().code]).toEqual([403, 'CB_IP01']);
      const ja = await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, headers: { 'accept-language': 'ja' }, ...fromOutside });
      expect(ja.json().message).toContain('許可されていません');
    });

    it('answers a wrong, a right and an unknown password alike from outside (nothing about the account leaks)', async () => {
      const d = await newDomain(h);
      await restricted(d);
      const answers = [];
      for (const [login, password] of [['member', PASSWORD], ['member', 'wrong password'], ['nobody', PASSWORD]] as const) {
        const auth = Buffer.from(`${login}:${password}`).toString('base64');
        const viaHeader = await d.request({ method: 'GET', url: '/k/v1/apps.json', headers: { 'x-cybozu-authorization': auth }, ...fromOutside });
        const viaPage = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password }, ...fromOutside });
        answers.push([viaHeader.statusCode, viaHeader.json().code, viaPage.statusCode, viaPage.json().code, viaPage.headers['set-cookie']]);
      }
      expect(answers).toEqual(Array(3).fill([403, 'CB_IP01', 403, 'CB_IP01', undefined]));
      // The sign-in page refused before the password was looked at: no failed login counted.
      const failures = await h.services.db.selectFrom('users').select('failedLogins').where('domainId', '=', d.id).where('code', '=', 'member').executeTakeFirstOrThrow();
      expect(Number(failures.failedLogins)).toBe(0);
    });

    it('refuses API tokens from outside', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.admin, payload: { app, rights: { view: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      await restricted(d);
      const headers = { 'x-cybozu-api-token': made.json().token as string };
      expect((await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, headers })).statusCode).toBe(200);
      const out = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, headers, ...fromOutside });
      expect([out.statusCode, out.json().code]).toEqual([403, 'CB_IP01']);
    });

    it('never restricts guests: guest sign-in, guest session and guest header from outside all work', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const space = await seedSpace(h, d, { admins: [d.admin] });
      await setSpaceGuests(d, space, [g]);
      await restricted(d);
      const url = `/k/guest/${space}/v1/space.json?id=${space}`;
      const viaHeader = await d.request({ method: 'GET', url, as: g, ...fromOutside });
      expect(viaHeader.statusCode, viaHeader.body).toBe(200);
      const signIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password: PASSWORD, guest: true }, ...fromOutside });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const cookie = signIn.headers['set-cookie']!.toString().split(';')[0]!;
      expect((await d.request({ method: 'GET', url, headers: { cookie }, ...fromOutside })).statusCode).toBe(200);
      // A user on the guest space's path is still a user (A5), and cannot use the guest page.
      const user = await d.request({ method: 'GET', url, as: d.admin, ...fromOutside });
      expect(user.json().code).toBe('CB_IP01');
      const userOnGuestPage = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: 'member', password: PASSWORD, guest: true }, ...fromOutside });
      expect(userOnGuestPage.json().code).toBe('CB_WA01');
    });

    it('keeps public routes reachable from outside', async () => {
      const d = await newDomain(h);
      await restricted(d);
      expect((await h.app.inject({ method: 'GET', url: '/healthz', ...fromOutside })).statusCode).toBe(200);
      const setup = await d.request({ method: 'GET', url: '/api/setup', ...fromOutside });
      expect(setup.statusCode, setup.body).toBe(200);
      expect((await d.request({ method: 'GET', url: '/k/v1/apps.json', ...fromOutside })).json().code).toBe('CB_AU01');
    });

    it('matches IPv6, IPv4-mapped IPv6 and CIDR ranges', async () => {
      const d = await newDomain(h);
      await restricted(d, ['127.0.0.1', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);
      const status = async (remoteAddress: string) => (await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, remoteAddress })).statusCode;
      const seen = [];
      for (const addr of ['10.200.1.1', '::ffff:10.0.0.9', '2001:db8:5::1', '192.0.2.7', '::ffff:192.0.2.7', '11.0.0.1', '2001:db9::1', '192.0.2.8', '::1']) {
        seen.push([addr, await status(addr)]);
      }
      expect(seen).toEqual([
        ['10.200.1.1', 200],
        ['::ffff:10.0.0.9', 200],
        ['2001:db8:5::1', 200],
        ['192.0.2.7', 200],
        ['::ffff:192.0.2.7', 200],
        ['11.0.0.1', 403],
        ['2001:db9::1', 403],
        ['192.0.2.8', 403],
        ['::1', 403],
      ]);
    });

    it('shows a browser opening a page a readable page', async () => {
      const d = await newDomain(h);
      const session = await signInBrowser(d, d.member);
      await restricted(d);
      const res = await d.request({ method: 'GET', url: '/k/', headers: { cookie: session.cookie, accept: 'text/html,*/*' }, ...fromOutside });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Access from this network is not allowed');
      expect(res.body).toContain('CB_IP01');
      // An administrator shut out can ask for the link that lifts the restriction (web app page).
      expect(res.body).toContain('<a href="/allow-list-reset">');
    });

    it('audits blocked requests, once a minute per address and reason', async () => {
      const d = await newDomain(h);
      await restricted(d);
      for (let i = 0; i < 5; i++) await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, ...fromOutside });
      await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, remoteAddress: '203.0.113.51' });
      const rows = await blocked(d);
      // One clock instant for all of them: compare in address order.
      expect(rows.map((r) => [r.ip, r.result]).sort()).toEqual([
        [OUTSIDE, 'failure'],
        ['203.0.113.51', 'failure'],
      ]);
      const first = rows.find((r) => r.ip === OUTSIDE)!;
      expect(typeof first.detail === 'string' ? JSON.parse(first.detail) : first.detail).toMatchObject({ address: OUTSIDE, reason: 'network', path: '/k/v1/apps.json' });
      h.clock.advance(61_000);
      await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, ...fromOutside });
      expect(await blocked(d)).toHaveLength(3);
    });
  });

  describe('saving the allow-list', () => {
    it('refuses a list that would shut out the administrator saving it', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, payload: { ipRestriction: { enabled: true, allow: ['192.0.2.0/24'] } } });
      expect([res.statusCode, res.json().code]).toEqual([400, 'CB_VA01']);
      expect(res.json().errors).toEqual({ 'ipRestriction.allow': { messages: [expect.stringContaining('127.0.0.1')] } });
      expect((await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member })).statusCode).toBe(200);
      // From an allowed address of that list it is fine.
      const ok = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, remoteAddress: '192.0.2.9', payload: { ipRestriction: { enabled: true, allow: ['192.0.2.0/24'] } } });
      expect(ok.statusCode, ok.body).toBe(200);
    });
  });

  describe('client address behind proxies', () => {
    it('ignores X-Forwarded-For from an untrusted peer and believes a trusted one', async () => {
      const d = await newDomain(proxied);
      const res = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, payload: { ipRestriction: { enabled: true, allow: ['127.0.0.1', '198.51.100.0/24'] } } });
      expect(res.statusCode, res.body).toBe(200);
      const status = async (remoteAddress: string, forwarded: string) =>
        (await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, remoteAddress, headers: { 'x-forwarded-for': forwarded } })).statusCode;
      expect(await status(OUTSIDE, '198.51.100.5')).toBe(403);
      expect(await status(OUTSIDE, '127.0.0.1')).toBe(403);
      expect(await status('10.9.9.9', '198.51.100.5')).toBe(200);
      expect(await status('fd00::1', '198.51.100.5')).toBe(200);
      expect(await status('10.9.9.9', OUTSIDE)).toBe(403);
      // The client's own claim in front of the proxy's entry changes nothing.
      expect(await status('10.9.9.9', `198.51.100.5, ${OUTSIDE}`)).toBe(403);
    });
  });
});
