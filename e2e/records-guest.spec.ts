// A guest space's app in real Chromium: served to a guest under the space's own address
// (/guest/{id}/app/…), marked as a guest space, its records opening there.
import { describe, expect, it } from 'vitest';
import { deployedApp } from '../test/support/apps.js';
import { addGuest, seedSpace, setSpaceGuests } from '../test/support/guests.js';
import { openTab, useChromium } from './support/chromium.js';
import { submitSignIn } from './support/pages.js';
import { FIELDS } from './support/records.js';
import { call, useWebServer, webDomain } from './support/server.js';

describe('records: a guest space’s app', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('serves a guest space’s app under its own address to a guest', async () => {
    const s = server();
    const d = await webDomain(s);
    const space = await seedSpace(s.h, d, { name: 'Site A' });
    const guest = await addGuest(d, 'partner@example.com');
    await setSpaceGuests(d, space, [guest]);
    const app = await deployedApp(d, { title: FIELDS.title, amount: FIELDS.amount }, { name: 'Site log', guestSpace: space });
    await call(d, d.admin, 'POST', `/k/guest/${space}/v1/records.json`, { app, records: [{ title: { value: 'Delivery' }, amount: { value: '42' } }] });
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, guest.code, guest.password, { guest: true });
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${d.origin}/guest/${space}/app/${app}`);
    await page.getByRole('heading', { name: 'Site log', level: 1 }).waitFor();
    expect(await page.getByText('Guest space', { exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: 'Show record 1', exact: true }).click();
    await page.waitForURL(new RegExp(`/guest/${space}/app/${app}/show/1`));
    expect(await page.getByRole('group', { name: 'Amount', exact: true }).textContent()).toContain('¥42.00');
    await tab.close();
  });
});
