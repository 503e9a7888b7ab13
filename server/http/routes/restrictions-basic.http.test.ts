// The Basic gate: from outside the allow-list, users and tokens pass with the domain's shared
// Basic user and password (sent alongside their own credentials, as kintone clients do); a
// missing or wrong one gets 401 with a Basic challenge. Guests never need it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { XHR } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

const OUTSIDE = '198.51.100.20';
const GATE_PASSWORD = 'gate password 1';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function gated(): Promise<TestDomain> {
    const d = await newDomain(h);
    const res = await d.request({
      method: 'PUT',
      url: '/v1/security/settings.json',
      as: d.admin,
      payload: { ipRestriction: { enabled: true, allow: ['127.0.0.1'] }, basicGate: { enabled: true, user: 'site', password: GATE_PASSWORD } },
    });
    expect(res.statusCode, res.body).toBe(200);
    return d;
  }
  const get = (d: TestDomain, authorization?: string, remoteAddress = OUTSIDE) =>
    d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, remoteAddress, headers: authorization ? { authorization } : {} });

  describe('Basic gate', () => {
    it('lets users through from outside with the right Basic credentials only', async () => {
      const d = await gated();
      const right = await get(d, basic('site', GATE_PASSWORD));
      expect(right.statusCode, right.body).toBe(200);
      expect((await get(d, basic('site', GATE_PASSWORD))).statusCode).toBe(200);
      for (const authorization of [undefined, basic('site', 'wrong password'), basic('other', GATE_PASSWORD), 'Bearer abc']) {
        const res = await get(d, authorization);
        expect([res.statusCode, res.json().code], String(authorization)).toEqual([401, 'CB_BA01']);
        expect(res.headers['www-authenticate']).toBe('Basic realm="Engawa", charset="UTF-8"');
        expect(res.json().message).toMatch(/Basic authentication/);
      }
      // From inside no Basic is needed.
      expect((await get(d, undefined, '127.0.0.1')).statusCode).toBe(200);
    });

    it('asks for Basic before a user signs in from outside, and lets the sign-in through with it', async () => {
      const d = await gated();
      const payload = { login: 'member', password: PASSWORD };
      const without = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload, remoteAddress: OUTSIDE });
      expect([without.statusCode, without.json().code]).toEqual([401, 'CB_BA01']);
      const headers = { ...XHR, authorization: basic('site', GATE_PASSWORD) };
      const signIn = await d.request({ method: 'POST', url: '/api/session', headers, payload, remoteAddress: OUTSIDE });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const cookie = signIn.headers['set-cookie']!.toString().split(';')[0]!;
      expect((await d.request({ method: 'GET', url: '/api/session', headers: { cookie, authorization: basic('site', GATE_PASSWORD) }, remoteAddress: OUTSIDE })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', headers: { cookie }, remoteAddress: OUTSIDE })).json().code).toBe('CB_BA01');
    });

    it('never asks guests', async () => {
      const d = await gated();
      const g = await addGuest(d, 'guest@example.com');
      const space = await seedSpace(h, d, { admins: [d.admin] });
      await setSpaceGuests(d, space, [g]);
      const res = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, as: g, remoteAddress: OUTSIDE });
      expect(res.statusCode, res.body).toBe(200);
    });

    it('stops working at once when its password changes, and throttles guessing', async () => {
      const d = await gated();
      expect((await get(d, basic('site', GATE_PASSWORD))).statusCode).toBe(200);
      await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { basicGate: { password: 'another gate password' } } });
      expect((await get(d, basic('site', GATE_PASSWORD))).statusCode).toBe(401);
      expect((await get(d, basic('site', 'another gate password'))).statusCode).toBe(200);
      const codes = new Set<string>();
      for (let i = 0; i < 22; i++) codes.add((await get(d, basic('site', `guess ${i}`), '198.51.100.77')).json().code);
      expect([...codes]).toEqual(['CB_BA01', 'CB_TM01']);
      const audit = await h.services.db.selectFrom('auditLog').select('detail').where('domainId', '=', d.id).where('action', '=', 'access.blocked').execute();
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.map((r) => JSON.parse(typeof r.detail === 'string' ? r.detail : JSON.stringify(r.detail)).reason)).toContain('basic');
    });
  });
});
