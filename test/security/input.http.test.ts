// Hostile probes on request parsing (spec/security.md §3.8 X10, §3.10 D1, D2): whatever arrives,
// the answer is one of kintone's error bodies, nothing is coerced into something else, and
// nothing reaches Object.prototype.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../support/app.js';
import { expectErrorBody } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';

const BODY_LIMIT_MB = 1;

function rawJson(d: TestDomain, method: 'GET' | 'POST' | 'PUT', url: string, body: string) {
  return d.request({ method, url, as: d.admin, headers: { 'content-type': 'application/json' }, payload: body });
}

async function userCodes(d: TestDomain): Promise<string[]> {
  const res = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
  return res.json().users.map((u: { code: string }) => u.code);
}

function expectPrototypeClean(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['x', 'isAdmin', 'polluted']) expect(probe[key], key).toBeUndefined();
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { BODY_LIMIT_MB: String(BODY_LIMIT_MB) });
  });
  afterAll(async () => h.close());

  describe('X10 prototype keys in JSON and query strings are refused or inert', () => {
    afterEach(expectPrototypeClean);

    it('refuses __proto__ and constructor.prototype anywhere in a JSON body with 400 CB_IJ01', async () => {
      const d = await newDomain(h);
      const eve = '{"code":"eve","name":"Eve","email":"eve@example.com","password":"long enough password"}';
      const bodies = [
        `{"__proto__":{"isAdmin":true},"users":[${eve}]}`,
        `{"users":[{"__proto__":{"isAdmin":true},${eve.slice(1)}]}`,
        `{"constructor":{"prototype":{"isAdmin":true}},"users":[${eve}]}`,
        `{"users":[${eve.slice(0, -1)},"constructor":{"prototype":{"polluted":1}}}]}`,
        `{"\\u005f_proto__":{"isAdmin":true},"users":[${eve}]}`,
      ];
      for (const body of bodies) expectErrorBody(await rawJson(d, 'POST', '/v1/users.json', body), 400, 'CB_IJ01');
      expectErrorBody(await rawJson(d, 'GET', '/v1/users.json', '{"__proto__":{"polluted":1}}'), 400, 'CB_IJ01');
      expect(await userCodes(d)).toEqual(['admin', 'member']);
    });

    it('keeps a[__proto__][x]=1 and friends in the query from reaching any prototype', async () => {
      const d = await newDomain(h);
      for (const q of ['a[__proto__][x]=1', '__proto__[isAdmin]=true', 'constructor[prototype][isAdmin]=true', '__proto__=x', 'codes[__proto__][0]=admin']) {
        const admin = await d.request({ method: 'GET', url: `/v1/users.json?${q}`, as: d.admin });
        expect([200, 400], q).toContain(admin.statusCode);
        if (admin.statusCode === 400) expectErrorBody(admin, 400, 'CB_VA01');
        // A polluted isAdmin must not turn a member into an administrator.
        expectErrorBody(await d.request({ method: 'GET', url: `/v1/users.json?${q}`, as: d.member }), 403, 'CB_NO02');
      }
    });
  });

  describe('D2 list and parameter limits are refused, never coerced', () => {
    it('refuses 101 ids[] with CB_VA01 and accepts 100', async () => {
      const d = await newDomain(h);
      const ids = (n: number, form: (i: number) => string) => Array.from({ length: n }, (_, i) => form(i)).join('&');
      expect((await d.request({ method: 'GET', url: `/v1/users.json?${ids(100, (i) => `ids[]=${i + 1}`)}`, as: d.admin })).statusCode).toBe(200);
      for (const form of [(i: number) => `ids[]=${i + 1}`, (i: number) => `ids[${i}]=${i + 1}`]) {
        const res = await d.request({ method: 'GET', url: `/v1/users.json?${ids(101, form)}`, as: d.admin });
        expect(expectErrorBody(res, 400, 'CB_VA01').errors).toEqual({ ids: { messages: ['Specify 100 or fewer items.'] } });
      }
      const body = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin, payload: { ids: Array.from({ length: 101 }, (_, i) => i + 1) } });
      expect(Object.keys(expectErrorBody(body, 400, 'CB_VA01').errors as object)).toEqual(['ids']);
    });

    it('refuses a far array index instead of turning it into an object key', async () => {
      const d = await newDomain(h);
      for (const q of ['ids[20000]=1', 'ids[100]=1', 'codes[20000]=admin', 'ids[0]=1&ids%5B20000%5D=2']) {
        const res = await d.request({ method: 'GET', url: `/v1/users.json?${q}`, as: d.admin });
        expect(Object.keys(expectErrorBody(res, 400, 'CB_VA01').errors as object), q).toEqual([q.startsWith('codes') ? 'codes' : 'ids']);
      }
      const del = await d.request({ method: 'DELETE', url: '/v1/users.json?codes[20000]=member', as: d.admin });
      expectErrorBody(del, 400, 'CB_VA01');
      expect(await userCodes(d)).toEqual(['admin', 'member']);
    });

    it('refuses 1,001 query parameters and accepts 1,000', async () => {
      const d = await newDomain(h);
      const params = (n: number) => Array.from({ length: n }, (_, i) => `p${i}=1`).join('&');
      expect((await d.request({ method: 'GET', url: `/v1/users.json?${params(1000)}`, as: d.admin })).statusCode).toBe(200);
      const res = await d.request({ method: 'GET', url: `/v1/users.json?${params(1001)}`, as: d.admin });
      expect(Object.keys(expectErrorBody(res, 400, 'CB_VA01').errors as object)).toEqual(['query']);
    });
  });

  describe('D1 malformed and oversized requests get kintone errors, never a 500', () => {
    it('answers a body over BODY_LIMIT_MB with 413 CB_RL01', async () => {
      const d = await newDomain(h);
      const big = JSON.stringify({ users: [{ code: 'x', name: 'n'.repeat(BODY_LIMIT_MB * 1024 * 1024), email: 'x@example.com', password: 'long enough' }] });
      expectErrorBody(await rawJson(d, 'POST', '/v1/users.json', big), 413, 'CB_RL01');
      expectErrorBody(await rawJson(d, 'GET', '/v1/users.json', big), 413, 'CB_RL01');
    });

    it('answers malformed JSON with 400 CB_IJ01', async () => {
      const d = await newDomain(h);
      for (const body of ['{', '{"users":[}', 'null x', "{'users':[]}", '\u0000', '{"a":1}{"b":2}']) {
        expectErrorBody(await rawJson(d, 'POST', '/v1/users.json', body), 400, 'CB_IJ01');
      }
      expectErrorBody(await rawJson(d, 'PUT', '/v1/users.json', ''), 400, 'CB_IJ01');
    });

    it('answers deep or oddly shaped JSON with CB_VA01', async () => {
      const d = await newDomain(h);
      const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
      for (const body of [deep, '[]', '"users"', '42', 'null', '{"users":{"0":{"code":"x"}}}', '{"users":[null]}']) {
        const res = await rawJson(d, 'POST', '/v1/users.json', body);
        expect([400], body.slice(0, 20)).toContain(res.statusCode);
        expect(['CB_VA01', 'CB_IJ01']).toContain(res.json().code);
        expectErrorBody(res, 400, res.json().code);
      }
    });

    it('answers an unknown route 404 CB_NF01 and a wrong method 405 CB_ME01 with Allow', async () => {
      const d = await newDomain(h);
      for (const url of ['/k/v1/nothing.json', '/v1/users.json/extra', '/v1/%2e%2e/users.json', `/${'a'.repeat(5000)}`]) {
        expectErrorBody(await d.request({ method: 'GET', url, as: d.admin }), 404, 'CB_NF01');
      }
      const patch = await d.request({ method: 'PATCH', url: '/v1/users.json', as: d.admin, payload: {} });
      expectErrorBody(patch, 405, 'CB_ME01');
      expect(patch.headers.allow).toBe('GET, POST, PUT, DELETE');
      const put = await d.request({ method: 'PUT', url: '/api/setup', payload: {} });
      expectErrorBody(put, 405, 'CB_ME01');
      expect(put.headers.allow).toBe('GET, POST');
      const post = await d.request({ method: 'POST', url: '/v1/audit.json', as: d.admin, payload: {} });
      expectErrorBody(post, 405, 'CB_ME01');
      expect(post.headers.allow).toBe('GET');
    });

    it('answers broken URL encoding and absurd parameter values with CB_VA01', async () => {
      const d = await newDomain(h);
      for (const url of [
        '/v1/users.json?codes[0]=%E0%A4%A',
        '/v1/users.json?size=1e3',
        '/v1/users.json?size=99999999999999999999',
        '/v1/users.json?ids[0]=-1',
        '/v1/users.json?ids[0]=9007199254740993',
        `/v1/users.json?codes[0]=${'x'.repeat(10_000)}`,
        '/v1/users.json?offset[a]=1',
        '/v1/users.json?a[b][c][d][e][f][g][h]=1&size=0',
      ]) {
        const res = await d.request({ method: 'GET', url, as: d.admin });
        expect(res.statusCode, url).not.toBe(500);
        if (res.statusCode !== 200) expectErrorBody(res, 400, 'CB_VA01');
      }
      for (const url of ['/v1/%E0%A4%A.json', '/%', '/v1/users.json%']) {
        const res = await d.request({ method: 'GET', url, as: d.admin });
        expect(Object.keys(expectErrorBody(res, 400, 'CB_VA01').errors as object)).toEqual(['url']);
      }
    });
  });
});
