// An app's records in real Chromium: a member lists them through the app's views, builds a filter
// without query syntax, sorts and pages; opens a record and sees each field type as kintone shows
// it, advances its status, comments and finds the change in the history. A user without the right
// to read a field never sees it, and the list and the details work at 375 px. The list's tools,
// live updates and a guest space's app have their own files (records-*.spec.ts).
import { describe, expect, it } from 'vitest';
import { SHOTS } from './support/assets.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll } from './support/pages.js';
import { type World, rows, signedIn, thisMonth, world } from './support/records.js';
import { useWebServer } from './support/server.js';

describe('records', () => {
  const browser = useChromium();
  const server = useWebServer();
  // One seeded app for the tests that leave each other's records alone (seeding takes seconds).
  let shared: Promise<World> | undefined;
  const sharedWorld = () => (shared ??= world(server()));

  it('lists records by view, filters with the builder, sorts and pages', async () => {
    const w = await sharedWorld();
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, w.d, w.d.member);
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await page.getByText('1 - 20 (of 30)').first().waitFor();
    expect(await rows(tab).count()).toBe(20);
    expect(await rows(tab).first().textContent()).toContain('Item 1');
    expect(await page.getByRole('columnheader', { name: 'Secret' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/records-list-desktop.png`, fullPage: true });

    await page.getByRole('button', { name: 'Next page' }).first().click();
    await page.getByText('21 - 30 (of 30)').first().waitFor();
    await page.getByLabel('Records per page').selectOption('40');
    await page.getByText('1 - 30 (of 30)').first().waitFor();
    await page.getByLabel('Records per page').selectOption('20');
    await page.getByText('1 - 20 (of 30)').first().waitFor();

    // Another view carries its own filter and order.
    await page.getByLabel('View').selectOption({ label: 'Big ones' });
    await page.getByText('1 - 6 (of 6)').first().waitFor();
    expect(await rows(tab).first().textContent()).toContain('Item 30');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    // The view's filterCond shows as an editable condition.
    const first = page.getByRole('group', { name: 'Condition 1' });
    expect(await first.getByLabel('Field').inputValue()).toBe('amount');
    expect(await first.getByLabel('Value').inputValue()).toBe('2500');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('View').selectOption({ label: 'Open' });
    await page.getByText('1 - 20 (of 30)').first().waitFor();
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    const c1 = page.getByRole('group', { name: 'Condition 1' });
    await c1.getByLabel('Field').selectOption({ label: 'Amount' });
    await c1.getByLabel('Operator').selectOption({ label: 'greater than' });
    await c1.getByLabel('Value').fill('500');
    await page.getByRole('button', { name: 'Add condition' }).click();
    const c2 = page.getByRole('group', { name: 'Condition 2' });
    await c2.getByLabel('Field').selectOption({ label: 'Kind' });
    await c2.getByLabel('Operator').selectOption({ label: 'includes any of' });
    await c2.getByLabel('A', { exact: true }).check();
    await page.screenshot({ path: `${SHOTS}/records-filter-desktop.png`, fullPage: true });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1 - 9 (of 9)').first().waitFor();
    expect(await page.getByRole('group', { name: 'Current filter' }).textContent()).toContain('amount > "500" and kind in ("A")');
    expect(new URL(page.url()).searchParams.get('q')).toBe('amount > "500" and kind in ("A")');

    // Sorting by a column, then the other way.
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    await page.waitForURL(/sort=amount\+asc/);
    await expect.poll(async () => rows(tab).first().textContent()).toContain('Item 6');
    expect(await page.getByRole('columnheader', { name: 'Sort by Amount' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    await expect.poll(async () => rows(tab).first().textContent()).toContain('Item 30');

    // The keyword box narrows the filtered list; nothing matching says so.
    await page.getByRole('searchbox', { name: 'Search in this app' }).fill('nothing-like-this');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No records match the conditions.').waitFor();
    await page.getByRole('button', { name: 'Remove the filter' }).click();
    await page.getByRole('searchbox', { name: 'Search in this app' }).fill('');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('1 - 20 (of 30)').first().waitFor();

    // The calendar view puts records on their dates; one opens its record.
    await page.getByLabel('View').selectOption({ label: 'Calendar' });
    await page.locator('.calendar-view').getByText('Item 5', { exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/records-calendar-desktop.png`, fullPage: true });
    await page.locator('.calendar-view').getByText('Item 5', { exact: true }).click();
    await page.getByRole('heading', { name: /Record Details/ }).waitFor();
    expect(await page.getByRole('group', { name: 'Title' }).textContent()).toContain('Item 5');
    await tab.close();
  });

  it('shows a record with every field type, advances its status, comments and sees the history', async () => {
    const w = await sharedWorld();
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, w.d, w.d.member);
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByRole('link', { name: 'Show record 1', exact: true }).click();
    await page.getByRole('heading', { name: 'Record Details 1' }).waitFor();
    const field = (label: string) => page.getByRole('group', { name: label, exact: true });
    expect(await field('Amount').textContent()).toContain('¥1,234.50');
    expect(await field('Double').textContent()).toContain('2,469');
    expect(await field('Due').textContent()).toContain(thisMonth(2));
    // 00:00 UTC in the member's Asia/Tokyo.
    expect(await field('Meeting').textContent()).toContain('2026-04-01 09:00');
    expect(await field('Tags').textContent()).toContain('red');
    expect(await field('Kind').textContent()).toContain('B');
    expect(await field('Notes').textContent()).toContain('second line');
    expect(await field('Body').locator('strong').textContent()).toBe('bold');
    expect(await field('Body').locator('script').count()).toBe(0);
    expect(await field('Site').getByRole('link', { name: 'https://example.com/orders' }).getAttribute('href')).toBe('https://example.com/orders');
    expect(await field('Owner').locator('.chip').textContent()).toBe('sato');
    await field('Photo').getByRole('img', { name: 'dot.png' }).waitFor();
    expect(await field('Photo').getByRole('link', { name: 'Download dot.png' }).getAttribute('href')).toContain('/k/v1/file.json?fileKey=');
    expect(await field('Items').getByRole('cell', { name: 'Bolt' }).count()).toBe(1);
    expect(await page.locator('details.form-group summary').textContent()).toBe('More');
    await page.screenshot({ path: `${SHOTS}/records-detail-desktop.png`, fullPage: true });
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).getAttribute('href')).toBe(`/app/${w.app}/edit/1`);
    expect(await page.getByRole('link', { name: 'Duplicate' }).getAttribute('href')).toBe(`/app/${w.app}/new?copyFrom=1`);

    // The next record of the list the record was opened from.
    await page.getByRole('link', { name: 'Next record' }).click();
    await page.getByRole('heading', { name: 'Record Details 2' }).waitFor();
    await page.getByRole('link', { name: 'Previous record' }).click();
    await page.getByRole('heading', { name: 'Record Details 1' }).waitFor();

    // Process management: the member is the assignee of Not started.
    const bar = page.getByRole('region', { name: 'Process Management' });
    expect(await bar.locator('.status-badge').textContent()).toBe('Not started');
    await bar.getByRole('button', { name: 'Start' }).click();
    const dialog = page.getByRole('dialog', { name: 'Action: Start' });
    await dialog.getByLabel('Select an assignee').selectOption('sato');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(async () => bar.locator('.status-badge').textContent()).toBe('In progress');
    expect(await bar.locator('.chip').textContent()).toBe('sato');
    // No longer the assignee: no action to take.
    expect(await bar.getByRole('button').count()).toBe(0);

    // Comments.
    await page.getByRole('tab', { name: 'Comments' }).click();
    await page.getByText('No comments yet.').waitFor();
    await page.getByLabel('Comment', { exact: true }).fill('Parts ordered.');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.locator('.comment__text', { hasText: 'Parts ordered.' }).waitFor();

    // The history shows the status change with who and when.
    await page.getByRole('tab', { name: 'Change history' }).click();
    const version = page.locator('.version').first();
    await version.waitFor();
    expect(await version.textContent()).toContain('Status changed');
    expect(await version.textContent()).toContain('member');
    expect(await page.locator('.version').last().textContent()).toContain('Created');
    await tab.close();
  });

  it('never shows a field to a user without the right to read it', async () => {
    const w = await sharedWorld();
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, w.d, w.viewer);
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByText('1 - 20 (of 30)').first().waitFor();
    expect(await page.getByRole('columnheader', { name: 'Title' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Secret' }).count()).toBe(0);
    expect(await page.content()).not.toContain('hidden-');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    const fieldOptions = await page.getByRole('group', { name: 'Condition 1' }).getByLabel('Field').locator('option').allTextContents();
    expect(fieldOptions).toContain('Title');
    expect(fieldOptions).not.toContain('Secret');
    await page.goto(`${w.d.origin}/app/${w.app}/show/1`);
    await page.getByRole('group', { name: 'Title', exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'Secret' }).count()).toBe(0);
    expect(await page.content()).not.toContain('hidden-1');
    await tab.close();
  });

  it('works at phone width: the list as cards, the details with the process bar', async () => {
    const w = await sharedWorld();
    const tab = await openTab(browser(), { width: 375 });
    const { page } = tab;
    await signedIn(tab, w.d, w.d.member);
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByText('1 - 20 (of 30)').first().waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/records-list-phone.png`, fullPage: true });
    await page.getByRole('link', { name: 'Show record 3', exact: true }).tap();
    await page.getByRole('heading', { name: 'Record Details 3' }).waitFor();
    await page.getByRole('region', { name: 'Process Management' }).getByRole('button', { name: 'Start' }).waitFor();
    expect(await page.getByRole('group', { name: 'Amount', exact: true }).textContent()).toContain('¥300.00');
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/records-detail-phone.png`, fullPage: true });
    await tab.close();
  });
});
