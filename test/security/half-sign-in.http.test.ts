// Hostile probe A9 (spec/security.md §3.6): a browser half signed in — the password right, the
// second factor pending — holds no session. The right password answers a challenge and sets no
// cookie; that challenge, planted as the session cookie, opens no API, stream, file or guest path;
// and it lives 10 minutes at most, for the guests' e-mailed codes as for users' TOTP.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type Persona, type TestDomain, newDomain, startApp } from '../support/app.js';
import { SESSION_COOKIE, XHR, expectErrorBody, signInBrowser } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';
import { addGuest, seedSpace, setSpaceGuests } from '../support/guests.js';

const MINUTE = 60_000;
const STEP = 30_000;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: h.clock.now().getTime() });

  /** Turns TOTP on for `p` from its own browser session; answers the secret. */
  async function enrol(d: TestDomain, p: Persona): Promise<string> {
    const b = await signInBrowser(d, p);
    const headers = { ...XHR, cookie: b.cookie, 'x-request-token': b.csrfToken };
    const started = await d.request({ method: 'POST', url: '/v1/me/totp.json', headers, payload: { password: p.password } });
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json();
    const confirmed = await d.request({ method: 'POST', url: '/v1/me/totp/confirm.json', headers, payload: { code: totp(secret) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    h.clock.advance(STEP); // the enrolment's step is spent
    return secret;
  }

  /** The password step: a challenge and no cookie. */
  async function halfSignIn(d: TestDomain, payload: Record<string, unknown>, kind: 'email' | 'totp'): Promise<string> {
    const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(Object.keys(res.json())).toEqual(['twoStep']);
    expect(res.json().twoStep.kind).toBe(kind);
    return res.json().twoStep.challenge;
  }

  const verify = (d: TestDomain, challenge: string, code: string) =>
    d.request({ method: 'POST', url: '/api/session/verify', headers: XHR, payload: { challenge, code } });

  describe('A9 a half-signed-in browser has no session', () => {
    it('opens no API, stream, file or guest path with the challenge as its cookie', async () => {
      const d = await newDomain(h);
      expect((await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { guestTwoStep: true } })).statusCode).toBe(200);
      const g = await addGuest(d, 'half@example.com');
      const space = await seedSpace(h, d);
      await setSpaceGuests(d, space, [g]);
      await enrol(d, d.member);
      const challenges = [
        await halfSignIn(d, { login: g.code, password: PASSWORD, guest: true }, 'email'),
        await halfSignIn(d, { login: 'member', password: PASSWORD }, 'totp'),
      ];
      for (const challenge of challenges) {
        const cookie = `${SESSION_COOKIE}=${challenge}`;
        for (const url of ['/api/session', '/v1/me/profile.json', '/k/v1/apps.json', '/api/events', '/k/v1/file.json?fileKey=abc', `/k/guest/${space}/v1/space.json?id=${space}`]) {
          expectErrorBody(await d.request({ method: 'GET', url, headers: { ...XHR, cookie } }), 401, 'CB_AU01');
        }
        const write = await d.request({ method: 'PUT', url: '/v1/me/profile.json', headers: { ...XHR, cookie, 'x-request-token': challenge }, payload: { name: 'x' } });
        expect(write.statusCode).toBe(401);
      }
    });

    it('lasts ten minutes: past them the right code no longer signs in', async () => {
      const d = await newDomain(h);
      const secret = await enrol(d, d.member);
      const fresh = await halfSignIn(d, { login: 'member', password: PASSWORD }, 'totp');
      h.clock.advance(10 * MINUTE - STEP);
      expect((await verify(d, fresh, totp(secret))).statusCode).toBe(200);

      h.clock.advance(STEP);
      const stale = await halfSignIn(d, { login: 'member', password: PASSWORD }, 'totp');
      h.clock.advance(10 * MINUTE + 1_000);
      expectErrorBody(await verify(d, stale, totp(secret)), 401, 'CB_TS02');
      // The account is not hurt: a new sign-in works.
      h.clock.advance(STEP);
      const again = await halfSignIn(d, { login: 'member', password: PASSWORD }, 'totp');
      expect((await verify(d, again, totp(secret))).statusCode).toBe(200);
    });
  });
});
