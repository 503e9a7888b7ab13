// Adding and editing records in real Chromium: an app with every field type and a lookup source,
// a member filling every input (a file, a table row, a lookup, people), the server's messages
// next to the right fields, a concurrent edit reported as such, a duplicate, and the add form on
// a 375 px phone. CSV import and a guest's form have their own files (record-forms-*.spec.ts).
import { describe, expect, it } from 'vitest';
import { PNG, SHOTS } from './support/assets.js';
import { openTab } from './support/chromium.js';
import { expectNoSideScroll } from './support/pages.js';
import { messageOf, record, signIn, useSiteReports } from './support/record-forms.js';
import { call } from './support/server.js';

describe('record forms', () => {
  const w = useSiteReports();
  const { browser } = w;

  it('adds a record through every input, with the server’s messages next to the fields', async () => {
    const { d, app } = w;
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d);
    await page.goto(`${d.origin}/app/${app}/new`);
    await page.getByRole('heading', { name: 'New Record' }).waitFor();
    await page.getByText('Daily report').waitFor();
    // Defaults from the field settings.
    expect(await page.getByRole('radio', { name: 'Sunny' }).isChecked()).toBe(true);

    // Bad input: the server names each problem next to its field, and the first one has the focus.
    await page.getByLabel('Amount').fill('500');
    await page.getByLabel('Reference').fill('R-1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('Missing or invalid input.').waitFor();
    const title = page.getByLabel('Title');
    await expect.poll(() => messageOf(title)).toBe('Required.');
    expect(await messageOf(page.getByLabel('Amount'))).toBe('The value must be 100 or less.');
    expect(await title.evaluate((e) => e === document.activeElement)).toBe(true);
    // What was typed is kept.
    expect(await page.getByLabel('Amount').inputValue()).toBe('500');

    await title.fill('Morning check');
    await page.getByLabel('Amount').fill('42');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => messageOf(page.getByLabel('Reference'))).toBe('This value already exists in another record.');
    await page.getByLabel('Reference').fill('R-2');

    // Every other input.
    await page.getByLabel('Notes').fill('Line one\nLine two');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('All clear');
    await page.getByRole('checkbox', { name: 'Safety' }).check();
    await page.getByRole('checkbox', { name: 'Cost' }).check();
    await page.getByRole('radio', { name: 'Rainy' }).check();
    await page.getByLabel('Priority').selectOption('High');
    await page.getByLabel('Areas').selectOption(['North', 'East']);
    await page.getByLabel('Day').fill('2025-04-01');
    await page.getByLabel('Start').fill('09:30');
    await page.getByLabel('Visit').fill('2025-04-01T14:05');
    await page.getByLabel('Site URL').fill('https://example.com/site');
    await page.getByRole('combobox', { name: 'Search for Owner' }).fill('yama');
    await page.getByRole('option', { name: /Yamada Taro/ }).click();
    await page.getByRole('combobox', { name: 'Search for Department' }).fill('head');
    await page.getByRole('option', { name: /Head office/ }).click();
    await page.getByRole('combobox', { name: 'Search for Team' }).fill('sales');
    await page.getByRole('option', { name: /Sales team/ }).click();
    await page.getByRole('group', { name: 'Photos' }).getByLabel('Browse').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('group', { name: 'Photos' }).getByText('70 bytes').waitFor();
    expect(await page.getByRole('group', { name: 'Photos' }).locator('img').count()).toBe(1);

    // Lookup: 取得 copies the source record's fields, which are not typed into.
    await page.getByLabel('Customer', { exact: true }).fill('C-1');
    await page.getByRole('button', { name: 'Lookup' }).click();
    await expect.poll(() => page.getByLabel('Customer name').inputValue()).toBe('Yamada Koumuten');
    expect(await page.getByLabel('Customer rank').inputValue()).toBe('3');
    expect(await page.getByLabel('Customer name').getAttribute('readonly')).not.toBeNull();

    // Table rows: fill one, add one below, move it up.
    await page.getByLabel('Item (row 1)').fill('Cement');
    await page.getByLabel('Qty (row 1)').fill('3');
    await page.getByRole('button', { name: 'Add a row after row 1' }).click();
    await page.getByLabel('Item (row 2)').fill('Sand');
    await page.getByLabel('Qty (row 2)').fill('5');
    await page.getByRole('button', { name: 'Move row 2 up' }).click();
    expect(await page.getByLabel('Item (row 1)').inputValue()).toBe('Sand');

    await page.getByText('More details').click();
    await page.getByLabel('Memo').fill('Bring boots');
    await page.screenshot({ path: `${SHOTS}/record-form-desktop.png`, fullPage: true });

    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/app/${app}/show/\\d+$`));
    const id = /show\/(\d+)$/.exec(page.url())![1]!;
    const r = await record(d, app, id);
    expect(r.title!.value).toBe('Morning check');
    expect(r.ref!.value).toBe('R-2');
    expect(r.amount!.value).toBe('42');
    expect(r.total!.value).toBe('84');
    expect(r.notes!.value).toBe('Line one\nLine two');
    expect(r.body!.value).toContain('All clear');
    expect(r.tags!.value).toEqual(['Safety', 'Cost']);
    expect(r.weather!.value).toBe('Rainy');
    expect(r.priority!.value).toBe('High');
    expect(r.areas!.value).toEqual(['North', 'East']);
    expect(r.day!.value).toBe('2025-04-01');
    expect(r.start!.value).toBe('09:30');
    // The member's time zone is Asia/Tokyo: 14:05 there is 05:05 UTC.
    expect(r.visit!.value).toBe('2025-04-01T05:05:00Z');
    expect(r.site!.value).toBe('https://example.com/site');
    expect(r.owner!.value.map((e: { code: string }) => e.code)).toEqual(['yamada']);
    expect(r.dept!.value.map((e: { code: string }) => e.code)).toEqual(['hq']);
    expect(r.team!.value.map((e: { code: string }) => e.code)).toEqual(['sales']);
    expect(r.photos!.value.map((f: { name: string }) => f.name)).toEqual(['site.png']);
    expect(r.customer!.value).toBe('C-1');
    expect(r.customer_name!.value).toBe('Yamada Koumuten');
    expect(r.items!.value.map((row: { value: { item: { value: string }; qty: { value: string } } }) => [row.value.item.value, row.value.qty.value])).toEqual([
      ['Sand', '5'],
      ['Cement', '3'],
    ]);
    expect(r.memo!.value).toBe('Bring boots');
    await tab.close();
  });

  it('edits a record, reports a concurrent edit and reloads it, and asks before leaving unsaved changes', async () => {
    const { d, app } = w;
    const { id } = await call(d, d.admin, 'POST', '/k/v1/record.json', {
      app,
      record: { title: { value: 'Original' }, amount: { value: 10 }, items: { value: [{ value: { item: { value: 'Gravel' }, qty: { value: 2 } } }] } },
    });
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d);
    await page.goto(`${d.origin}/app/${app}/edit/${id}`);
    await page.getByRole('heading', { name: 'Edit Record' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Original');
    expect(await page.getByLabel('Item (row 1)').inputValue()).toBe('Gravel');

    // Leaving with unsaved changes asks first; staying keeps them.
    await page.getByLabel('Title').fill('Mine');
    await page.getByRole('link', { name: 'Cancel' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await leave.getByText('You have unsaved changes. Leave this page?').waitFor();
    await leave.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByLabel('Title').inputValue()).toBe('Mine');

    // Someone else saves first.
    await call(d, d.admin, 'PUT', '/k/v1/record.json', { app, id, record: { title: { value: 'Theirs' } } });
    await page.getByRole('button', { name: 'Save' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('another user updated it while you were editing').waitFor();
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Theirs');

    await page.getByLabel('Title').fill('Mine after all');
    await page.getByLabel('Qty (row 1)').fill('4');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${d.origin}/app/${app}/show/${id}`);
    const r = await record(d, app, id);
    expect(r.title!.value).toBe('Mine after all');
    expect(r.amount!.value).toBe('10');
    expect(r.items!.value).toHaveLength(1);
    expect(r.items!.value[0].value.qty.value).toBe('4');
    await tab.close();
  });

  it('duplicates a record into a new one', async () => {
    const { d, app } = w;
    const { id } = await call(d, d.admin, 'POST', '/k/v1/record.json', { app, record: { title: { value: 'Template' }, tags: { value: ['Quality'] } } });
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d);
    await page.goto(`${d.origin}/app/${app}/new?copyFrom=${id}`);
    await page.getByRole('heading', { name: 'Duplicate Record' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Template');
    expect(await page.getByRole('checkbox', { name: 'Quality' }).isChecked()).toBe(true);
    await page.getByLabel('Title').fill('Template (2)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/app/${app}/show/\\d+$`));
    const copy = /show\/(\d+)$/.exec(page.url())![1]!;
    expect(copy).not.toBe(String(id));
    expect((await record(d, app, copy)).tags!.value).toEqual(['Quality']);
    await tab.close();
  });

  it('shows the add form on a 375 px phone', async () => {
    const { d, app } = w;
    const tab = await openTab(browser(), { width: 375 });
    const { page } = tab;
    await signIn(page, d);
    await page.goto(`${d.origin}/app/${app}/new`);
    await page.getByRole('heading', { name: 'New Record' }).waitFor();
    await page.getByLabel('Item (row 1)').waitFor();
    await expectNoSideScroll(page);
    await page.getByLabel('Title').fill('From the site');
    await page.screenshot({ path: `${SHOTS}/record-form-phone.png`, fullPage: true });
    await page.getByRole('button', { name: 'Save' }).tap();
    await page.waitForURL(new RegExp(`/app/${app}/show/\\d+$`));
    await tab.close();
  });
});
