// Signing in as a regular user in real Chromium: a wrong password, coming back to a deep link
// after the login page, reloads, sign-out, TOTP (a code from an authenticator app, and the
// enrolment a domain can require), the forced change of an expired password, and a phone.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { XHR } from '../test/support/browser.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, portalSpaces, submitSignIn } from './support/pages.js';
import { type WebDomain, type WebServer, call, useWebServer, webDomain } from './support/server.js';
import { addSpace } from '../test/support/spaces.js';
import { deployedApp } from '../test/support/apps.js';

const COOKIE = '__Host-engawa_sid';
const DAY_MS = 86_400_000;

describe('sign-in', () => {
  const browser = useChromium();
  const server = useWebServer();

  const totp = (s: WebServer, secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: s.h.clock.now().getTime() });

  /** Turns TOTP on for the member through the API, as its own browser session would. */
  async function enrolMember(s: WebServer, d: WebDomain): Promise<string> {
    const signIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: d.member.code, password: d.member.password } });
    const cookies = { [COOKIE]: signIn.cookies.find((c) => c.name === COOKIE)!.value };
    const headers = { ...XHR, 'x-request-token': signIn.json().csrfToken };
    const started = await d.request({ method: 'POST', url: '/v1/me/totp.json', cookies, headers, payload: { password: d.member.password } });
    const { secret } = started.json();
    const confirmed = await d.request({ method: 'POST', url: '/v1/me/totp/confirm.json', cookies, headers, payload: { code: totp(s, secret) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    s.h.clock.advance(30_000); // the enrolment's code is spent
    return secret;
  }

  it('says why a wrong password fails, and signs in with the right one', async () => {
    const d = await webDomain(server());
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.member.code, 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Password authentication failed');
    expect(await page.getByRole('button', { name: 'Login' }).isEnabled()).toBe(true);
    await page.getByLabel('Password', { exact: true }).fill(d.member.password);
    await page.getByRole('button', { name: 'Login' }).click();
    expect(await portalSpaces(page)).toEqual([]);
    await page.getByText('There are no apps you can use yet.').waitFor();
    await page.getByText(d.member.code, { exact: true }).waitFor();
    await tab.close();
  });

  it('sends a signed-out visitor of a deep link to the login page and back, survives a reload, and signs out', async () => {
    const d = await webDomain(server());
    const space = await addSpace(d, d.admin, { name: 'Renovation Kyoto', members: [d.member] });
    await deployedApp(d, {}, { name: 'Daily reports', space: space.id });
    const tab = await openTab(browser());
    const { page } = tab;
    await page.goto(`${d.origin}/?from=mail`);
    await page.waitForURL(`${d.origin}/login?next=%2F%3Ffrom%3Dmail`);
    await page.getByLabel('Login name').fill(d.member.code);
    await page.getByLabel('Password', { exact: true }).fill(d.member.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL(`${d.origin}/?from=mail`);
    expect(await portalSpaces(page)).toEqual(['Renovation Kyoto']);
    await page.getByRole('region', { name: 'Apps' }).getByText('Daily reports').waitFor();

    await page.reload();
    expect(await portalSpaces(page)).toEqual(['Renovation Kyoto']);

    await page.getByRole('button', { name: 'Logout' }).click();
    await page.waitForURL(`${d.origin}/login`);
    expect(await page.evaluate(() => fetch('/api/session').then((r) => r.status))).toBe(401);
    await page.goto(`${d.origin}/`);
    await page.waitForURL(`${d.origin}/login`);
    await tab.close();
  });

  it('asks a TOTP user for the authenticator code and signs in with it', async () => {
    const s = server();
    const d = await webDomain(s);
    const secret = await enrolMember(s, d);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.member.code, d.member.password);
    await page.getByRole('heading', { name: 'Two-Factor Authentication' }).waitFor();
    await page.getByLabel('Verification code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Verification code').fill(totp(s, secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await portalSpaces(page)).toEqual([]);
    await tab.close();
  });

  it('makes a user enrol the TOTP the domain requires: QR code, code, recovery codes, then the portal', async () => {
    const s = server();
    const d = await webDomain(s);
    await call(d, d.admin, 'PUT', '/v1/security/settings.json', { requireTotp: true });
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.member.code, d.member.password);
    await page.getByRole('heading', { name: 'Set up Two-Factor Authentication' }).waitFor();
    // A reload keeps the person on this screen: nothing else is open to the session.
    await page.reload();
    await page.getByRole('button', { name: 'Set up' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = (await page.locator('.secret code').textContent())!.trim();
    await page.getByLabel('Verification code').fill(totp(s, secret));
    await page.getByRole('button', { name: 'Enable' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await portalSpaces(page)).toEqual([]);
    await tab.close();
  });

  it('makes a user whose password expired choose a new one before anything else', async () => {
    const s = server();
    const d = await webDomain(s);
    const user = await d.addUser('expiring');
    await call(d, d.admin, 'PUT', '/v1/security/settings.json', { passwordPolicy: { expiryDays: 30 } });
    s.h.clock.advance(31 * DAY_MS);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, user.code, user.password);
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill('a fresh passphrase 2026');
    await page.getByLabel('New password (again)').fill('a different one');
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByText('The passwords do not match.').waitFor();
    await page.getByLabel('New password (again)').fill('a fresh passphrase 2026');
    await page.getByRole('button', { name: 'Change' }).click();
    expect(await portalSpaces(page)).toEqual([]);
    await tab.close();
  });

  it('signs in at phone width (375 px) without sideways scrolling', async () => {
    const d = await webDomain(server());
    await addSpace(d, d.admin, { name: 'Site office', members: [d.member] });
    const tab = await openTab(browser(), { width: 375 });
    const { page } = tab;
    await page.goto(`${d.origin}/login`);
    await expectNoSideScroll(page);
    await submitSignIn(page, d.origin, d.member.code, 'wrong password');
    await page.getByRole('alert').waitFor();
    await expectNoSideScroll(page);
    await page.getByLabel('Password', { exact: true }).fill(d.member.password);
    await page.getByRole('button', { name: 'Login' }).click();
    expect(await portalSpaces(page)).toEqual(['Site office']);
    await expectNoSideScroll(page);
    await page.getByRole('button', { name: 'Logout' }).waitFor();
    await tab.close();
  });

  it('shows a not-found page for an unknown page, and the API its JSON CB_NF01', async () => {
    const d = await webDomain(server());
    const tab = await openTab(browser());
    const { page } = tab;
    const res = await page.goto(`${d.origin}/no/such/page`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { name: 'The page was not found.' }).waitFor();
    await page.getByRole('link', { name: 'Back to Portal' }).click();
    await page.waitForURL(`${d.origin}/login`);

    // Even a browser's page load of an API path gets kintone's answer, not the app.
    const api = await page.goto(`${d.origin}/k/v1/nothing.json`);
    expect(api?.status()).toBe(404);
    expect(api?.headers()['content-type']).toMatch(/^application\/json/);
    expect((await api!.json()).code).toBe('CB_NF01');
    tab.problems.length = 0; // Chromium reports the 404 document as a console error
    await tab.close();
  });
});
