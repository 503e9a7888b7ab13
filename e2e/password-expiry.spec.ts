// The warning before a password expires (features C: warn ≤5 days) in real Chromium: a banner over
// every screen with a link to change the password, which the user may close for this tab's
// session; a new password makes it go for good. The browser's clock is set to the server's test
// clock, as both read the same time in production.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab, useChromium } from './support/chromium.js';
import { portalSpaces, submitSignIn } from './support/pages.js';
import { call, useWebServer, webDomain } from './support/server.js';

const DAY_MS = 86_400_000;
const SHOTS = 'e2e/screenshots';

describe('password expiry warning', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('warns three days before, can be closed for the session, and leads to the change', async () => {
    const s = server();
    const d = await webDomain(s);
    const user = await d.addUser('soon');
    await call(d, d.admin, 'PUT', '/v1/security/settings.json', { passwordPolicy: { expiryDays: 30 } });
    s.h.clock.advance(27 * DAY_MS);
    const tab = await openTab(browser());
    const { page } = tab;
    await page.clock.setFixedTime(s.h.clock.now());
    await submitSignIn(page, d.origin, user.code, user.password);
    await portalSpaces(page);
    const banner = page.getByRole('status', { name: 'Password expiry' });
    expect(await banner.textContent()).toContain('Your password expires in 3 days.');

    // Closed: it stays closed on the next screens of this session.
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await portalSpaces(page);
    expect(await banner.count()).toBe(0);

    // A new tab's session shows it again, in Japanese for a user who reads Japanese; its link
    // leads to the change, after which it is gone.
    await s.h.services.db.updateTable('users').set({ locale: 'ja' }).where('domainId', '=', d.id).where('id', '=', user.id).execute();
    const ja = await openTab(browser(), { locale: 'ja-JP' });
    await ja.page.clock.setFixedTime(s.h.clock.now());
    await submitSignInJa(ja.page, d.origin, user.code, user.password);
    const jaBanner = ja.page.getByRole('status', { name: 'パスワードの有効期限' });
    await jaBanner.waitFor();
    expect(await jaBanner.textContent()).toContain('パスワードの有効期限まであと 3 日です。');
    await ja.page.screenshot({ path: `${SHOTS}/password-expiry-banner-ja.png` });
    await jaBanner.getByRole('link', { name: 'パスワードを変更する' }).click();
    await ja.page.getByLabel('現在のパスワード').fill(user.password);
    await ja.page.getByLabel('新しいパスワード', { exact: true }).fill('a renewed passphrase 9');
    await ja.page.getByLabel('新しいパスワード（確認）').fill('a renewed passphrase 9');
    await ja.page.getByRole('button', { name: '変更する' }).click();
    await ja.page.getByText('パスワードを変更しました。').waitFor();
    await jaBanner.waitFor({ state: 'detached' });
    await ja.close();
    await tab.close();
  });
});

async function submitSignInJa(page: Page, origin: string, login: string, password: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('ログイン名').fill(login);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}
