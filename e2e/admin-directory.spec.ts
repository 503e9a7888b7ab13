// Administration, the rest of the directory and security screens in real Chromium: the
// department tree and groups with a user's memberships, a client certificate issued (its
// password shown once) and revoked, a user's sessions ended, and an administrator's own password
// and e-mail address changed only after the current password is given (probe A18).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Tab, openTab, useChromium } from './support/chromium.js';
import { submitSignIn } from './support/pages.js';
import { type WebDomain, call, useWebServer, webDomain } from './support/server.js';

describe('administration: directory and security', () => {
  const browser = useChromium();
  const server = useWebServer();

  /** Moves inside the app (no reload), as a person does: the area's menu. */
  async function menu(page: Page, name: string, heading = name): Promise<void> {
    await page.getByRole('navigation', { name: 'Administration menu' }).getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  async function signedInAdmin(d: WebDomain): Promise<Tab> {
    const tab = await openTab(browser());
    // Several browser files share the machine: give slow moments more room than the default.
    tab.context.setDefaultTimeout(20_000);
    await submitSignIn(tab.page, d.origin, d.admin.code, d.admin.password);
    await tab.page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await tab.page.getByRole('link', { name: 'Administration' }).first().click();
    await tab.page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    return tab;
  }

  it('builds a department tree and a group, and puts a user in them from the user’s page', async () => {
    const d = await webDomain(server());
    const tab = await signedInAdmin(d);
    const { page } = tab;
    await menu(page, 'Departments');
    await page.getByText('There are no departments yet.').waitFor();

    await page.getByRole('button', { name: 'Add department' }).click();
    await page.getByLabel('Department code').fill('sales');
    await page.getByLabel('Department name').fill('Sales');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const tree = page.getByRole('navigation', { name: 'Department tree' });
    await tree.getByRole('button', { name: 'Sales' }).waitFor();
    await page.getByRole('button', { name: 'Add a department under this one' }).click();
    await page.getByLabel('Department code').fill('tokyo');
    await page.getByLabel('Department name').fill('Tokyo office');
    expect(await page.getByLabel('Parent department').inputValue()).toBe('sales');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await tree.locator('.tree .tree').getByRole('button', { name: 'Tokyo office' }).waitFor();
    // A department cannot move under itself: it is not offered as its own parent.
    expect(await page.getByLabel('Parent department').locator('option').allTextContents()).not.toContain('　Tokyo office');

    await menu(page, 'Groups', 'Groups (Roles)');
    await page.getByRole('button', { name: 'Add group' }).click();
    await page.getByLabel('Group code').fill('reviewers');
    await page.getByLabel('Group name').fill('Reviewers');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: 'Reviewers', level: 2 }).waitFor();
    await page.getByText('The group has no members.').waitFor();

    await menu(page, 'Users');
    await page.getByRole('link', { name: 'member', exact: true }).click();
    const departments = page.getByRole('region', { name: 'Departments' });
    await departments.getByLabel('Tokyo office').check();
    await departments.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const groups = page.getByRole('region', { name: 'Groups' });
    await groups.getByLabel('Reviewers').check();
    await groups.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await call(d, d.admin, 'GET', '/v1/user/organizations.json?code=member')).toMatchObject({ organizationTitles: [{ organization: { code: 'tokyo' }, primary: true }] });

    await menu(page, 'Groups', 'Groups (Roles)');
    await page.getByRole('navigation', { name: 'Groups' }).getByRole('button', { name: 'Reviewers' }).click();
    await page.getByRole('region', { name: 'Members' }).getByRole('link', { name: 'member' }).waitFor();
    await menu(page, 'Departments');
    await page.getByRole('navigation', { name: 'Department tree' }).getByRole('button', { name: 'Sales' }).click();
    const members = page.getByRole('region', { name: 'Users in this department' });
    await members.getByText('No users belong here.').waitFor();
    await members.getByLabel('Include sub-departments').check();
    await members.getByRole('link', { name: 'member' }).waitFor();
    await tab.close();
  });

  it('issues a client certificate once, revokes it, and ends a user’s sessions', async () => {
    const d = await webDomain(server());
    // The member is signed in somewhere.
    const elsewhere = await d.request({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-requested-with': 'XMLHttpRequest', 'user-agent': 'Elsewhere Browser/1.0' },
      payload: { login: d.member.code, password: d.member.password },
    });
    expect(elsewhere.statusCode).toBe(200);
    const tab = await signedInAdmin(d);
    const { page } = tab;
    await menu(page, 'Users');
    await page.getByRole('link', { name: 'member', exact: true }).click();
    await page.getByRole('region', { name: 'Status' }).getByRole('link', { name: 'Client certificates' }).click();
    await page.getByRole('heading', { name: 'Client certificates', level: 1 }).waitFor();
    await page.waitForURL(/\/admin\/certificates\?code=member$/);
    expect(await page.getByLabel('Login name', { exact: true }).inputValue()).toBe('member');
    await page.getByRole('button', { name: 'Issue' }).click();
    await page.getByText('The certificate has been issued.').waitFor();
    expect((await page.locator('.secret-value').textContent())?.length).toBeGreaterThan(8);
    expect(await page.getByRole('link', { name: 'Download the certificate file (.p12)' }).getAttribute('href')).toMatch(/^blob:/);
    const list = page.getByRole('region', { name: 'Certificates of member' });
    await list.getByText('Valid').waitFor();
    await list.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('The certificate has been revoked.').waitFor();
    await list.getByText('Revoked').waitFor();

    // From the certificate's user to that user's sessions.
    await list.getByRole('link', { name: 'member' }).click();
    await page.getByRole('region', { name: 'Status' }).getByRole('link', { name: 'Sessions of this user' }).click();
    const sessions = page.getByRole('region', { name: 'Sessions of member' });
    await sessions.getByText('Elsewhere Browser/1.0').waitFor();
    await sessions.getByRole('button', { name: 'End all sessions' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End all sessions' }).click();
    await page.getByText('All sessions have ended.').waitFor();
    await sessions.getByText('There are no sessions.').waitFor();
    await page.getByLabel('Login name (guests: e-mail address)').fill('nobody');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('.field--invalid').getByLabel('Login name (guests: e-mail address)').waitFor();
    await tab.close();
  });

  it('asks for the current password before one’s own password or e-mail address changes, not another user’s', async () => {
    const d = await webDomain(server());
    const tab = await signedInAdmin(d);
    const { page } = tab;
    const email = async () => (await call(d, d.admin, 'GET', '/v1/users.json?codes[0]=admin')).users[0].email;
    await menu(page, 'Users');
    await page.getByRole('link', { name: 'admin', exact: true }).click();
    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByLabel('Display name', { exact: true }).fill('The Boss');
    await profile.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'The Boss', level: 1 }).waitFor();

    await profile.getByLabel('E-mail address', { exact: true }).fill('boss@example.org');
    await profile.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enter your password' });
    await dialog.getByText('To change your own password or e-mail address').waitFor();
    await dialog.getByLabel('Current password').fill('not my password');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('The current password is incorrect.').waitFor();
    expect(await email()).toBe('admin@example.com');
    await dialog.getByLabel('Current password').fill(d.admin.password);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await email()).toBe('boss@example.org');

    const reset = page.getByRole('region', { name: 'Reset password' });
    await reset.getByLabel('New password').fill('my own new passphrase 7');
    await reset.getByRole('button', { name: 'Change' }).click();
    await dialog.getByLabel('Current password').fill(d.admin.password);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('status').getByText('The password has been changed.').waitFor();
    const signIn = (password: string) =>
      d.request({ method: 'POST', url: '/api/session', headers: { 'x-requested-with': 'XMLHttpRequest' }, payload: { login: 'admin', password } });
    expect((await signIn('my own new passphrase 7')).statusCode).toBe(200);

    // Another user's password goes straight through.
    await menu(page, 'Users');
    await page.getByRole('link', { name: 'member', exact: true }).click();
    await reset.getByLabel('New password').fill('a new passphrase for them 8');
    await reset.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('status').getByText('The password has been changed.').waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await tab.close();
  });
});
