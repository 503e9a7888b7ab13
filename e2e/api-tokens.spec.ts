// An app's API tokens in real Chromium (probe A18): making one and deleting one each ask for the
// current password in a dialog; a wrong one is named next to the field and changes nothing, the
// right one goes through, and the new token is shown once.
import { describe, expect, it } from 'vitest';
import { deployedApp } from '../test/support/apps.js';
import { openTab, useChromium } from './support/chromium.js';
import { portalSpaces, submitSignIn } from './support/pages.js';
import { call, useWebServer, webDomain } from './support/server.js';

describe('API tokens', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('asks for the current password before a token is made or deleted', async () => {
    const d = await webDomain(server());
    const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } }, { as: d.member, name: 'Orders' });
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.member.code, d.member.password);
    await portalSpaces(page);
    await page.goto(`${d.origin}/app/${app}/settings/app`);
    await page.getByRole('link', { name: 'API Token' }).click();
    await page.getByText('There are no API tokens yet.').waitFor();
    await page.getByLabel('Add records').check();
    await page.getByRole('button', { name: 'Generate' }).click();

    const dialog = page.getByRole('dialog', { name: 'Enter your password' });
    await dialog.getByLabel('Current password').fill('not my password');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('The current password is incorrect.').waitFor();
    await page.screenshot({ path: 'e2e/screenshots/api-token-password.png' });
    const tokens = async () => (await call(d, d.member, 'GET', `/k/v1/preview/app/apiTokens.json?app=${app}`)).tokens as Array<{ hint: string; rights: Record<string, boolean> }>;
    expect(await tokens()).toEqual([]);

    await dialog.getByLabel('Current password').fill(d.member.password);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const shown = await page.getByRole('status').locator('code').textContent();
    expect(shown).toMatch(/^[0-9a-z]{40}$/);
    const made = await tokens();
    expect(made).toEqual([expect.objectContaining({ hint: shown!.slice(-4), rights: expect.objectContaining({ view: true, add: true, edit: false }) })]);

    await page.getByRole('button', { name: `Delete: Token ending in …${shown!.slice(-4)}` }).click();
    await dialog.getByLabel('Current password').fill(d.member.password);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByText('There are no API tokens yet.').waitFor();
    expect(await tokens()).toEqual([]);
    await tab.close();
  });
});
