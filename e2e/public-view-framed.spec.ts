// A view embedded in another site's page, in Chromium: the shop's page (https://shop.example,
// answered by the browser's request routing) frames the view, which names the shop in its
// frame-ancestors. A visitor unlocks a password-protected view inside the frame and stays
// unlocked across a reload of the shop's page; the same view opened by itself asks again (the
// frame's cookie lives in the shop's partition). A MyPage view with e-mail sign-in offers only the
// code inside the frame (a mailed link would open outside it), and the code signs the visitor in
// there.
import { describe, expect, it } from 'vitest';
import { type Tab, useChromium } from './support/chromium.js';
import { HOUSE_LIST, SHOTS, expectNothingWithheld, houseName, houseWorld, madeView, strangerTab } from './support/public-views.js';
import { call, latestMailTo, useWebServer } from './support/server.js';

const SHOP = 'https://shop.example';

/**
 * The shop's page, framing `url`. The test server is on this machine, which Chromium keeps public
 * pages from reaching unless allowed (Local Network Access): the shop's page is allowed, as a
 * real shop's page would reach a real server.
 */
async function shopFraming(tab: Tab, url: string): Promise<void> {
  await tab.context.grantPermissions(['local-network-access'], { origin: SHOP });
  await tab.context.route(`${SHOP}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><h1>Our shop</h1><iframe title="Houses" src="${url}" style="width:100%;height:620px;border:0"></iframe>`,
    }),
  );
  await tab.page.goto(`${SHOP}/houses`);
}

describe('public views inside another site’s frame', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('unlocks a password-protected view inside the frame and keeps it there only', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w, { password: 'open sesame 42', frameAncestors: [SHOP] });
    const tab = await strangerTab(browser());
    const { page } = tab;
    await shopFraming(tab, view.url);
    const frame = page.frameLocator('iframe[title="Houses"]');
    await frame.getByRole('heading', { name: 'Password needed', level: 1 }).waitFor();
    await frame.getByLabel('Password', { exact: true }).fill('open sesame 42');
    await frame.getByRole('button', { name: 'Show page' }).click();
    await frame.getByText('1 - 10 (of 25)').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-framed.png`, fullPage: true });

    // The shop's page reloaded: the frame is still unlocked, a detail page too.
    await page.reload();
    await frame.getByText('1 - 10 (of 25)').first().waitFor();
    await frame.getByRole('row', { name: new RegExp(houseName(2)) }).getByRole('link', { name: 'Details' }).click();
    await frame.locator('.pv-fields').getByText('Note of 2').waitFor();
    const cookies = await tab.context.cookies(view.url);
    expect(cookies.map((c) => [c.name, c.sameSite, c.secure])).toEqual([['__Secure-engawa_pv', 'None', true]]);

    // The view opened by itself, in the same browser, is asked for the password again.
    const own = await tab.context.newPage();
    await own.goto(view.url);
    await own.getByRole('heading', { name: 'Password needed', level: 1 }).waitFor();
    expect(await own.content()).not.toContain(houseName(1));
    await own.close();
    await tab.close();
  });

  it('signs a visitor in by an e-mailed code inside the frame, offering no link', async () => {
    const s = server();
    const w = await houseWorld(s);
    const view = await madeView(w, { kind: 'myPage', title: 'My houses', settings: { ...HOUSE_LIST, match: [{ field: 'contact', attribute: 'email' }] }, frameAncestors: [SHOP] });
    await call(w.d, w.d.admin, 'PUT', '/v1/public-view/email-auth.json', { id: view.id, mode: 'anyone' });
    const tab = await strangerTab(browser(), { width: 375 });
    const { page } = tab;
    await shopFraming(tab, view.url);
    const frame = page.frameLocator('iframe[title="Houses"]');
    await frame.getByRole('heading', { name: 'Sign in with your e-mail address', level: 1 }).waitFor();
    expect(await frame.getByLabel('Send me a sign-in link').count()).toBe(0);
    await frame.getByLabel('E-mail address', { exact: true }).fill('kim@example.com');
    await frame.getByRole('button', { name: 'Send' }).click();
    await frame.getByText('a code is on its way', { exact: false }).waitFor();
    const mail = await latestMailTo(s, w.d, 'kim@example.com');
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code, mail.text).toBeDefined();
    await frame.getByLabel('Verification code').fill(code!);
    await frame.getByRole('button', { name: 'Sign in' }).click();
    await frame.getByText('Signed in as kim@example.com', { exact: false }).waitFor();
    await frame.getByText('1 - 3 (of 3)').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-framed-mypage-375.png`, fullPage: true });
    // Still signed in after the shop's page is reloaded.
    await page.reload();
    await frame.getByText('1 - 3 (of 3)').first().waitFor();
    await tab.close();

    // The same view opened by itself still offers both ways.
    const own = await strangerTab(browser());
    await own.page.goto(view.url);
    await own.page.getByLabel('Send me a sign-in link').waitFor();
    await expectNothingWithheld(own);
    await own.close();
  });
});
