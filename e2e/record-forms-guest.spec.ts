// A guest adding a record in real Chromium: in its guest space's app, under the guest address,
// choosing people among that space's only, with a file.
import { beforeAll, describe, expect, it } from 'vitest';
import { addGuest, seedSpace, setSpaceGuests } from '../test/support/guests.js';
import { PNG } from './support/assets.js';
import { openTab, useChromium } from './support/chromium.js';
import { signIn } from './support/record-forms.js';
import { type WebDomain, call, useWebServer, webDomain } from './support/server.js';

describe('record forms: a guest', () => {
  const browser = useChromium();
  const server = useWebServer();
  let d: WebDomain;
  beforeAll(async () => {
    d = await webDomain(server());
  });

  it('lets a guest add a record in its guest space, choosing among that space’s people only', async () => {
    const inside = await d.addUser('site-lead');
    await d.addUser('head-office');
    const space = await seedSpace(server().h, d, { name: 'Partner site', members: [inside] });
    const guest = await addGuest(d, 'partner@example.com', { name: 'Partner Co' });
    await setSpaceGuests(d, space, [guest]);
    const { app: guestApp } = await call(d, d.admin, 'POST', `/k/guest/${space}/v1/preview/app.json`, { name: 'Site diary', space });
    await call(d, d.admin, 'POST', `/k/guest/${space}/v1/preview/app/form/fields.json`, {
      app: guestApp,
      properties: {
        note: { type: 'SINGLE_LINE_TEXT', code: 'note', label: 'Note', required: true },
        who: { type: 'USER_SELECT', code: 'who', label: 'Who' },
        photo: { type: 'FILE', code: 'photo', label: 'Photo' },
      },
    });
    await call(d, d.admin, 'POST', `/k/guest/${space}/v1/preview/app/deploy.json`, { apps: [{ app: guestApp }] });

    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d, guest, true);
    await page.goto(`${d.origin}/guest/${space}/app/${guestApp}/new`);
    await page.getByRole('heading', { name: 'New Record' }).waitFor();
    await page.getByLabel('Note').fill('Delivered');
    const picker = page.getByRole('combobox', { name: 'Search for Who' });
    await picker.click();
    await page.getByRole('option', { name: /site-lead/ }).waitFor();
    const offered = await page.getByRole('listbox').getByRole('option').allTextContents();
    expect(offered.some((o) => o.includes('head-office'))).toBe(false);
    await page.getByRole('option', { name: /site-lead/ }).click();
    await page.getByRole('group', { name: 'Photo' }).getByLabel('Browse').setInputFiles({ name: 'delivery.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('group', { name: 'Photo' }).getByText('70 bytes').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/guest/${space}/app/${guestApp}/show/\\d+$`));
    const id = /show\/(\d+)$/.exec(page.url())![1]!;
    const r = (await call(d, d.admin, 'GET', `/k/guest/${space}/v1/record.json?app=${guestApp}&id=${id}`)).record;
    expect(r.who.value.map((e: { code: string }) => e.code)).toEqual(['site-lead']);
    expect(r.photo.value.map((f: { name: string }) => f.name)).toEqual(['delivery.png']);
    await tab.close();
  });
});
