// The warning before a password expires (features C: "expiry (warn ≤5 days)"), on the injected
// clock: the session the web app reads names the expiry from five days before it, for users and
// guests alike, and stops once the password is changed or the policy has no expiry.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const COOKIE = '__Host-engawa_sid';
const DAY_MS = 86_400_000;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const policy = async (d: TestDomain, expiryDays: number) => {
    const res = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { passwordPolicy: { expiryDays } } });
    expect(res.statusCode, res.body).toBe(200);
  };

  /** Signs in through the web app's API; the answer, and GET /api/session on the new session. */
  async function session(d: TestDomain, login: string, password = PASSWORD, guest = false) {
    const signedIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password, ...(guest ? { guest } : {}) } });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookies = { [COOKIE]: signedIn.cookies.find((c) => c.name === COOKIE)!.value };
    const me = await d.request({ method: 'GET', url: '/api/session', cookies });
    expect(me.statusCode, me.body).toBe(200);
    return { signedIn: signedIn.json(), me: me.json(), cookies, csrf: signedIn.json().csrfToken as string };
  }

  it('names the expiry from five days before it, and no earlier', async () => {
    const d = await newDomain(h);
    const changedAt = h.clock.now().getTime();
    await policy(d, 30);
    const expiresAt = new Date(changedAt + 30 * DAY_MS).toISOString();

    expect((await session(d, 'member')).me.passwordExpiresAt).toBeUndefined();
    h.clock.advance(25 * DAY_MS - 60_000); // five days and a minute left
    expect((await session(d, 'member')).me.passwordExpiresAt).toBeUndefined();
    h.clock.advance(60_000); // five days left
    const s = await session(d, 'member');
    expect(s.signedIn.passwordExpiresAt).toBe(expiresAt);
    expect(s.me.passwordExpiresAt).toBe(expiresAt);
    // Still said on the same session hours later (within its idle time), with the same date.
    h.clock.advance(DAY_MS / 2);
    expect((await d.request({ method: 'GET', url: '/api/session', cookies: s.cookies })).json().passwordExpiresAt).toBe(expiresAt);

    // Changed: the warning is gone for good (the new password has 30 days again).
    const changed = await d.request({
      method: 'PUT',
      url: '/v1/me/password.json',
      cookies: s.cookies,
      headers: XHR,
      payload: { __REQUEST_TOKEN__: s.csrf, currentPassword: PASSWORD, newPassword: 'a renewed passphrase' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const renewed = { [COOKIE]: changed.cookies.find((c) => c.name === COOKIE)!.value };
    const after = await d.request({ method: 'GET', url: '/api/session', cookies: renewed });
    expect(after.statusCode).toBe(200);
    expect(after.json().passwordExpiresAt).toBeUndefined();
  });

  it('says nothing once expired (the session can only change it) nor when the policy has no expiry', async () => {
    const d = await newDomain(h);
    await policy(d, 10);
    h.clock.advance(11 * DAY_MS);
    const expired = await session(d, 'member');
    expect(expired.me.passwordExpired).toBe(true);
    expect(expired.me.passwordExpiresAt).toBeUndefined();

    // Another domain, whose policy has no expiry: never, however old the password.
    const other = await newDomain(h);
    h.clock.advance(400 * DAY_MS);
    expect((await session(other, 'member')).me).not.toHaveProperty('passwordExpiresAt');
  });

  it('warns guests too', async () => {
    const d = await newDomain(h);
    const g = await addGuest(d, 'warned@example.com');
    const changedAt = h.clock.now().getTime();
    await policy(d, 7);
    h.clock.advance(3 * DAY_MS);
    const s = await session(d, g.code, g.password, true);
    expect(s.me.passwordExpiresAt).toBe(new Date(changedAt + 7 * DAY_MS).toISOString());
  });
});
