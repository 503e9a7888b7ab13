// Administration in real Chromium: users (add, suspend, reactivate, the user-licence refusal),
// a guest's licence from its trial to Required 31 days after its first login with the warning
// banner and the estimate, the security settings with a bad IP line, the audit log's filter,
// a message of the outbox, a member refused, and the users page on a phone in Japanese.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Tab, openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { type WebDomain, call, useWebServer, webDomain } from './support/server.js';
import type { Persona } from '../test/support/app.js';

const DAY = 86_400_000;
const SHOTS = 'e2e/screenshots';

describe('administration', () => {
  const browser = useChromium();
  const server = useWebServer();

  async function signedIn(d: WebDomain, who: Persona, options: { width?: number; locale?: string } = {}): Promise<Tab> {
    const tab = await openTab(browser(), options);
    // Several browser files share the machine: give slow moments more room than the default.
    tab.context.setDefaultTimeout(20_000);
    await submitSignIn(tab.page, d.origin, who.code, who.password);
    await tab.page.locator('.shell__main h1').first().waitFor();
    return tab;
  }

  /** Opens an administration screen from the header's entry and the area's menu. */
  async function openAdmin(page: Page, menu: string): Promise<void> {
    await page.getByRole('link', { name: 'Administration' }).first().click();
    await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name: menu, exact: true }).click();
  }

  it('adds a user, suspends and reactivates them, and is refused a user beyond the contract', async () => {
    const d = await webDomain(server());
    const tab = await signedIn(d, d.admin);
    const { page } = tab;
    await openAdmin(page, 'Users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Add user' }).click();
    await page.getByRole('heading', { name: 'Add user', level: 1 }).waitFor();
    await page.getByLabel('Login name', { exact: true }).fill('sato');
    await page.getByLabel('Display name', { exact: true }).fill('佐藤 花子');
    await page.getByLabel('E-mail address', { exact: true }).fill('not an address');
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase 42');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    // The server's message for the bad field, beneath it.
    await page.locator('.field-error').getByText('The e-mail address is not valid.').waitFor();
    expect(await page.getByLabel('E-mail address', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('E-mail address', { exact: true }).fill('sato@example.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('status').getByText('The user "佐藤 花子" has been added.').waitFor();
    await page.getByRole('heading', { name: '佐藤 花子', level: 1 }).waitFor();

    const state = page.getByRole('region', { name: 'Status' });
    await state.getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Make 佐藤 花子 inactive?').waitFor();
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('The user is inactive.').waitFor();
    await state.getByText('Inactive').waitFor();
    await state.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText('The user is active again.').waitFor();
    await state.getByText('Active', { exact: true }).waitFor();

    // The list finds the user by part of the name.
    await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('Search (login name, display name, e-mail address)').fill('佐藤');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=%E4%BD%90%E8%97%A4/);
    await page.getByText('1 - 1 (of 1)').first().waitFor();
    expect(await page.locator('.admin-table tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'sato' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/admin-users-desktop.png`, fullPage: true });

    // Three users are active: a contract of 3 user licences leaves no room for a fourth.
    await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name: 'Licenses' }).click();
    await page.getByRole('heading', { name: 'Licenses', level: 1 }).waitFor();
    await page.getByText('No contract is set').waitFor();
    await page.getByLabel('User licenses').fill('2');
    await page.getByRole('button', { name: 'Set contract' }).click();
    await page.getByRole('alert').getByText('cannot be lower than the 3 users in use').waitFor();
    await page.getByLabel('User licenses').fill('3');
    await page.getByRole('button', { name: 'Set contract' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: 'Add user' }).click();
    await page.getByRole('heading', { name: 'Add user', level: 1 }).waitFor();
    await page.getByLabel('Login name', { exact: true }).fill('suzuki');
    await page.getByLabel('Display name', { exact: true }).fill('鈴木 一郎');
    await page.getByLabel('E-mail address', { exact: true }).fill('suzuki@example.com');
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase 43');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').getByText('All 3 user licenses are in use.').waitFor();
    await page.getByRole('link', { name: 'See licenses' }).waitFor();
    await tab.close();
  });

  it('a member never sees the administration and is refused it by address', async () => {
    const d = await webDomain(server());
    const tab = await signedIn(d, d.member);
    const { page } = tab;
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const path of ['/admin', '/admin/users', '/admin/licences']) {
      await page.goto(`${d.origin}${path}`);
      await page.getByRole('heading', { name: 'No privilege to proceed.', level: 1 }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Administration menu' }).count()).toBe(0);
    }
    await page.getByRole('link', { name: 'Back to Portal' }).click();
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await tab.close();
  });

  it('edits the security settings, with a bad line of the IP list named beside the list', async () => {
    const d = await webDomain(server());
    const tab = await signedIn(d, d.admin);
    const { page } = tab;
    await openAdmin(page, 'Login Security');
    await page.getByRole('heading', { name: 'Login Security', level: 1 }).waitFor();
    await page.getByLabel('Minimum length').fill('12');
    await page.getByLabel('Use 2-step verification for guest authentication').check();
    const list = page.getByLabel(/^Allowed IP addresses/);
    await list.fill('127.0.0.1\n\nnot-an-address\n203.0.113.0/24');
    await page.getByRole('button', { name: 'Save' }).click();
    const problem = page.locator('.field--invalid .line-errors');
    await problem.getByText('Line 3 ("not-an-address")').waitFor();
    expect(await list.getAttribute('aria-invalid')).toBe('true');
    await list.fill('127.0.0.1\n203.0.113.0/24');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const saved = await call(d, d.admin, 'GET', '/v1/security/settings.json');
    expect(saved).toMatchObject({ guestTwoStep: true, passwordPolicy: { minLength: 12 }, ipRestriction: { enabled: false, allow: ['127.0.0.1', '203.0.113.0/24'] } });
    await page.screenshot({ path: `${SHOTS}/admin-security-desktop.png`, fullPage: true });
    await tab.close();
  });

  it('opens a message of the outbox and filters the audit log', async () => {
    const s = server();
    const d = await webDomain(s);
    const tab = await signedIn(d, d.admin);
    const { page } = tab;
    await openAdmin(page, 'Mail outbox');
    await page.getByRole('heading', { name: 'Mail outbox', level: 1 }).waitFor();
    await page.getByText('Send a test message').click();
    await page.getByLabel('Message').fill('Hello from the administration test <b>not bold</b>');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('The test message has been queued.').waitFor();
    await s.h.mail.runOnce();
    await page.reload();
    await page.getByRole('cell', { name: 'admin@example.com' }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('sent');
    const link = page.locator('.admin-table tbody a').first();
    const subject = await link.textContent();
    expect(subject).toBeTruthy();
    await link.click();
    await page.getByRole('heading', { name: subject!, level: 1 }).waitFor();
    await page.getByText('Hello from the administration test <b>not bold</b>').waitFor();
    await page.getByRole('tab', { name: 'HTML' }).click();
    const frame = page.frameLocator('iframe.mail-html');
    await frame.getByText('Hello from the administration test <b>not bold</b>').waitFor();
    expect(await page.locator('iframe.mail-html').getAttribute('sandbox')).toBe('');
    await page.screenshot({ path: `${SHOTS}/admin-mail-message-desktop.png`, fullPage: true });

    await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name: 'Audit logs' }).click();
    await page.getByRole('heading', { name: 'Audit logs', level: 1 }).waitFor();
    await page.locator('.admin-table tbody tr').first().waitFor();
    expect(await page.locator('.admin-table tbody tr').count()).toBeGreaterThan(1);
    await page.getByLabel('Action').fill('mail.test');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/action=mail\.test/);
    await page.getByText('1 - 1 (of 1)').first().waitFor();
    await page.getByRole('cell', { name: 'mail.test' }).waitFor();
    expect(await page.getByRole('link', { name: 'Export to CSV' }).getAttribute('href')).toBe('/v1/audit.csv?action=mail.test');
    await page.getByLabel('Result').selectOption('failure');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByText('No entries match the conditions.').waitFor();
    await page.getByLabel('Action').fill('not a valid action!');
    await page.getByLabel('Result').selectOption('');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.locator('.field--invalid').getByLabel('Action').waitFor();
    await tab.close();
  });

  it('works on a phone in Japanese: the users list as cards, nothing wider than the screen', async () => {
    const d = await webDomain(server());
    // Signing in applies the account's language: this administrator reads Japanese.
    await call(d, d.admin, 'PUT', '/v1/users.json', { users: [{ code: d.admin.code, locale: 'ja' }] });
    const tab = await openTab(browser(), { width: 375, locale: 'ja-JP' });
    tab.context.setDefaultTimeout(20_000);
    const { page } = tab;
    await page.goto(`${d.origin}/login`);
    await page.getByLabel('ログイン名').fill(d.admin.code);
    await page.getByLabel('パスワード', { exact: true }).fill(d.admin.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('link', { name: '管理' }).first().tap();
    await page.getByRole('heading', { name: '管理', level: 1 }).waitFor();
    // On a phone the overview is the menu.
    await page.getByRole('main').getByRole('link', { name: 'ユーザー', exact: true }).tap();
    await page.getByRole('heading', { name: 'ユーザー', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'member' }).waitFor();
    await page.getByText('1 - 2（全 2 件）').first().waitFor();
    expect(await page.locator('.admin-table').getByText('使用中').count()).toBe(2);
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/admin-users-phone.png`, fullPage: true });
    await page.getByRole('link', { name: '‹ 管理' }).tap();
    await page.getByRole('main').getByRole('link', { name: 'ライセンス', exact: true }).tap();
    await page.getByRole('heading', { name: 'ライセンス', level: 1 }).waitFor();
    await page.getByText('契約は登録されていません。').waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/admin-licences-phone.png`, fullPage: true });
    await tab.close();
  });

  // Last: it moves the file's clock a month on.
  it('shows a guest in trial after its first login, then Required 31 days later with the warning banner and the estimate', async () => {
    const s = server();
    const d = await webDomain(s);
    await call(d, d.admin, 'PUT', '/v1/licences/contract.json', { course: 'standard', term: 'monthly', userLicences: 5, startDate: s.h.clock.now().toISOString().slice(0, 10) });
    let tab = await signedIn(d, d.admin);
    let page = tab.page;
    await openAdmin(page, 'Guest Management');
    await page.getByRole('heading', { name: 'Guest Management', level: 1 }).waitFor();
    await page.getByText('Add guest').click();
    await page.getByLabel('E-mail address', { exact: true }).fill('partner@example.com');
    await page.getByLabel('Display name', { exact: true }).fill('Partner Hanako');
    await page.getByLabel('Company').fill('Sample Co.');
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase 77');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('The guest partner@example.com has been added.').waitFor();
    const row = page.getByRole('row', { name: /Partner Hanako/ });
    await row.getByText('Trial').waitFor();
    await row.getByText('Not started (no login yet)').waitFor();

    // The guest logs in (through the API): its 30-day trial starts today, in Japan.
    const login = await d.request({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-requested-with': 'XMLHttpRequest' },
      payload: { login: 'partner@example.com', password: 'a long passphrase 77', guest: true },
    });
    expect(login.statusCode).toBe(200);
    const trialEnds = new Date(s.h.clock.now().getTime() + 9 * 3_600_000 + 30 * DAY).toISOString().slice(0, 10);
    await page.reload();
    await row.getByText(trialEnds).waitFor();
    await row.getByText('Trial').waitFor();
    expect(await page.getByRole('region', { name: 'License warning' }).count()).toBe(0);
    await tab.close();

    s.h.clock.advance(31 * DAY);
    // A month later every session has ended: the administrator logs in again.
    tab = await signedIn(d, d.admin);
    page = tab.page;
    await openAdmin(page, 'Guest Management');
    await page.getByRole('row', { name: /Partner Hanako/ }).getByText('Required').waitFor();
    await page.screenshot({ path: `${SHOTS}/admin-guests-desktop.png`, fullPage: true });
    const banner = page.getByRole('region', { name: 'License warning' });
    await banner.getByText('1 guest needs a license, but the contract has 0 guest licenses.').waitFor();
    await banner.getByRole('link', { name: 'See licenses' }).click();
    await page.getByRole('heading', { name: 'Licenses', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'License warning' }).waitFor();

    const estimate = page.getByRole('region', { name: 'Estimate' });
    const thisMonth = estimate.getByRole('table', { name: /^This month/ });
    await thisMonth.getByRole('row', { name: /^Users/ }).getByText('¥9,000').waitFor();
    await thisMonth.getByRole('row', { name: /^Guest users/ }).getByText('¥1,440').first().waitFor();
    await thisMonth.getByText('¥10,440').waitFor();
    await estimate.getByRole('table', { name: /^Next month/ }).waitFor();
    expect(await estimate.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe('/v1/licences/estimate.csv?locale=en');
    await page.screenshot({ path: `${SHOTS}/admin-licences-desktop.png`, fullPage: true });
    await tab.close();
  });
});
