// Spaces in real Chromium: an administrator creates a guest space and invites two addresses
// from its guest management tab; a member mentions another member in a thread, who finds it in
// the portal's notifications; a guest sees only its guest space, posts a comment with a picture,
// and is refused — politely, showing nothing — the space settings and other spaces, at desktop
// and at phone width.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD, type Persona } from '../test/support/app.js';
import { addGuest, setSpaceGuests } from '../test/support/guests.js';
import { addSpace } from '../test/support/spaces.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, portalSpaces, submitSignIn } from './support/pages.js';
import { type WebDomain, type WebServer, call, latestMailTo, linkPath, useWebServer, webDomain } from './support/server.js';

/** A 2×2 PNG: enough for the browser to decode and show as a thumbnail. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

async function signIn(page: Page, d: WebDomain, login: string, guest = false): Promise<void> {
  await submitSignIn(page, d.origin, login, PASSWORD, { guest });
  await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
}

const SHOTS = 'e2e/screenshots';

describe('spaces', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('lets an administrator create a guest space and invite two addresses with a message', async () => {
    const s = server();
    const d = await webDomain(s);
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d, d.admin.code);
    await page.getByRole('link', { name: 'New Guest Space' }).click();
    await page.getByRole('heading', { name: 'New Guest Space', level: 1 }).waitFor();
    await page.getByLabel('Space name').fill('Harbor renovation');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Harbor renovation', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/guest\/\d+$/);
    const spaceId = /\/guest\/(\d+)$/.exec(page.url())![1]!;

    // The announcement, written with the shared editor's toolbar (keyboard and buttons).
    await page.getByRole('button', { name: 'Edit announcement' }).click();
    const body = page.getByRole('textbox', { name: 'Announcement (body text)' });
    await body.click();
    await page.keyboard.type('Kick-off on Monday. ');
    await page.getByRole('toolbar').getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('Bring your helmet.');
    expect(await page.getByRole('toolbar').getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/spaces-announcement-editor.png` });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.rich-text strong', { hasText: 'Bring your helmet.' }).waitFor();

    await page.getByRole('link', { name: 'Manage Guests' }).click();
    await page.getByRole('tab', { name: 'Guests', selected: true }).waitFor();
    await page.getByLabel('Recipient').fill('first.partner@example.com\nsecond.partner@example.com');
    await page.getByLabel('Message').fill('Welcome to the harbor project.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Invitations sent.').waitFor();
    const invitations = page.getByRole('region', { name: 'Invitations' });
    await invitations.getByRole('row', { name: 'first.partner@example.com' }).getByText('Invited').waitFor();
    await invitations.getByRole('row', { name: 'second.partner@example.com' }).getByText('Invited').waitFor();

    // Each address got its own mail with its own link and the message.
    for (const to of ['first.partner@example.com', 'second.partner@example.com']) {
      const mail = await latestMailTo(s, d, to);
      expect(mail.text).toContain('Welcome to the harbor project.');
      expect(linkPath(mail.text, '/invitations/')).toMatch(/^\/invitations\//);
    }

    // Re-send one (at most once a minute), cancel the other (asked first).
    s.h.clock.advance(61_000);
    await page.getByRole('button', { name: 'Resend: first.partner@example.com' }).click();
    await page.getByText('The invitation to first.partner@example.com has been sent again.').waitFor();
    await page.getByRole('button', { name: 'Cancel invitation: second.partner@example.com' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel invitation' }).click();
    await invitations.getByRole('row', { name: 'second.partner@example.com' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: `${SHOTS}/spaces-guest-management.png`, fullPage: true });
    const listed = await call(d, d.admin, 'GET', `/k/guest/${spaceId}/v1/space/invitations.json?id=${spaceId}`);
    expect(listed.invitations.map((i: { email: string; status: string }) => [i.email, i.status]).sort()).toEqual([
      ['first.partner@example.com', 'INVITED'],
      ['second.partner@example.com', 'CANCELLED'],
    ]);
    await tab.close();
  });

  it('delivers a thread mention to the member named, who finds it in the portal’s notifications', async () => {
    const s = server();
    const d = await webDomain(s);
    const carol = await d.addUser('carol');
    const space = await addSpace(d, d.admin, { name: 'Design team', useMultiThread: true, members: [d.member, carol] });
    const { id: thread } = await call(d, d.admin, 'POST', '/k/v1/space/thread.json', { space: space.id, name: 'Lobby lighting', body: '<p>Options for the <b>lobby</b>.</p>' });

    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d, d.member.code);
    await page.getByRole('link', { name: 'Design team' }).click();
    await page.getByRole('link', { name: 'Lobby lighting' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/spaces-space.png`, fullPage: true });
    await page.getByRole('link', { name: 'Lobby lighting' }).click();
    await page.getByRole('heading', { name: 'Lobby lighting', level: 1 }).waitFor();
    await page.getByText('Options for the lobby.').waitFor();
    // "@" in the text opens the picker of the space's people.
    const editor = page.getByRole('textbox', { name: 'Comment' });
    await editor.click();
    await page.keyboard.type('Could you check this? @car');
    await page.getByRole('option', { name: /carol/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('@carol').waitFor();
    await page.getByRole('button', { name: 'Post' }).click();
    const comment = page.locator('.comment').first();
    await comment.getByText('Could you check this?').waitFor();
    expect(await comment.locator('.comment__text').textContent()).toContain('carol');
    await page.screenshot({ path: `${SHOTS}/spaces-thread.png`, fullPage: true });
    await tab.close();

    const other = await openTab(browser());
    await signIn(other.page, d, carol.code);
    const inbox = other.page.getByRole('region', { name: 'Notifications' });
    await inbox.getByRole('tab', { name: /To me/ }).waitFor();
    const note = inbox.getByRole('link', { name: /member/ }).first();
    await note.waitFor();
    await other.page.screenshot({ path: `${SHOTS}/spaces-portal.png`, fullPage: true });
    await note.click();
    await other.page.getByRole('heading', { name: 'Lobby lighting', level: 1 }).waitFor();
    await other.page.getByText('Could you check this?').waitFor();
    expect(other.page.url()).toContain(`/space/${space.id}/thread/${thread}`);
    await other.close();
  });

  /** A guest of one guest space, beside another guest space and a private space it is not in. */
  async function guestWorld(s: WebServer): Promise<{ d: WebDomain; guest: Persona; mine: number; others: number[] }> {
    const d = await webDomain(s);
    const mine = await addSpace(d, d.admin, { name: 'Site Kyoto', isGuest: true, members: [d.member] });
    const otherGuest = await addSpace(d, d.admin, { name: 'Site Osaka', isGuest: true });
    const privateSpace = await addSpace(d, d.admin, { name: 'Board room', isPrivate: true });
    const guest = await addGuest(d, 'builder@partner.example', { name: 'Builder Ken', company: 'Partner Co.' });
    await setSpaceGuests(d, mine.id, [guest]);
    return { d, guest, mine: mine.id, others: [otherGuest.id, privateSpace.id] };
  }

  async function guestFlow(width?: number): Promise<void> {
    const s = server();
    const { d, guest, mine, others } = await guestWorld(s);
    const tab = await openTab(browser(), width ? { width } : {});
    const { page } = tab;
    await signIn(page, d, guest.code, true);
    expect(await portalSpaces(page)).toEqual(['Site Kyoto']);
    await page.getByRole('link', { name: 'Site Kyoto' }).click();
    await page.getByRole('heading', { name: 'Site Kyoto', level: 1 }).waitFor();
    expect(page.url()).toContain(`/guest/${mine}`);
    // A guest sees no settings and no guest management.
    expect(await page.getByRole('link', { name: 'Space Settings' }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Comment' }).click();
    await page.keyboard.type('Photo of the north wall.');
    await page.locator('input[type=file]').setInputFiles({ name: 'wall.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.attachment').getByText('wall.png').waitFor();
    const post = page.getByRole('button', { name: 'Post' });
    await expect.poll(() => post.isEnabled()).toBe(true);
    await post.click();
    const comment = page.locator('.comment').first();
    await comment.getByText('Photo of the north wall.').waitFor();
    const image = comment.getByRole('img', { name: 'wall.png' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/spaces-guest-space-${width ? 'phone' : 'desktop'}.png`, fullPage: true });

    // Typed addresses: the settings of its own space, other spaces — a refusal, nothing else.
    await page.goto(`${d.origin}/guest/${mine}/settings`);
    await page.getByRole('heading', { name: 'No privilege to proceed.', level: 1 }).waitFor();
    expect(await page.getByLabel('Space name').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/spaces-refusal-${width ? 'phone' : 'desktop'}.png` });
    for (const id of others) {
      for (const path of [`/guest/${id}`, `/space/${id}`, `/guest/${id}/settings`]) {
        await page.goto(`${d.origin}${path}`);
        await page.getByRole('link', { name: 'Back to Portal' }).waitFor();
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).not.toContain('Site Osaka');
        expect(text).not.toContain('Board room');
      }
    }
    if (width) await expectNoSideScroll(page);
    await tab.close();
  }

  it('shows a guest only its guest space, where it posts a picture and is refused the settings and other spaces', async () => {
    await guestFlow();
  });

  it('does the same for a guest on a 375 px phone', async () => {
    await guestFlow(375);
  });
});
