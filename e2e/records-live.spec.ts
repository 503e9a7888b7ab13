// Records changed elsewhere, in real Chromium: an open list and a record's details follow edits
// and new records made through the API without a reload, keeping a comment being typed.
import { describe, expect, it } from 'vitest';
import { deployedApp } from '../test/support/apps.js';
import { SHOTS } from './support/assets.js';
import { openTab, useChromium } from './support/chromium.js';
import { FIELDS, signedIn } from './support/records.js';
import { call, useWebServer, webDomain } from './support/server.js';

describe('records: live updates', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('updates an open list and a record’s details live when records change through the API, keeping a comment being typed', async () => {
    const d = await webDomain(server());
    const app = await deployedApp(d, { title: FIELDS.title }, { name: 'Deliveries' });
    await call(d, d.admin, 'POST', '/k/v1/records.json', { app, records: [{ title: { value: 'Crane' } }, { title: { value: 'Cement' } }] });
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, d, d.member);
    await page.goto(`${d.origin}/app/${app}`);
    await page.getByText('1 - 2 (of 2)').first().waitFor();
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    const stillHere = () => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

    // Someone else, through the API: an edit and a new record appear without reloading.
    await call(d, d.admin, 'PUT', '/k/v1/record.json', { app, id: 1, record: { title: { value: 'Crane (rescheduled)' } } });
    await page.locator('.record-table').getByText('Crane (rescheduled)').waitFor();
    await call(d, d.admin, 'POST', '/k/v1/record.json', { app, record: { title: { value: 'Gravel' } } });
    await page.getByText('1 - 3 (of 3)').first().waitFor();
    await page.locator('.record-table').getByText('Gravel').waitFor();
    expect(await stillHere()).toBe(true);

    // The details of record 1 refresh the same way; a comment being written stays as it is.
    await page.getByRole('link', { name: 'Show record 1', exact: true }).click();
    await page.getByRole('heading', { name: 'Record Details 1' }).waitFor();
    await page.getByLabel('Comment', { exact: true }).fill('Half-written note');
    await call(d, d.admin, 'PUT', '/k/v1/record.json', { app, id: 1, record: { title: { value: 'Crane (cancelled)' } } });
    await expect.poll(() => page.getByRole('group', { name: 'Title', exact: true }).textContent()).toContain('Crane (cancelled)');
    expect(await page.getByLabel('Comment', { exact: true }).inputValue()).toBe('Half-written note');
    expect(await stillHere()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/records-detail-live-desktop.png`, fullPage: true });
    await tab.close();
  });

  it('shows a comment added and deleted elsewhere on an open record’s details, without a reload', async () => {
    const d = await webDomain(server());
    const app = await deployedApp(d, { title: FIELDS.title }, { name: 'Deliveries' });
    await call(d, d.admin, 'POST', '/k/v1/records.json', { app, records: [{ title: { value: 'Crane' } }] });
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, d, d.member);
    await page.goto(`${d.origin}/app/${app}/show/1`);
    await page.getByRole('heading', { name: 'Record Details 1' }).waitFor();
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    // Someone else comments through the API: the comment appears; they take it back: it goes.
    const { id } = (await call(d, d.admin, 'POST', '/k/v1/record/comment.json', { app, record: 1, comment: { text: 'Crane arrives at nine' } })) as { id: string };
    await page.getByText('Crane arrives at nine').waitFor();
    await call(d, d.admin, 'DELETE', `/k/v1/record/comment.json?app=${app}&record=1&comment=${id}`);
    await page.getByText('Crane arrives at nine').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true)).toBe(true);
    await tab.close();
  });
});
