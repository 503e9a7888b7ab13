// The headline journey of the web app, in real Chromium: an administrator creates a guest space in
// the browser and invites two addresses; the domain asks guests for an e-mailed code at sign-in.
// Each invitee reads its mail from the outbox, registers, signs in again with the code, sees only
// that space, creates a thread and comments in it — which the space administrator, watching the
// thread in another browser, sees arrive without reloading —, adds a record in the space's app,
// edits it and advances its status, and is refused the space settings and another space when
// typing their addresses. The first invitee does it on a desktop, the second on a 375 px phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addSpace } from '../test/support/spaces.js';
import { deployedApp } from '../test/support/apps.js';
import { PASSWORD } from '../test/support/app.js';
import { type Tab, openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, portalSpaces, submitSignIn } from './support/pages.js';
import { type WebDomain, type WebServer, call, latestMailTo, linkPath, useWebServer, webDomain } from './support/server.js';

const SHOTS = 'e2e/screenshots';
const SPACE = 'Harbor renovation';
const APP = 'Site inspections';
const INVITEES = ['first.partner@example.com', 'second.partner@example.com'] as const;
const GUEST_PASSWORD = 'a long passphrase 42';

interface Journey {
  d: WebDomain;
  space: string;
  app: number;
  other: number;
  /** The space administrator's browser, signed in. */
  admin: Tab;
}

/** The space's app: a title, process management whose actions the record's creator takes. */
async function inspectionApp(d: WebDomain, space: number): Promise<number> {
  const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' }, notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: 'Notes' } }, { name: APP, guestSpace: space });
  const k = `/k/guest/${space}/v1`;
  const creator = { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' } }] };
  await call(d, d.admin, 'PUT', `${k}/preview/app/status.json`, {
    app,
    enable: true,
    states: {
      'Not started': { name: 'Not started', index: 0, assignee: creator },
      'In progress': { name: 'In progress', index: 1, assignee: creator },
      Completed: { name: 'Completed', index: 2, assignee: { type: 'ONE', entities: [] } },
    },
    actions: [
      { name: 'Start', from: 'Not started', to: 'In progress' },
      { name: 'Finish', from: 'In progress', to: 'Completed' },
    ],
  });
  await call(d, d.admin, 'POST', `${k}/preview/app/deploy.json`, { apps: [{ app }] });
  return app;
}

describe('guest journey', () => {
  const browser = useChromium();
  const server = useWebServer();
  let journey: Journey | undefined;

  async function adminCreatesGuestSpace(s: WebServer): Promise<Journey> {
    const d = await webDomain(s);
    await call(d, d.admin, 'PUT', '/v1/security/settings.json', { guestTwoStep: true });
    const other = await addSpace(d, d.admin, { name: 'Dock extension', isGuest: true });
    const admin = await openTab(browser());
    const { page } = admin;
    await submitSignIn(page, d.origin, d.admin.code, PASSWORD);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New Guest Space' }).click();
    await page.getByRole('heading', { name: 'New Guest Space', level: 1 }).waitFor();
    await page.getByLabel('Space name').fill(SPACE);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: SPACE, level: 1 }).waitFor();
    const space = /\/guest\/(\d+)$/.exec(page.url())?.[1];
    expect(space).toBeDefined();

    await page.getByRole('link', { name: 'Manage Guests' }).click();
    await page.getByRole('tab', { name: 'Guests', selected: true }).waitFor();
    await page.getByLabel('Recipient').fill(INVITEES.join('\n'));
    await page.getByLabel('Message').fill('Welcome to the harbor project.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Invitations sent.').waitFor();
    const invitations = page.getByRole('region', { name: 'Invitations' });
    for (const to of INVITEES) await invitations.getByRole('row', { name: to }).getByText('Invited').waitFor();
    await page.screenshot({ path: `${SHOTS}/journey-admin-invitations.png`, fullPage: true });

    // The portal's apps lead to the app under its guest space's address.
    const app = await inspectionApp(d, Number(space));
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Portal' }).click();
    const apps = page.getByRole('region', { name: 'Apps' });
    await apps.getByRole('link', { name: APP }).waitFor();
    expect(await apps.getByRole('link', { name: APP }).getAttribute('href')).toBe(`/guest/${space}/app/${app}`);
    return { d, space: space!, app, other: other.id, admin };
  }

  /**
   * The code in the newest mail to `to` that carries one (the welcome mail of the registration
   * may sit beside it in the outbox, sent at the same moment of the test clock).
   */
  async function mailedCode(s: WebServer, d: WebDomain, to: string): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      await s.h.mail.runOnce();
      const { messages } = await call(d, d.admin, 'GET', '/v1/mail/outbox.json?limit=100');
      // Newest first.
      for (const m of messages as Array<{ id: string; to: string }>) {
        if (m.to !== to) continue;
        const { message } = await call(d, d.admin, 'GET', `/v1/mail/message.json?id=${encodeURIComponent(m.id)}`);
        const code = /\b(\d{6})\b/.exec(String(message.text ?? ''))?.[1];
        if (code) return code;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no mail with a code to ${to}`);
  }

  /** Sign-in of a registered guest: password, then the code the server mailed. */
  async function signInWithCode(s: WebServer, d: WebDomain, page: Page, email: string): Promise<void> {
    await submitSignIn(page, d.origin, email, GUEST_PASSWORD, { guest: true });
    await page.getByRole('heading', { name: '2-step verification' }).waitFor();
    await page.getByLabel('Verification code').fill(await mailedCode(s, d, email));
    await page.getByRole('button', { name: 'Verify' }).click();
  }

  async function guestFlow(j: Journey, email: string, width?: number): Promise<void> {
    const s = server();
    const { d, space, app, admin } = j;
    const tag = width ? 'phone' : 'desktop';
    const tap = width ? 'tap' : 'click';
    const guest = await openTab(browser(), width ? { width } : {});
    const { page } = guest;

    // The invitation mail leads to the registration page.
    const mail = await latestMailTo(s, d, email);
    expect(mail.text).toContain('Welcome to the harbor project.');
    await page.goto(`${d.origin}${linkPath(mail.text, '/invitations/')}`);
    await page.getByRole('heading', { name: 'Invitation to a Guest Space' }).waitFor();
    await page.getByText(`"${SPACE}"`).waitFor();
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(email);
    await page.getByLabel('Display name').fill(`Partner ${tag}`);
    await page.getByLabel('Password', { exact: true }).fill(GUEST_PASSWORD);
    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.locator('form').getByLabel('Language').selectOption('en');
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/journey-register-${tag}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Sign up and join' }).click();
    expect(await portalSpaces(page)).toEqual([SPACE]);

    // Signing in again asks for the code mailed under two-step verification.
    await page.getByRole('button', { name: 'Logout' })[tap]();
    await page.waitForURL(/\/login/);
    await signInWithCode(s, d, page, email);
    expect(await portalSpaces(page)).toEqual([SPACE]);
    const apps = page.getByRole('region', { name: 'Apps' });
    expect(await apps.getByRole('link').allTextContents()).toEqual([APP]);
    expect(await apps.getByRole('link', { name: APP }).getAttribute('href')).toBe(`/guest/${space}/app/${app}`);
    await page.getByRole('link', { name: 'Notifications' }).waitFor();
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/journey-portal-${tag}.png`, fullPage: true });

    // A thread of its own, in the only space it sees.
    await page.getByRole('link', { name: SPACE })[tap]();
    await page.getByRole('heading', { name: SPACE, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Space Settings' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Create Thread' })[tap]();
    const threadName = `Inspection plan (${tag})`;
    await page.getByLabel('Title').fill(threadName);
    await page.getByRole('button', { name: 'Create Thread' })[tap]();
    await page.getByRole('heading', { name: threadName, level: 1 }).waitFor();
    const thread = /\/thread\/(\d+)$/.exec(page.url())?.[1];
    expect(page.url()).toContain(`/guest/${space}/thread/`);

    // The space administrator opens it; the guest's comment, naming them, arrives there live.
    await admin.page.goto(`${d.origin}/guest/${space}/thread/${thread}`);
    await admin.page.getByRole('heading', { name: threadName, level: 1 }).waitFor();
    await admin.page.getByText('No comments yet.').or(admin.page.locator('.comment')).first().waitFor();
    await admin.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    await page.getByRole('textbox', { name: 'Comment' })[tap]();
    await page.keyboard.type(`Scaffolding arrives Tuesday (${tag}). @adm`);
    await page.getByRole('option', { name: /admin/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Post' })[tap]();
    await page.locator('.comment').first().getByText(`Scaffolding arrives Tuesday (${tag}).`).waitFor();
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/journey-thread-${tag}.png`, fullPage: true });

    await admin.page.locator('.comment').first().getByText(`Scaffolding arrives Tuesday (${tag}).`).waitFor();
    await admin.page.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ }).waitFor();
    expect(await admin.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await admin.page.screenshot({ path: `${SHOTS}/journey-admin-live-comment-${tag}.png`, fullPage: true });

    // A record in the space's app: added, edited, moved on.
    await page.goto(`${d.origin}/guest/${space}`);
    await page.getByRole('region', { name: 'Apps' }).getByRole('link', { name: APP })[tap]();
    await page.getByRole('heading', { name: APP, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Add record' })[tap]();
    await page.getByRole('heading', { name: 'New Record' }).waitFor();
    await page.getByLabel('Title').fill(`North wall (${tag})`);
    await page.getByLabel('Notes').fill('Cracks near the gate.');
    if (width) await expectNoSideScroll(page);
    await page.getByRole('button', { name: 'Save' })[tap]();
    await page.waitForURL(new RegExp(`/guest/${space}/app/${app}/show/\\d+$`));
    await page.getByRole('heading', { name: /Record Details/ }).waitFor();
    expect(await page.getByRole('group', { name: 'Title', exact: true }).textContent()).toContain(`North wall (${tag})`);
    const record = /\/show\/(\d+)$/.exec(page.url())![1]!;

    await page.getByRole('link', { name: 'Edit', exact: true })[tap]();
    await page.getByRole('heading', { name: 'Edit Record' }).waitFor();
    await page.getByLabel('Title').fill(`North wall, east end (${tag})`);
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/journey-record-edit-${tag}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Save' })[tap]();
    await page.waitForURL(new RegExp(`/guest/${space}/app/${app}/show/${record}$`));
    await expect.poll(() => page.getByRole('group', { name: 'Title', exact: true }).textContent()).toContain(`North wall, east end (${tag})`);

    const bar = page.getByRole('region', { name: 'Process Management' });
    expect(await bar.locator('.status-badge').textContent()).toBe('Not started');
    await bar.getByRole('button', { name: 'Start' })[tap]();
    await page.getByRole('dialog', { name: 'Action: Start' }).getByRole('button', { name: 'Confirm' })[tap]();
    await expect.poll(() => bar.locator('.status-badge').textContent()).toBe('In progress');
    await bar.getByRole('button', { name: 'Finish' }).waitFor();
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/journey-record-${tag}.png`, fullPage: true });

    await page.getByRole('link', { name: 'Back to the list' })[tap]();
    await page.getByText(`North wall, east end (${tag})`).first().waitFor();
    if (width) await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/journey-record-list-${tag}.png`, fullPage: true });

    // Typed addresses: its own space's settings, another guest space — a refusal, nothing else.
    await page.goto(`${d.origin}/guest/${space}/settings`);
    await page.getByRole('heading', { name: 'No privilege to proceed.', level: 1 }).waitFor();
    expect(await page.getByLabel('Space name').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/journey-refusal-${tag}.png` });
    for (const path of [`/guest/${j.other}`, `/space/${j.other}`, `/guest/${j.other}/settings`]) {
      await page.goto(`${d.origin}${path}`);
      await page.getByRole('link', { name: 'Back to Portal' }).waitFor();
      expect((await page.locator('main').textContent()) ?? '').not.toContain('Dock extension');
    }
    if (width) await expectNoSideScroll(page);
    await guest.close();
  }

  it('takes an invited guest from the mail to a thread, a comment seen live and a record moved on', async () => {
    journey = await adminCreatesGuestSpace(server());
    await guestFlow(journey, INVITEES[0]);
  }, 240_000);

  it('does the same for the second invitee on a 375 px phone', async () => {
    if (!journey) throw new Error('the desktop journey did not set up the space');
    await guestFlow(journey, INVITEES[1], 375);
    await journey.admin.close();
  }, 240_000);
});
