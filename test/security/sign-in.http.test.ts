// Hostile probes on password sign-in (spec/security.md §3.6 A1, A3, A4, D9): guessing is
// slowed and audited, and no failure tells an attacker more than "no".
import http from 'node:http';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, basicAuth, newDomain, startApp } from '../support/app.js';
import { XHR, expectErrorBody, setCookieLine, signInRequest } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';

const LOCKOUT_MINUTES = 10;

/** The body with its per-response id removed, plus the header names: all a caller can compare. */
function shape(res: LightMyRequestResponse) {
  const { id: _id, ...body } = res.json();
  const headers = Object.keys(res.headers).filter((k) => k !== 'date' && k !== 'content-length').sort();
  return { status: res.statusCode, body, headers };
}

function headerLogin(d: TestDomain, login: string, password: string, extra: Record<string, string> = {}) {
  return d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth(login, password), ...extra } });
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: String(LOCKOUT_MINUTES), BODY_LIMIT_MB: '2' });
  });
  afterAll(async () => h.close());

  describe('A1 repeated wrong passwords lock a user out', () => {
    it('locks after the threshold, answers the right password like a wrong one, and unlocks on time', async () => {
      const d = await newDomain(h);
      const wrong = await signInRequest(d, 'member', 'guess 1');
      expectErrorBody(wrong, 401, 'CB_WA01');
      await signInRequest(d, 'member', 'guess 2');
      await signInRequest(d, 'member', 'guess 3');

      const right = await signInRequest(d, 'member', PASSWORD);
      expect(shape(right)).toEqual(shape(wrong));
      expect(setCookieLine(right)).toBeUndefined();
      expect(shape(await headerLogin(d, 'member', PASSWORD))).toEqual(shape(await headerLogin(d, 'member', 'guess 4')));

      h.clock.advance(LOCKOUT_MINUTES * 60_000 - 1000);
      expect((await signInRequest(d, 'member', PASSWORD)).statusCode).toBe(401);
      h.clock.advance(1000);
      expect((await signInRequest(d, 'member', PASSWORD)).statusCode).toBe(200);

      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?action=auth.lockout', as: d.admin });
      expect(audit.json().entries).toMatchObject([{ result: 'failure', target: { type: 'user', id: String(d.member.id) }, detail: { login: 'member' } }]);
      const list = await d.request({ method: 'GET', url: `/v1/users.json?ids[0]=${d.member.id}`, as: d.admin });
      expect(list.json().users[0].locked).toBe(false);
    });

    it('counts wrong password headers as well, and a success resets the count', async () => {
      const d = await newDomain(h);
      await headerLogin(d, 'member', 'guess 1');
      await headerLogin(d, 'member', 'guess 2');
      expect((await headerLogin(d, 'member', PASSWORD)).statusCode).toBe(200);
      await headerLogin(d, 'member', 'guess 3');
      await headerLogin(d, 'member', 'guess 4');
      expect((await signInRequest(d, 'member', PASSWORD)).statusCode).toBe(200);
      for (const guess of ['guess 5', 'guess 6', 'guess 7']) await headerLogin(d, 'member', guess);
      expectErrorBody(await signInRequest(d, 'member', PASSWORD), 401, 'CB_WA01');
      const locked = await d.request({ method: 'GET', url: `/v1/users.json?ids[0]=${d.member.id}`, as: d.admin });
      expect(locked.json().users[0].locked).toBe(true);
    });
  });

  describe('A3 password guessing from one address is throttled', () => {
    it('answers 429 CB_TM01 with Retry-After once an address fails too often; successes never count', async () => {
      const d = await newDomain(h);
      for (let i = 0; i < 60; i++) expect((await headerLogin(d, 'member', PASSWORD)).statusCode).toBe(200);
      // One try each on many accounts, rotating X-Forwarded-For: the peer is what counts.
      for (let i = 0; i < 20; i++) {
        const res = await headerLogin(d, `user${i}`, 'password', { 'x-forwarded-for': `198.51.100.${i}` });
        expectErrorBody(res, 401, 'CB_WA01');
      }
      const tripped = await headerLogin(d, 'user-next', 'password', { 'x-forwarded-for': '203.0.113.7' });
      expectErrorBody(tripped, 429, 'CB_TM01');
      expect(tripped.headers['x-cybozu-error']).toBe('CB_TM01');
      const retryAfter = Number(tripped.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await headerLogin(d, 'member', PASSWORD)).statusCode).toBe(200);

      h.clock.advance(retryAfter * 1000);
      expectErrorBody(await headerLogin(d, 'user-next', 'password'), 401, 'CB_WA01');
    });

    it('throttles sign-in attempts through the form per address as well', async () => {
      const d = await newDomain(h);
      for (let i = 0; i < 30; i++) {
        const res = await signInRequest(d, `user${i}`, 'password', { 'x-forwarded-for': `198.51.100.${i}` });
        expectErrorBody(res, 401, 'CB_WA01');
      }
      const tripped = await signInRequest(d, 'member', PASSWORD);
      expectErrorBody(tripped, 429, 'CB_TM01');
      expect(tripped.headers['x-cybozu-error']).toBe('CB_TM01');
      expect(Number(tripped.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(setCookieLine(tripped)).toBeUndefined();
    });

    it('counts a whole IPv6 /64 as one address', async () => {
      const d = await newDomain(h);
      // Written compressed, as a rotating client would: the text differs before the fourth group.
      const from = (n: number) => ({ remoteAddress: `2001:db8::${n.toString(16)}:1` });
      for (let i = 1; i <= 20; i++) {
        const res = await h.app.inject({
          method: 'GET',
          url: '/api/session',
          ...from(i),
          headers: { host: d.host, 'x-cybozu-authorization': basicAuth(`user${i}`, 'password') },
        });
        expect(res.statusCode).toBe(401);
      }
      const tripped = await h.app.inject({
        method: 'GET',
        url: '/api/session',
        remoteAddress: '2001:db8:0:0:ffff:ffff:ffff:ffff',
        headers: { host: d.host, 'x-cybozu-authorization': basicAuth('user-next', 'password') },
      });
      expectErrorBody(tripped, 429, 'CB_TM01');
      const elsewhere = await h.app.inject({
        method: 'GET',
        url: '/api/session',
        remoteAddress: '2001:db8:0:1::1',
        headers: { host: d.host, 'x-cybozu-authorization': basicAuth('user-next', 'password') },
      });
      expectErrorBody(elsewhere, 401, 'CB_WA01');
    });
  });

  describe('A4 every failed sign-in looks the same', () => {
    it('answers an unknown login, a wrong password, a suspended and a deleted user identically', async () => {
      const d = await newDomain(h);
      await d.addUser('suspended', { valid: false });
      await d.addUser('deleted');
      await d.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=deleted', as: d.admin });

      const attempts: Array<[string, string]> = [
        ['nobody-here', PASSWORD],
        ['member', 'not the password'],
        ['suspended', PASSWORD],
        ['deleted', PASSWORD],
        ['guest/member', PASSWORD],
      ];
      const viaSession = [];
      const viaHeader = [];
      for (const [login, password] of attempts) {
        viaSession.push(shape(await signInRequest(d, login, password)));
        viaHeader.push(shape(await headerLogin(d, login, password)));
      }
      expect(viaSession[0]).toMatchObject({ status: 401, body: { code: 'CB_WA01' } });
      for (const s of viaSession) expect(s).toEqual(viaSession[0]);
      for (const s of viaHeader) expect(s).toEqual(viaHeader[0]);
      expect(viaHeader[0]!.body).toEqual(viaSession[0]!.body);
      const garbled = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': '!!not base64!!' } });
      expect(shape(garbled)).toEqual(viaHeader[0]);
    });
  });

  describe('D9 huge passwords are refused cheaply and the body cap holds', () => {
    it('answers a 1 MB password like a wrong one, on the form and in the header', async () => {
      const d = await newDomain(h);
      const huge = 'p'.repeat(1024 * 1024);
      const wrong = shape(await signInRequest(d, 'member', 'not the password'));
      expect(shape(await signInRequest(d, 'member', huge))).toEqual(wrong);
      expect(shape(await signInRequest(d, 'member', PASSWORD + huge))).toEqual(wrong);
      expect(shape(await headerLogin(d, 'member', huge))).toEqual(shape(await headerLogin(d, 'member', 'not the password')));
      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?result=failure&limit=10', as: d.admin });
      expect(audit.body.length).toBeLessThan(20_000);
    });

    it('refuses a body over BODY_LIMIT_MB with 413 CB_RL01 before reading it', async () => {
      const d = await newDomain(h);
      const res = await d.request({
        method: 'POST',
        url: '/api/session',
        headers: XHR,
        payload: { login: 'member', password: 'p'.repeat(2 * 1024 * 1024 + 1) },
      });
      expectErrorBody(res, 413, 'CB_RL01');
    });

    it('stops a chunked body without Content-Length at the cap', async () => {
      const d = await newDomain(h);
      const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${address}/api/session`, {
          method: 'POST',
          headers: { host: d.host, 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...XHR },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write('{"login":"member","password":"');
        const chunk = 'p'.repeat(64 * 1024);
        // Keep writing past the cap; the server must answer without waiting for the end.
        let sent = 0;
        const pump = (): void => {
          while (sent < 3 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end('"}');
        };
        pump();
      });
      expect(status).toBe(413);
      expect(JSON.parse(body)).toMatchObject({ code: 'CB_RL01' });
    });
  });
});
