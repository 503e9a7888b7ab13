// Visitors who sign in by e-mail, in Chromium: a MyPage view asks a stranger for an address,
// mails a one-time code (or a sign-in link, which works in the browser that asked for it), and
// then shows only the records that carry that address; signing out asks again.
import { describe, expect, it } from 'vitest';
import type { Tab } from './support/chromium.js';
import { expectNoSideScroll } from './support/pages.js';
import { HOUSE_LIST, SHOTS, expectNothingWithheld, houseName, houseWorld, madeView, strangerTab } from './support/public-views.js';
import { useChromium } from './support/chromium.js';
import { type WebServer, call, latestMailTo, useWebServer } from './support/server.js';

describe('public view visitors', () => {
  const browser = useChromium();
  const server = useWebServer();

  async function myPage(s: WebServer) {
    const w = await houseWorld(s);
    const view = await madeView(w, { kind: 'myPage', title: 'My houses', settings: { ...HOUSE_LIST, match: [{ field: 'contact', attribute: 'email' }] } });
    await call(w.d, w.d.admin, 'PUT', '/v1/public-view/email-auth.json', { id: view.id, mode: 'anyone' });
    return { w, view };
  }

  async function askFor(tab: Tab, how: 'Send me a code' | 'Send me a sign-in link') {
    const { page } = tab;
    await page.getByRole('heading', { name: 'Sign in with your e-mail address', level: 1 }).waitFor();
    await page.getByLabel('E-mail address', { exact: true }).fill('kim@example.com');
    await page.getByLabel(how).check();
    await page.getByRole('button', { name: 'Send' }).click();
  }

  it('signs in with a mailed code and shows only the visitor’s own records', async () => {
    const { w, view } = await myPage(server());
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(view.url);
    await askFor(tab, 'Send me a code');
    await page.getByText('a code is on its way', { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-sign-in-code.png`, fullPage: true });
    const mail = await latestMailTo(server(), w.d, 'kim@example.com');
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code, mail.text).toBeDefined();
    await page.getByLabel('Verification code').fill('000000' === code ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Verification code').fill(code!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('1 - 3 (of 3)').first().waitFor();
    await page.getByText('Signed in as kim@example.com', { exact: false }).waitFor();
    expect(await page.locator('.pv-table tbody tr').allTextContents()).toEqual([expect.stringContaining(houseName(1)), expect.stringContaining(houseName(2)), expect.stringContaining(houseName(3))]);
    await expectNothingWithheld(tab);
    await page.screenshot({ path: `${SHOTS}/public-view-mypage.png`, fullPage: true });
    // A reload keeps the session; signing out ends it.
    await page.reload();
    await page.getByText('1 - 3 (of 3)').first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in with your e-mail address', level: 1 }).waitFor();
    await tab.close();
  });

  it('signs in with a mailed link in the same browser, on a phone in Japanese', async () => {
    const { w, view } = await myPage(server());
    const tab = await strangerTab(browser(), { width: 375, locale: 'ja-JP' });
    const { page } = tab;
    await page.goto(view.url);
    await page.getByRole('heading', { name: 'メールアドレスでログイン', level: 1 }).waitFor();
    await expectNoSideScroll(page);
    await page.getByLabel('メールアドレス', { exact: true }).fill('kim@example.com');
    await page.getByLabel('ログイン用リンクを送る').check();
    await page.getByRole('button', { name: '送信' }).click();
    await page.getByText('ログイン用リンクを送信しました', { exact: false }).waitFor();
    const mail = await latestMailTo(server(), w.d, 'kim@example.com');
    const link = /https?:\/\/[^\s/]+(\/public\/[^\s]+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeDefined();
    await page.goto(`${w.d.origin}${link}`);
    await page.getByText('1 - 3（全 3 件）').first().waitFor();
    // The link is dropped from the address once used.
    expect(page.url()).not.toContain('signIn=');
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-mypage-375-ja.png`, fullPage: true });
    await tab.close();
  });
});
