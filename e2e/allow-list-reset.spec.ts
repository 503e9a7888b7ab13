// An administrator locked out by the domain's IP address restriction, in real Chromium: asks for
// the link where the refusal is shown (the login page, or a signed-in page its old session can no
// longer open), opens the mailed link — whose token leaves the address bar, and which changes
// nothing until confirmed — lifts the restriction, and logs in; a used link says so; and a phone
// never scrolls sideways. The browser comes from 127.0.0.1, which the list leaves out; the test
// reads the outbox and the settings from the one address it allows.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../test/support/app.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { type WebDomain, type WebServer, linkPath, useWebServer, webDomain } from './support/server.js';

const INSIDE = '192.0.2.10';
const SETTINGS = '/v1/security/settings.json';
const ADMIN_MAIL = 'admin@example.com';
const ASK = 'Administrator locked out by the IP address restriction? Get a link by e-mail';

describe('lifting the IP address restriction by e-mail', () => {
  const browser = useChromium();
  const server = useWebServer();

  /** The allow-list admits only INSIDE, set from there (the server refuses a list that shuts out its author). */
  async function lock(d: WebDomain): Promise<void> {
    const payload = { ipRestriction: { enabled: true, allow: [INSIDE] } };
    const res = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, remoteAddress: INSIDE, payload });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function lockedDomain(s: WebServer): Promise<WebDomain> {
    const d = await webDomain(s);
    await lock(d);
    return d;
  }

  /** A call as the administrator from the allowed address. */
  async function fromInside(d: WebDomain, url: string): Promise<any> {
    const res = await d.request({ method: 'GET', url, as: d.admin, remoteAddress: INSIDE });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function restricted(d: WebDomain): Promise<boolean> {
    return (await fromInside(d, SETTINGS)).ipRestriction.enabled;
  }

  /** The path of the link in the newest mail to the administrator, read as they would. */
  async function mailedLink(s: WebServer, d: WebDomain): Promise<string> {
    await s.h.mail.runOnce();
    const { messages } = await fromInside(d, '/v1/mail/outbox.json?limit=100');
    const summary = (messages as Array<{ id: string; to: string }>).find((m) => m.to === ADMIN_MAIL);
    if (!summary) throw new Error(`no mail to ${ADMIN_MAIL}`);
    const { message } = await fromInside(d, `/v1/mail/message.json?id=${encodeURIComponent(summary.id)}`);
    return linkPath(message.text ?? '', '/allow-list-reset/');
  }

  /** Opens the folded request form under a refusal and sends it for `login`. */
  async function askForLink(page: Page, login?: string): Promise<void> {
    await page.getByText(ASK).click();
    const field = page.getByLabel("Administrator's login name");
    if (login !== undefined) await field.fill(login);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('a link to lift the IP address restriction has been sent').waitFor();
  }

  it('asks from the refused login, opens the mailed link, confirms, and then logs in', async () => {
    const s = server();
    const d = await lockedDomain(s);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.admin.code, PASSWORD);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Access from this network is not allowed');
    // The login name typed for the refused login fills the request.
    expect(await page.getByLabel("Administrator's login name").inputValue()).toBe(d.admin.code);
    await askForLink(page);

    const link = await mailedLink(s, d);
    const opened = await page.goto(`${d.origin}${link}`);
    expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByRole('heading', { name: 'Lift the IP address restriction' }).waitFor();
    await page.getByText(`Administrator: ${d.admin.code}`).waitFor();
    // The token has left the address bar (I6); a reload of what is left still holds the link.
    await page.waitForURL(`${d.origin}/allow-list-reset`);
    await page.reload();
    await page.getByText(`Administrator: ${d.admin.code}`).waitFor();
    expect(page.url()).toBe(`${d.origin}/allow-list-reset`);
    await page.getByText('turns off the IP address restriction of this domain').waitFor();
    // Opening the page, twice, lifted nothing.
    expect(await restricted(d)).toBe(true);

    await page.getByRole('button', { name: 'Lift the IP address restriction' }).click();
    await page.getByText('The IP address restriction has been lifted.').waitFor();
    expect(await restricted(d)).toBe(false);
    await page.getByRole('link', { name: 'Go to login' }).click();
    await page.waitForURL(`${d.origin}/login?next=${encodeURIComponent('/admin/security')}`);
    expect(await page.getByLabel('Login name').inputValue()).toBe(d.admin.code);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL(`${d.origin}/admin/security`);

    // The link is spent: it says so, and offers to ask again.
    await page.goto(`${d.origin}${link}`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('This link is invalid or has expired');
    await page.getByLabel("Administrator's login name").waitFor();
    await tab.close();
  });

  it('offers the link where a session from before the restriction is refused, sent without that session', async () => {
    const s = server();
    const d = await webDomain(s);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.admin.code, PASSWORD);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await lock(d);
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Access from this network is not allowed');
    await askForLink(page, d.admin.code);
    expect(await mailedLink(s, d)).toMatch(/^\/allow-list-reset\/[A-Za-z0-9_-]{43}$/);
    await tab.close();
  });

  it('fits a 375 px phone, in Japanese, from the refusal to a dead link', async () => {
    const s = server();
    const d = await lockedDomain(s);
    const tab = await openTab(browser(), { width: 375, locale: 'ja-JP' });
    const { page } = tab;
    await page.goto(`${d.origin}/login`);
    await page.getByLabel('ログイン名').fill(d.admin.code);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText('IPアドレス制限でログインできない管理者の方').click();
    await page.getByLabel('管理者のログイン名').waitFor();
    await expectNoSideScroll(page);

    await page.goto(`${d.origin}/allow-list-reset/${'x'.repeat(43)}`);
    await page.waitForURL(`${d.origin}/allow-list-reset`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('このリンクは無効か、有効期限が切れています。');
    await page.getByLabel('管理者のログイン名').waitFor();
    await expectNoSideScroll(page);
    expect(await restricted(d)).toBe(true);
    await tab.close();
  });
});
