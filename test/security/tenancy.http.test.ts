// Hostile probes T1–T6 (spec/security.md §3.1): one process serves every domain, so the Host
// header and the session's domain are all that keep tenants apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFirstRun } from '../../server/domain/auth/first-run.js';
import { createDomain } from '../../server/domain/domains/create-domain.js';
import { type Harness, newDomain, startApp } from '../support/app.js';
import { SESSION_COOKIE, XHR, expectErrorBody, setCookieLine, signInBrowser } from '../support/browser.js';
import { eachDatabase, openTestDatabase } from '../support/db.js';

const codes = (res: { json(): { users: Array<{ code: string }> } }) => res.json().users.map((u) => u.code);

eachDatabase((database, kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
    await newDomain(h); // once any host is bound, the install is multi-tenant
  });
  afterAll(async () => h.close());

  describe('T1 unknown Host is refused before routing', () => {
    it('answers 421 CB_HO01 for an unknown host, on known and unknown paths alike', async () => {
      const d = await newDomain(h);
      for (const url of ['/v1/users.json', '/api/session', '/no/such/route', '/api/setup']) {
        const res = await h.app.inject({ method: 'GET', url, headers: { host: 'unknown.example', 'x-cybozu-authorization': d.admin.auth } });
        expectErrorBody(res, 421, 'CB_HO01');
      }
      const post = await h.app.inject({ method: 'POST', url: '/api/session', headers: { host: 'unknown.example', ...XHR }, payload: { login: 'admin', password: d.admin.password } });
      expectErrorBody(post, 421, 'CB_HO01');
      expect(setCookieLine(post)).toBeUndefined();
    });

    it('answers 421 for IP literals and malformed hosts', async () => {
      for (const host of ['127.0.0.1', '127.0.0.1:3000', '[::1]', '[::1]:3000', '10.0.0.1', 'localhost', 'a..b', '-x.example']) {
        expectErrorBody(await h.app.inject({ method: 'GET', url: '/api/setup', headers: { host } }), 421, 'CB_HO01');
      }
    });

    it('ignores X-Forwarded-Host and Forwarded from a peer that is not a configured proxy', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      await b.addUser('only-in-b');
      const rescued = await h.app.inject({
        method: 'GET',
        url: '/v1/users.json',
        headers: { host: 'unknown.example', 'x-forwarded-host': a.host, forwarded: `host=${a.host}`, 'x-cybozu-authorization': a.admin.auth },
      });
      expectErrorBody(rescued, 421, 'CB_HO01');
      const redirected = await a.request({ method: 'GET', url: '/v1/users.json', as: a.admin, headers: { 'x-forwarded-host': b.host } });
      expect(redirected.statusCode).toBe(200);
      expect(codes(redirected)).not.toContain('only-in-b');
    });

    it('honours X-Forwarded-Host only from an address listed in TRUST_PROXY', async () => {
      const proxied = await startApp(database(), { TRUST_PROXY: '10.9.9.9' });
      try {
        const host = (await newDomain(proxied)).host;
        const ask = (remoteAddress: string) =>
          proxied.app.inject({ method: 'GET', url: '/api/setup', remoteAddress, headers: { host: 'unknown.example', 'x-forwarded-host': host } });
        expect((await ask('10.9.9.9')).statusCode).toBe(200);
        expectErrorBody(await ask('10.9.9.10'), 421, 'CB_HO01');
      } finally {
        await proxied.close();
      }
    });

    it('lets the default domain answer any host while no domain is bound to a host', async () => {
      const fresh = await openTestDatabase(kind);
      const single = await startApp(fresh);
      try {
        const first = await prepareFirstRun(single.services);
        expect(first.state).toBe('setup-link');
        for (const host of ['engawa.intranet', '192.0.2.10', '192.0.2.10:8080', 'localhost:3000']) {
          const res = await single.app.inject({ method: 'GET', url: '/api/setup', headers: { host } });
          expect(res.statusCode, host).toBe(200);
          expect(res.json()).toEqual({ required: true });
        }
        await createDomain(single.services, { name: 'Bound', hosts: ['bound.example'] });
        expectErrorBody(await single.app.inject({ method: 'GET', url: '/api/setup', headers: { host: 'other.intranet' } }), 421, 'CB_HO01');
        expectErrorBody(await single.app.inject({ method: 'GET', url: '/api/setup', headers: { host: '192.0.2.11' } }), 421, 'CB_HO01');
        const bound = await single.app.inject({ method: 'GET', url: '/api/setup', headers: { host: 'Bound.Example.' } });
        expect(bound.json()).toEqual({ required: false });
      } finally {
        await single.close();
        await fresh.close();
      }
    });
  });

  describe('T2 a session cookie is bound to its domain', () => {
    it('answers 401 CB_AU01 when domain A’s cookie is sent to domain B', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      const s = await signInBrowser(a, a.admin);
      const onB = { cookie: s.cookie, ...XHR, 'x-request-token': s.csrfToken };
      expectErrorBody(await b.request({ method: 'GET', url: '/api/session', headers: onB }), 401, 'CB_AU01');
      expectErrorBody(await b.request({ method: 'GET', url: '/v1/users.json', headers: onB }), 401, 'CB_AU01');
      const put = await b.request({ method: 'PUT', url: '/v1/users.json', headers: onB, payload: { users: [{ code: 'member', name: 'Hijacked' }] } });
      expectErrorBody(put, 401, 'CB_AU01');
      const bUsers = await b.request({ method: 'GET', url: '/v1/users.json', as: b.admin });
      expect(bUsers.json().users.find((u: { code: string }) => u.code === 'member').name).toBe('member');
      expect((await a.request({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    });
  });

  describe('T3 the same numeric ids in two domains never cross', () => {
    it('A’s administrator cannot read, list, change or delete B’s users by id or code', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      const onlyB = await b.addUser('only-in-b');
      expect([a.admin.id, a.member.id]).toEqual([b.admin.id, b.member.id]);

      const byId = await a.request({ method: 'GET', url: `/v1/users.json?ids[0]=${onlyB.id}`, as: a.admin });
      expect(byId.json().users).toEqual([]);
      const byCode = await a.request({ method: 'GET', url: '/v1/users.json?codes[0]=only-in-b', as: a.admin });
      expect(byCode.json().users).toEqual([]);
      const put = await a.request({ method: 'PUT', url: '/v1/users.json', as: a.admin, payload: { users: [{ code: 'only-in-b', valid: false }] } });
      expect(Object.keys(expectErrorBody(put, 400, 'CB_VA01').errors as object)).toEqual(['users[0].code']);
      const del = await a.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=only-in-b', as: a.admin });
      expectErrorBody(del, 400, 'CB_VA01');

      // Same id, same code: A's change lands on A's member and nowhere else.
      await a.request({ method: 'PUT', url: '/v1/users.json', as: a.admin, payload: { users: [{ code: 'member', name: 'A member', password: 'changed in A only' }] } });
      await a.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=member', as: a.admin });
      const bAfter = await b.request({ method: 'GET', url: `/v1/users.json?ids[0]=${b.member.id}&ids[1]=${onlyB.id}`, as: b.admin });
      expect(bAfter.json().users).toMatchObject([
        { code: 'member', name: 'member', valid: true },
        { code: 'only-in-b', valid: true },
      ]);
      expect((await b.request({ method: 'GET', url: '/api/session', as: b.member })).statusCode).toBe(200);
    });
  });

  describe('T5 our session cookie is __Host- prefixed and ignores look-alikes', () => {
    it('sets __Host-engawa_sid with Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: 'member', password: d.member.password } });
      const line = setCookieLine(res);
      expect(line).toBeDefined();
      const attrs = line!.split(';').slice(1).map((a) => a.trim().toLowerCase());
      expect(attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
      expect(attrs.some((a) => a.startsWith('domain'))).toBe(false);
      expect(line!.split(';')[0]!.split('=')[1]!.length).toBeGreaterThanOrEqual(43); // 256 bits
    });

    it('does not accept the session under any other cookie name', async () => {
      const d = await newDomain(h);
      const s = await signInBrowser(d, d.member);
      for (const cookie of [`engawa_sid=${s.token}`, `__Secure-engawa_sid=${s.token}`, `__host-engawa_sid=${s.token}`, `${SESSION_COOKIE}x=${s.token}`]) {
        expectErrorBody(await d.request({ method: 'GET', url: '/api/session', headers: { cookie } }), 401, 'CB_AU01');
      }
    });
  });

  describe('T6 lists never show another domain’s rows', () => {
    it('users and audit entries of B never appear to A’s administrator', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      await b.addUser('only-in-b');
      await b.request({ method: 'POST', url: '/api/session', headers: { ...XHR, 'user-agent': 'probe-t6' }, payload: { login: 'only-in-b', password: 'wrong' } });
      const users = await a.request({ method: 'GET', url: '/v1/users.json?size=100', as: a.admin });
      expect(codes(users)).toEqual(['admin', 'member']);
      const audit = await a.request({ method: 'GET', url: '/v1/audit.json?limit=500', as: a.admin });
      const text = JSON.stringify(audit.json());
      for (const trace of ['only-in-b', 'probe-t6', b.id]) expect(text).not.toContain(trace);
      expect(audit.json().entries.length).toBe(Number(audit.json().totalCount));
    });
  });
});
