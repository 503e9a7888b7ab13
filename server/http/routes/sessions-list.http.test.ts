// Sessions listed and ended by their owner (/v1/me/sessions.json) and by administrators
// (/v1/sessions.json), for users and guests; an opaque id names each, never its cookie; nobody
// else can see or end them.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';

interface Browser {
  cookie: string;
  csrf: string;
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function signIn(d: TestDomain, login: string, userAgent: string, guest = false): Promise<Browser> {
    const res = await d.request({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '192.0.2.10',
      headers: { ...XHR, 'user-agent': userAgent },
      payload: { login, password: PASSWORD, ...(guest ? { guest } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: res.cookies.find((c) => c.name === COOKIE)!.value, csrf: res.json().csrfToken };
  }

  const mine = (d: TestDomain, b: Browser) => d.request({ method: 'GET', url: '/v1/me/sessions.json', cookies: { [COOKIE]: b.cookie } });
  const endMine = (d: TestDomain, b: Browser, payload: Record<string, unknown>) =>
    d.request({ method: 'DELETE', url: '/v1/me/sessions.json', cookies: { [COOKIE]: b.cookie }, headers: { ...XHR, 'x-request-token': b.csrf }, payload });
  const alive = async (d: TestDomain, b: Browser) => (await d.request({ method: 'GET', url: '/api/session', cookies: { [COOKIE]: b.cookie } })).statusCode === 200;

  describe('one’s own sessions', () => {
    it('lists them with an opaque id, times, address and browser, marking the current one', async () => {
      const d = await newDomain(h);
      const phone = await signIn(d, 'member', 'Phone Browser');
      h.clock.advance(60_000);
      const desk = await signIn(d, 'member', 'Desk Browser');
      await signIn(d, 'admin', 'Admin Browser');
      const res = await mine(d, desk);
      expect(res.statusCode).toBe(200);
      const sessions = res.json().sessions as Array<Record<string, unknown>>;
      expect(sessions.map((s) => [s.userAgent, s.current])).toEqual([['Desk Browser', true], ['Phone Browser', false]]);
      expect(sessions[0]).toMatchObject({ ip: '192.0.2.10', createdAt: '2026-04-01T00:01:00.000Z', passwordExpired: false });
      expect(Object.keys(sessions[0]!).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'ip', 'lastSeenAt', 'passwordExpired', 'userAgent']);
      const secrets = [phone.cookie, desk.cookie, ...[phone.cookie, desk.cookie].map((c) => createHash('sha256').update(c).digest('hex'))];
      for (const s of sessions) {
        expect(s.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
        for (const secret of secrets) expect(secret).not.toContain(s.id as string);
      }
      expect(JSON.stringify(res.json())).not.toContain(desk.csrf);
    });

    it('ends one by id, or all the others; the current one stays', async () => {
      const d = await newDomain(h);
      const a = await signIn(d, 'member', 'A');
      const b = await signIn(d, 'member', 'B');
      const c = await signIn(d, 'member', 'C');
      const idOf = async (ua: string) => ((await mine(d, a)).json().sessions as Array<{ id: string; userAgent: string }>).find((s) => s.userAgent === ua)!.id;
      const ended = await endMine(d, a, { id: await idOf('B') });
      expect(ended.statusCode, ended.body).toBe(200);
      expect([await alive(d, a), await alive(d, b), await alive(d, c)]).toEqual([true, false, true]);
      expect((await endMine(d, a, { others: true })).statusCode).toBe(200);
      expect([await alive(d, a), await alive(d, c)]).toEqual([true, false]);
      expect((await mine(d, a)).json().sessions).toHaveLength(1);
      // Ending the current one signs out.
      expect((await endMine(d, a, { id: await idOf('A') })).statusCode).toBe(200);
      expect(await alive(d, a)).toBe(false);
    });

    it('cannot reach anyone else’s session, and says what is missing', async () => {
      const d = await newDomain(h);
      const member = await signIn(d, 'member', 'Member');
      const admin = await signIn(d, 'admin', 'Admin');
      const adminId = (await mine(d, admin)).json().sessions[0].id;
      const other = await endMine(d, member, { id: adminId });
      expect([other.statusCode, other.json().errors]).toEqual([400, { id: { messages: ['The specified value is not found.'] } }]);
      expect(await alive(d, admin)).toBe(true);
      expect((await endMine(d, member, {})).statusCode).toBe(400);
      expect((await endMine(d, member, { id: adminId, others: true })).statusCode).toBe(400);
      // Without the request token, nothing ends (A13).
      const noToken = await d.request({ method: 'DELETE', url: '/v1/me/sessions.json', cookies: { [COOKIE]: member.cookie }, headers: XHR, payload: { others: true } });
      expect(noToken.json().code).toBe('CB_CS01');
      // With the password header there is no current session; the browser's are listed.
      const byHeader = await d.request({ method: 'GET', url: '/v1/me/sessions.json', as: d.member });
      expect(byHeader.json().sessions.map((s: { current: boolean }) => s.current)).toEqual([false]);
      const anonymous = await d.request({ method: 'GET', url: '/v1/me/sessions.json' });
      expect(anonymous.json().code).toBe('CB_AU01');
    });

    it('works for guests the same way', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'guest@example.com');
      const one = await signIn(d, 'guest@example.com', 'One', true);
      const two = await signIn(d, 'guest@example.com', 'Two', true);
      expect((await mine(d, two)).json().sessions).toHaveLength(2);
      expect((await endMine(d, two, { others: true })).statusCode).toBe(200);
      expect([await alive(d, one), await alive(d, two)]).toEqual([false, true]);
    });
  });

  describe('administrators', () => {
    it('list and end any user’s or guest’s sessions, audited; nobody else may', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'guest@example.com');
      const m1 = await signIn(d, 'member', 'M1');
      h.clock.advance(1000);
      const m2 = await signIn(d, 'member', 'M2');
      const g1 = await signIn(d, 'guest@example.com', 'G1', true);
      const list = await d.request({ method: 'GET', url: '/v1/sessions.json?code=member', as: d.admin });
      expect(list.statusCode).toBe(200);
      const sessions = list.json().sessions as Array<{ id: string; userAgent: string; current: boolean }>;
      expect(sessions.map((s) => [s.userAgent, s.current])).toEqual([['M2', false], ['M1', false]]);

      const one = await d.request({ method: 'DELETE', url: '/v1/sessions.json', as: d.admin, payload: { code: 'member', id: sessions[1]!.id } });
      expect(one.statusCode, one.body).toBe(200);
      expect([await alive(d, m1), await alive(d, m2)]).toEqual([false, true]);
      const guestList = await d.request({ method: 'GET', url: `/v1/sessions.json?code=${encodeURIComponent('guest/guest@example.com')}`, as: d.admin });
      expect(guestList.json().sessions).toHaveLength(1);
      expect((await d.request({ method: 'DELETE', url: '/v1/sessions.json', as: d.admin, payload: { code: 'guest/guest@example.com' } })).statusCode).toBe(200);
      expect(await alive(d, g1)).toBe(false);

      const unknown = await d.request({ method: 'GET', url: '/v1/sessions.json?code=nobody', as: d.admin });
      expect([unknown.statusCode, Object.keys(unknown.json().errors)]).toEqual([400, ['code']]);
      const wrongId = await d.request({ method: 'DELETE', url: '/v1/sessions.json', as: d.admin, payload: { code: 'member', id: 'AAAAAAAAAAAAAAAAAAAAAA' } });
      expect(wrongId.statusCode).toBe(400);

      for (const who of [d.member, g]) {
        const read = await d.request({ method: 'GET', url: '/v1/sessions.json?code=admin', as: who });
        const end = await d.request({ method: 'DELETE', url: '/v1/sessions.json', as: who, payload: { code: 'member' } });
        expect([read.statusCode, read.json().code, end.statusCode, end.json().code]).toEqual([403, 'CB_NO02', 403, 'CB_NO02']);
      }
      expect(await alive(d, m2)).toBe(true);
      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?action=session.end', as: d.admin });
      expect(audit.json().entries.map((e: { detail: { code: string; count: number } }) => [e.detail.code, e.detail.count]).sort()).toEqual([
        ['guest/guest@example.com', 1],
        ['member', 1],
      ]);
    });
  });

  describe('sessions end with the account’s password and status', () => {
    it('a guest’s sessions end when an administrator suspends it (users’: test/security/sessions.http.test.ts)', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'temp@example.com');
      const s = await signIn(d, 'temp@example.com', 'Temp', true);
      await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'temp@example.com', valid: false }] } });
      expect(await alive(d, s)).toBe(false);
      expect((await d.request({ method: 'GET', url: `/v1/sessions.json?code=${encodeURIComponent('guest/temp@example.com')}`, as: d.admin })).json().sessions).toEqual([]);
    });
  });
});
