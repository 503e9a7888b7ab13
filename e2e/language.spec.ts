// 言語 / Language: the first language follows the browser's, the header's switch changes the
// page at once and is remembered on reload, the server's messages follow it, and once signed in
// the account's language applies and the switch saves a new one (PUT /v1/me/profile.json).
import { describe, expect, it } from 'vitest';
import { openTab, useChromium } from './support/chromium.js';
import { call, useWebServer, webDomain } from './support/server.js';

describe('language', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('starts in the browser language, switches and remembers it, and saves it to the account', async () => {
    const d = await webDomain(server());
    const ja = await openTab(browser(), { locale: 'ja-JP' });
    await ja.page.goto(`${d.origin}/login`);
    await ja.page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await ja.close();

    const tab = await openTab(browser(), { locale: 'en-US' });
    const { page } = tab;
    await page.goto(`${d.origin}/login`);
    await page.getByRole('heading', { name: 'Login' }).waitFor();
    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.reload();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();

    // The server answers in the page's language too.
    await page.getByLabel('ログイン名').fill(d.member.code);
    await page.getByLabel('パスワード', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('パスワード認証に失敗しました');

    // The member's account says English: signed in, the page follows the account.
    await page.getByLabel('パスワード', { exact: true }).fill(d.member.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();

    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: 'ポータル', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'ログアウト' }).waitFor();
    await expect.poll(async () => (await call(d, d.member, 'GET', '/v1/me/profile.json')).locale).toBe('ja');
    await page.reload();
    await page.getByRole('heading', { name: 'ポータル', level: 1 }).waitFor();
    await tab.close();
  });
});
