// Guests in real Chromium: the invitation link mailed to a new address (sign up and join, then
// the portal shows that guest space and nothing else), an existing guest joining from a link,
// the e-mailed code of two-step verification, and a password reset from the mailed link — whose
// tokens leave the address bar once the page has loaded (I6). Mail is
// read from the embedded outbox, as an administrator would in GET /v1/mail/outbox.json.
import { describe, expect, it } from 'vitest';
import { addGuest, seedSpace, setSpaceGuests } from '../test/support/guests.js';
import { openTab, useChromium } from './support/chromium.js';
import { portalSpaces, submitSignIn } from './support/pages.js';
import { type WebDomain, type WebServer, call, useWebServer, latestMailTo, linkPath, webDomain } from './support/server.js';
import { deployedApp } from '../test/support/apps.js';

describe('guests', () => {
  const browser = useChromium();
  const server = useWebServer();

  /** A guest space run by its own space administrator, and another guest space beside it. */
  async function guestWorld(s: WebServer): Promise<{ d: WebDomain; space: number; other: number }> {
    const d = await webDomain(s);
    const sa = await d.addUser('sa');
    const space = await seedSpace(s.h, d, { name: 'Project Sakura', admins: [sa] });
    const other = await seedSpace(s.h, d, { name: 'Project Ume', admins: [sa] });
    await setSpaceGuests(d, other, [await addGuest(d, 'someone-else@example.com')]);
    await call(d, sa, 'POST', `/k/guest/${space}/v1/space/invitations.json`, { id: space, emails: ['new.partner@example.com', 'known@example.com'] });
    return { d, space, other };
  }

  it('registers an invitee from the mailed link, who lands in the portal seeing only that guest space', async () => {
    const s = server();
    const { d, space } = await guestWorld(s);
    await deployedApp(d, {}, { name: 'Site photos', guestSpace: space });
    const mail = await latestMailTo(s, d, 'new.partner@example.com');
    const tab = await openTab(browser());
    const { page } = tab;
    const opened = await page.goto(`${d.origin}${linkPath(mail.text, '/invitations/')}`);
    expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByRole('heading', { name: 'Invitation to a Guest Space' }).waitFor();
    await page.getByText('"Project Sakura"').waitFor();
    // The token has left the address bar (I6); a reload of what is left still shows the invitation.
    await page.waitForURL(`${d.origin}/invitations`);
    await page.reload();
    await page.getByText('"Project Sakura"').waitFor();
    expect(page.url()).toBe(`${d.origin}/invitations`);
    expect(await page.getByLabel('E-mail address').inputValue()).toBe('new.partner@example.com');
    await page.getByRole('button', { name: 'Sign up and join' }).click();
    // The server names what is missing, next to the field.
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Display name').fill('Partner Taro');
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase 42');
    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.locator('form').getByLabel('Language').selectOption('en');
    await page.getByRole('button', { name: 'Sign up and join' }).click();
    expect(await portalSpaces(page)).toEqual(['Project Sakura']);
    await page.getByRole('region', { name: 'Spaces' }).getByText('Guest Space').waitFor();
    await page.getByRole('region', { name: 'Apps' }).getByText('Site photos').waitFor();
    await page.getByText('Partner Taro').waitFor();

    // The link is spent.
    await page.goto(`${d.origin}${linkPath(mail.text, '/invitations/')}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('invitation link');
    await tab.close();
  });

  it('lets an existing guest join from the link and then log in to see both of its spaces', async () => {
    const s = server();
    const d = await webDomain(s);
    const sa = await d.addUser('sa');
    const first = await seedSpace(s.h, d, { name: 'First site', admins: [sa] });
    const second = await seedSpace(s.h, d, { name: 'Second site', admins: [sa] });
    const guest = await addGuest(d, 'known@example.com');
    await setSpaceGuests(d, first, [guest]);
    await call(d, sa, 'POST', `/k/guest/${second}/v1/space/invitations.json`, { id: second, emails: [guest.code] });
    const mail = await latestMailTo(s, d, guest.code);
    const tab = await openTab(browser());
    const { page } = tab;
    await page.goto(`${d.origin}${linkPath(mail.text, '/invitations/')}`);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`${d.origin}/login/guest`);
    await page.getByText('You have joined the space.').waitFor();
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(guest.code);
    await page.getByLabel('Password', { exact: true }).fill(guest.password);
    await page.getByRole('button', { name: 'Login' }).click();
    expect((await portalSpaces(page)).sort()).toEqual(['First site', 'Second site']);
    await tab.close();
  });

  it('signs a guest in with the code mailed under two-step verification', async () => {
    const s = server();
    const d = await webDomain(s);
    await call(d, d.admin, 'PUT', '/v1/security/settings.json', { guestTwoStep: true });
    const space = await seedSpace(s.h, d, { name: 'Two-step site' });
    const guest = await addGuest(d, 'careful@example.com');
    await setSpaceGuests(d, space, [guest]);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, guest.code, guest.password, { guest: true });
    await page.getByRole('heading', { name: '2-step verification' }).waitFor();
    const { text } = await latestMailTo(s, d, guest.code);
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    expect(code).toBeDefined();
    await page.getByLabel('Verification code').fill(code!);
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await portalSpaces(page)).toEqual(['Two-step site']);
    await tab.close();
  });

  it('resets a guest password from the mailed link; the new password signs in', async () => {
    const s = server();
    const d = await webDomain(s);
    const space = await seedSpace(s.h, d, { name: 'Reset site' });
    const guest = await addGuest(d, 'forgetful@example.com');
    await setSpaceGuests(d, space, [guest]);
    const tab = await openTab(browser());
    const { page } = tab;
    await page.goto(`${d.origin}/login/guest`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByText('Enter your e-mail address.').waitFor();
    await page.getByLabel('E-mail address').fill(guest.code);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('a link to reset its password has been sent').waitFor();

    const { text } = await latestMailTo(s, d, guest.code);
    await page.goto(`${d.origin}${linkPath(text, '/password-reset/')}`);
    await page.getByRole('heading', { name: 'Reset password' }).waitFor();
    await page.waitForURL(`${d.origin}/password-reset`); // the token is out of the address bar (I6)
    await page.getByLabel('New password', { exact: true }).fill('my new passphrase 7');
    await page.getByLabel('New password (again)').fill('my new passphrase 7');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${d.origin}/login/guest`);
    await page.getByText('Your password has been changed.').waitFor();
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(guest.code);
    await page.getByLabel('Password', { exact: true }).fill('my new passphrase 7');
    await page.getByRole('button', { name: 'Login' }).click();
    expect(await portalSpaces(page)).toEqual(['Reset site']);
    await tab.close();
  });
});
