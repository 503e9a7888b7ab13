// Hostile probes on cross-site requests and method tunnelling (spec/security.md §3.6 A13, A14):
// a cookie rides along with every request a browser makes, so an unsafe request must prove it
// came from our own page; and no GET may be turned into a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../support/app.js';
import { type BrowserSession, XHR, expectErrorBody, setCookieLine, signInBrowser } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';

async function userCodes(d: TestDomain): Promise<string[]> {
  const res = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
  return res.json().users.map((u: { code: string }) => u.code);
}

async function memberName(d: TestDomain): Promise<string> {
  const res = await d.request({ method: 'GET', url: '/v1/users.json?codes[0]=member', as: d.admin });
  return res.json().users[0].name;
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('A13 cookie-authenticated changes need the request token and a same-origin caller', () => {
    let d: TestDomain;
    let s: BrowserSession;
    let good: Record<string, string>;
    beforeAll(async () => {
      d = await newDomain(h);
      s = await signInBrowser(d, d.admin);
      good = { cookie: s.cookie, ...XHR, origin: `http://${d.host}`, 'sec-fetch-site': 'same-origin' };
    });

    it('refuses PUT, POST and DELETE without a token, with a wrong or foreign one, and changes nothing', async () => {
      const foreign = await signInBrowser(d, d.member);
      const badTokens: Array<string | undefined> = [undefined, '', 'x'.repeat(43), foreign.csrfToken, `${s.csrfToken} `];
      for (const token of badTokens) {
        const put = await d.request({
          method: 'PUT',
          url: '/v1/users.json',
          headers: good,
          payload: { users: [{ code: 'member', name: 'Changed' }], ...(token === undefined ? {} : { __REQUEST_TOKEN__: token }) },
        });
        expectErrorBody(put, 403, 'CB_CS01');
        const post = await d.request({
          method: 'POST',
          url: '/v1/users.json',
          headers: { ...good, ...(token === undefined ? {} : { 'x-request-token': token }) },
          payload: { users: [{ code: 'eve', name: 'Eve', email: 'eve@example.com', password: 'long enough password' }] },
        });
        expectErrorBody(post, 403, 'CB_CS01');
        const query = token === undefined ? '' : `&__REQUEST_TOKEN__=${encodeURIComponent(token)}`;
        const del = await d.request({ method: 'DELETE', url: `/v1/users.json?codes[0]=member${query}`, headers: good });
        expectErrorBody(del, 403, 'CB_CS01');
      }
      expect(await memberName(d)).toBe('member');
      expect(await userCodes(d)).toEqual(['admin', 'member']);
    });

    it('refuses a correct token without X-Requested-With or from a cross-site origin', async () => {
      const { 'x-requested-with': _xhr, ...noXhr } = good;
      const variants: Array<Record<string, string>> = [
        noXhr,
        { ...good, 'x-requested-with': 'fetch' },
        { ...good, origin: 'https://evil.example' },
        { ...good, origin: 'null' },
        { ...good, origin: `https://${d.host}.evil.example` },
        { ...good, 'sec-fetch-site': 'cross-site' },
        { ...good, 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of variants) {
        const res = await d.request({
          method: 'PUT',
          url: '/v1/users.json',
          headers,
          payload: { users: [{ code: 'member', name: 'Changed' }], __REQUEST_TOKEN__: s.csrfToken },
        });
        expectErrorBody(res, 403, 'CB_CS01');
      }
      expect(await memberName(d)).toBe('member');
    });

    it('refuses sign-out without the token: the session lives on', async () => {
      const other = await signInBrowser(d, d.member);
      expectErrorBody(await d.request({ method: 'DELETE', url: '/api/session', headers: { cookie: other.cookie, ...XHR } }), 403, 'CB_CS01');
      expect((await d.request({ method: 'GET', url: '/api/session', headers: { cookie: other.cookie } })).statusCode).toBe(200);
      const out = await d.request({ method: 'DELETE', url: `/api/session?__REQUEST_TOKEN__=${encodeURIComponent(other.csrfToken)}`, headers: { cookie: other.cookie, ...XHR } });
      expect(out.statusCode).toBe(200);
      expectErrorBody(await d.request({ method: 'GET', url: '/api/session', headers: { cookie: other.cookie } }), 401, 'CB_AU01');
    });

    it('does not parse text/plain or form bodies, the kinds a cross-site form can send', async () => {
      for (const [type, payload] of [
        ['text/plain', JSON.stringify({ users: [{ code: 'member', name: 'Changed' }], __REQUEST_TOKEN__: s.csrfToken })],
        ['application/x-www-form-urlencoded', `users[0][code]=member&users[0][name]=Changed&__REQUEST_TOKEN__=${s.csrfToken}`],
        ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n`],
      ] as const) {
        const res = await d.request({ method: 'PUT', url: '/v1/users.json', headers: { ...good, 'content-type': type }, payload });
        expectErrorBody(res, 415, 'CB_UT01');
      }
      expect(await memberName(d)).toBe('member');
    });

    it('accepts the change when everything is right, with the token in the body, header or query', async () => {
      const put = await d.request({
        method: 'PUT',
        url: '/v1/users.json',
        headers: good,
        payload: { users: [{ code: 'member', name: 'Renamed' }], __REQUEST_TOKEN__: s.csrfToken },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(await memberName(d)).toBe('Renamed');
      const post = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        headers: { ...good, 'x-request-token': s.csrfToken },
        payload: { users: [{ code: 'temp', name: 'Temp', email: 'temp@example.com', password: 'long enough password' }] },
      });
      expect(post.statusCode, post.body).toBe(200);
      const del = await d.request({ method: 'DELETE', url: `/v1/users.json?codes[0]=temp&__REQUEST_TOKEN__=${encodeURIComponent(s.csrfToken)}`, headers: good });
      expect(del.statusCode, del.body).toBe(200);
      expect(await userCodes(d)).toEqual(['admin', 'member']);
    });

    it('refuses a sign-in from a cross-site page or without X-Requested-With', async () => {
      for (const headers of [{ ...XHR, origin: 'https://evil.example' }, { ...XHR, 'sec-fetch-site': 'cross-site' }, {}]) {
        const res = await d.request({ method: 'POST', url: '/api/session', headers, payload: { login: 'member', password: PASSWORD } });
        expectErrorBody(res, 403, 'CB_CS01');
        expect(setCookieLine(res)).toBeUndefined();
      }
    });
  });

  describe('A14 X-HTTP-Method-Override tunnels only POST as GET', () => {
    it('runs POST with `X-HTTP-Method-Override: GET` as a GET, parameters from the JSON body', async () => {
      const d = await newDomain(h);
      const res = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        headers: { 'x-http-method-override': 'GET' },
        payload: { codes: ['member'] },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().users.map((u: { code: string }) => u.code)).toEqual(['member']);
      const creating = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        headers: { 'x-http-method-override': 'GET' },
        payload: { users: [{ code: 'eve', name: 'Eve', email: 'eve@example.com', password: 'long enough password' }] },
      });
      expect(creating.statusCode).toBe(200);
      expect(await userCodes(d)).toEqual(['admin', 'member']);
    });

    it('refuses any other override with 400 CB_VA01 and changes nothing', async () => {
      const d = await newDomain(h);
      const cases: Array<[string, string]> = [
        ['POST', 'DELETE'],
        ['POST', 'PUT'],
        ['POST', 'get'],
        ['POST', 'POST'],
        ['POST', ''],
        ['GET', 'GET'],
        ['GET', 'DELETE'],
        ['PUT', 'GET'],
        ['DELETE', 'GET'],
      ];
      for (const [method, override] of cases) {
        const res = await d.request({
          method: method as 'POST',
          url: method === 'DELETE' ? '/v1/users.json?codes[0]=member' : '/v1/users.json',
          as: d.admin,
          headers: { 'x-http-method-override': override },
          payload: { codes: ['member'], users: [{ code: 'member', valid: false, name: 'Changed' }] },
        });
        const body = expectErrorBody(res, 400, 'CB_VA01');
        expect(Object.keys(body.errors as object), `${method} ${override}`).toEqual(['X-HTTP-Method-Override']);
      }
      const list = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
      expect(list.json().users).toMatchObject([{ code: 'admin' }, { code: 'member', name: 'member', valid: true }]);
    });

    it('still asks a cookie-authenticated tunnelled GET for the request token', async () => {
      const d = await newDomain(h);
      const s = await signInBrowser(d, d.admin);
      const headers = { cookie: s.cookie, ...XHR, 'x-http-method-override': 'GET' };
      expectErrorBody(await d.request({ method: 'POST', url: '/v1/users.json', headers, payload: {} }), 403, 'CB_CS01');
      const ok = await d.request({ method: 'POST', url: '/v1/users.json', headers, payload: { __REQUEST_TOKEN__: s.csrfToken } });
      expect(ok.statusCode).toBe(200);
    });
  });
});
