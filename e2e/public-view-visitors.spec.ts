// Visitors who sign in by e-mail, in Chromium: a MyPage view asks a stranger for an address,
// mails a one-time code (or a sign-in link, which works in the browser that asked for it), and
// then shows only the records that carry that address; signing out asks again. Sessions end:
// after two idle hours the visitor is asked again, as is a password's visitor after twelve; on a
// view for registered addresses only, an address not on the list is told the same as anyone and
// gets no mail.
import { describe, expect, it } from 'vitest';
import type { Tab } from './support/chromium.js';
import { expectNoSideScroll } from './support/pages.js';
import { HOUSE_LIST, SHOTS, expectNothingWithheld, houseName, houseWorld, madeView, strangerTab } from './support/public-views.js';
import { useChromium } from './support/chromium.js';
import { EMAIL_SESSION_IDLE_MS } from '../common/api/public-visitors.js';
import { VISITOR_SESSION_MS } from '../server/domain/public-views/unlock-view.js';
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

  it('ends a visitor’s session after two idle hours and a password’s unlock after twelve', async () => {
    const s = server();
    const { w, view } = await myPage(s);
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(view.url);
    await askFor(tab, 'Send me a code');
    await page.getByText('a code is on its way', { exact: false }).waitFor();
    const code = /\b(\d{6})\b/.exec((await latestMailTo(s, w.d, 'kim@example.com')).text)![1]!;
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('1 - 3 (of 3)').first().waitFor();
    // An hour and a half on, the visitor is still in (and the visit counts as activity)…
    s.h.clock.advance(EMAIL_SESSION_IDLE_MS - 30 * 60_000);
    await page.reload();
    await page.getByText('1 - 3 (of 3)').first().waitFor();
    // …two idle hours after that, asked again, with nothing of the records on the page.
    s.h.clock.advance(EMAIL_SESSION_IDLE_MS);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in with your e-mail address', level: 1 }).waitFor();
    expect(await page.content()).not.toContain(houseName(1));
    await tab.close();

    const locked = await madeView(w, { password: 'open sesame 42' });
    const other = await strangerTab(browser());
    await other.page.goto(locked.url);
    await other.page.getByLabel('Password', { exact: true }).fill('open sesame 42');
    await other.page.getByRole('button', { name: 'Show page' }).click();
    await other.page.getByText('1 - 10 (of 25)').first().waitFor();
    s.h.clock.advance(VISITOR_SESSION_MS);
    await other.page.reload();
    await other.page.getByRole('heading', { name: 'Password needed', level: 1 }).waitFor();
    expect(await other.page.content()).not.toContain(houseName(1));
    await other.close();
  });

  it('tells an address not on a registered-only list the same as anyone, and mails it nothing', async () => {
    const s = server();
    const { w, view } = await myPage(s);
    await call(w.d, w.d.admin, 'PUT', '/v1/public-view/email-auth.json', { id: view.id, mode: 'registered' });
    await call(w.d, w.d.admin, 'POST', '/v1/public-view/visitors.json', { id: view.id, visitors: [{ email: 'kim@example.com' }] });
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(view.url);
    await page.getByRole('heading', { name: 'Sign in with your e-mail address', level: 1 }).waitFor();
    await page.getByLabel('E-mail address', { exact: true }).fill('lee@example.com');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('a code is on its way', { exact: false }).waitFor();
    await s.h.mail.runOnce();
    const { messages } = await call(w.d, w.d.admin, 'GET', '/v1/mail/outbox.json?limit=100');
    expect((messages as Array<{ to: string }>).map((m) => m.to)).not.toContain('lee@example.com');
    // A guessed code gets nowhere.
    await page.getByLabel('Verification code').fill('123456');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.content()).not.toContain(houseName(1));
    await tab.close();
  });
});
