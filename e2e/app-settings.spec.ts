// App settings in real Chromium: an app manager creates an app, builds its form with the palette
// (a drop-down with its options, a calculated field whose formula is refused then accepted),
// moves fields by keyboard and by drag and drop, adds a view with a filter, hides a field from everyone else, sets
// up a two-status process and activates the app; another user then meets the new form, view and
// process, without the hidden field. A discard throws an unapplied change away, and someone who
// does not manage the app is told so when typing the settings address.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addSpace } from '../test/support/spaces.js';
import { deployedApp } from '../test/support/apps.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { call, useWebServer, webDomain } from './support/server.js';

async function addField(page: Page, type: string, label: string, code: string): Promise<void> {
  await page.getByRole('button', { name: `Add ${type}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `New field: ${type}` });
  await dialog.getByLabel('Field name', { exact: true }).fill(label);
  await dialog.getByLabel('Field code').fill(code);
  return undefined;
}

/** Signs in and waits to leave the login page (the portal itself is the spaces area's to test). */
async function signIn(page: Page, origin: string, who: { code: string; password: string }): Promise<void> {
  await submitSignIn(page, origin, who.code, who.password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
}

async function saveDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('dialog')
    .waitFor({ state: 'hidden' })
    // A dialog left open says why: the server's messages are in it.
    .catch(async (e: Error) => {
      throw new Error(`${e.message}\n${await page.getByRole('dialog').innerText()}`);
    });
}

describe('app settings', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('builds, permits, deploys and discards an app', { timeout: 120_000 }, async () => {
    const d = await webDomain(server());
    const carol = await d.addUser('carol');
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d.origin, d.member);

    // Create App: a name, then the new app's settings.
    await page.goto(`${d.origin}/app/new`);
    await page.getByLabel('App name').fill('Parts');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'App Settings', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Changes not yet applied' }).getByRole('button', { name: 'Activate App' }).waitFor();
    const appId = /\/app\/(\d+)\/settings/.exec(page.url())![1]!;

    await addField(page, 'Text', 'Title', 'title');
    await saveDialog(page);
    await addField(page, 'Number', 'Price', 'price');
    await saveDialog(page);

    await addField(page, 'Drop-down', 'Kind', 'kind');
    const dropDown = page.getByRole('dialog');
    await dropDown.getByLabel('Option 1').fill('Bolt');
    await dropDown.getByLabel('Option 2').fill('Nut');
    await dropDown.getByRole('button', { name: 'Add option' }).click();
    await dropDown.getByLabel('Option 3').fill('Washer');
    await dropDown.getByRole('button', { name: 'Move option "Washer" up' }).click();
    await saveDialog(page);

    // A formula naming a field that does not exist is refused as the deploy would refuse it.
    await addField(page, 'Calculated', 'Total', 'total');
    const calc = page.getByRole('dialog');
    await calc.getByLabel('Formula', { exact: true }).fill('price * qty');
    await calc.locator('.field-error').waitFor();
    await calc.getByRole('button', { name: 'Save' }).click();
    await calc.getByLabel('Formula', { exact: true }).fill('price * 2');
    await calc.getByText('The formula is valid.').waitFor();
    await saveDialog(page);

    const fields = (await call(d, d.member, 'GET', `/k/v1/preview/app/form/fields.json?app=${appId}`)).properties;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['title', 'price', 'kind', 'total']));
    expect(Object.entries(fields.kind.options).sort(([, a]: any, [, b]: any) => a.index - b.index).map(([k]) => k)).toEqual(['Bolt', 'Washer', 'Nut']);
    expect(fields.total.expression).toBe('price * 2');

    // Total moves above Kind by keyboard: focus its button and press Enter.
    await page.getByRole('button', { name: 'Move "Total" up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => ((await call(d, d.member, 'GET', `/k/v1/preview/app/form/layout.json?app=${appId}`)).layout as any[]).map((r) => r.fields[0].code))
      .toEqual(['title', 'price', 'total', 'kind']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move "Total" up');
    await page.screenshot({ path: 'e2e/screenshots/app-settings-form.png', fullPage: true });

    // And by drag and drop: Price onto Title puts them side by side in one row.
    await page.locator('.as-el', { hasText: 'Price' }).dragTo(page.locator('.as-el', { hasText: 'Title' }));
    await expect
      .poll(async () => ((await call(d, d.member, 'GET', `/k/v1/preview/app/form/layout.json?app=${appId}`)).layout as any[]).map((r) => r.fields.map((f: { code: string }) => f.code).join(' ')))
      .toEqual(['price title', 'total', 'kind']);

    // A view of the bolts.
    await page.getByRole('link', { name: 'Views' }).click();
    await page.getByRole('button', { name: 'Add view' }).click().catch(async (e) => {
      await page.screenshot({ path: '/tmp/settings-work/fail.png', fullPage: true });
      console.log(tab.problems, page.url());
      throw e;
    });
    const view = page.getByRole('dialog', { name: 'New view' });
    await view.getByLabel('View name').fill('Bolts');
    for (const label of ['Title', 'Kind', 'Total']) {
      await view.getByLabel('Add field').selectOption({ label });
      await view.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await view.getByRole('button', { name: 'Add condition' }).click();
    await view.getByLabel('Field', { exact: true }).selectOption({ label: 'Kind' });
    await view.getByLabel('Operator').selectOption('in');
    await view.getByLabel('Bolt').check();
    await page.screenshot({ path: 'e2e/screenshots/app-settings-view.png' });
    await saveDialog(page);
    await page.getByRole('heading', { name: 'Bolts' }).waitFor();

    // Price: the manager may see it, nobody else.
    await page.getByRole('link', { name: 'App Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Permissions for Fields' }).click();
    await page.getByLabel('Field', { exact: true }).selectOption({ label: 'Price' });
    await page.getByRole('button', { name: 'Add field' }).click();
    const price = page.getByRole('region', { name: 'Price' });
    await price.getByLabel('Code (login name, group or department code)').fill(d.member.code);
    await price.getByRole('button', { name: 'Add', exact: true }).click();
    await price.getByRole('button', { name: `Move "User: ${d.member.code}" up` }).click();
    await price.getByLabel('everyone: Access').selectOption('NONE');
    await page.screenshot({ path: 'e2e/screenshots/app-settings-field-acl.png', fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    // Process management: start from the presets, keep two statuses and one action.
    await page.getByRole('link', { name: 'App Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Process Management' }).click();
    await page.getByLabel('Enable process management').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Status 2').waitFor();
    const second = await page.getByLabel('Status 2').inputValue();
    await page.getByRole('button', { name: `Delete "${second}"` }).click();
    await page.getByRole('button', { name: 'Add action' }).click();
    const last = page.getByRole('listitem').filter({ has: page.getByLabel(/^Action name/) }).last();
    await last.getByLabel(/^Action name/).fill('Finish');
    await last.getByLabel('Next status').selectOption({ index: 2 });
    await page.screenshot({ path: 'e2e/screenshots/app-settings-process.png', fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    // Activate App.
    await page.getByRole('button', { name: 'Activate App' }).click();
    await page.getByRole('dialog', { name: 'Activate App' }).getByRole('button', { name: 'Activate App' }).click();
    await page.getByText('App updated.').waitFor();
    await page.getByRole('region', { name: 'Changes not yet applied' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Back to the app' }).waitFor();

    // Another user meets the live app: the form and the view, not the price.
    await call(d, d.member, 'POST', '/k/v1/record.json', { app: appId, record: { title: { value: 'M6' }, price: { value: '12' }, kind: { value: 'Bolt' } } });
    const { record } = await call(d, carol, 'GET', `/k/v1/record.json?app=${appId}&id=1`);
    expect(record.title.value).toBe('M6');
    expect(record.total.value).toBe('24');
    expect(record.price).toBeUndefined();
    expect((await call(d, d.member, 'GET', `/k/v1/record.json?app=${appId}&id=1`)).record.price.value).toBe('12');
    const { views } = await call(d, carol, 'GET', `/k/v1/app/views.json?app=${appId}`);
    expect(views.Bolts).toMatchObject({ type: 'LIST', fields: ['title', 'kind', 'total'], filterCond: 'kind in ("Bolt")' });
    const process = await call(d, carol, 'GET', `/k/v1/app/status.json?app=${appId}`);
    expect(process.enable).toBe(true);
    expect(Object.keys(process.states)).toHaveLength(2);
    expect(process.actions.map((a: { name: string }) => a.name)).toContain('Finish');

    // A change not applied, thrown away.
    await page.getByRole('link', { name: 'Form' }).click();
    await addField(page, 'Text', 'Scratch', 'scratch');
    await saveDialog(page);
    await page.getByRole('button', { name: 'Discard Changes' }).click();
    await page.getByRole('dialog', { name: 'Discard Changes' }).getByRole('button', { name: 'Discard Changes' }).click();
    await page.getByText('Changes discarded.').waitFor();
    await page.getByRole('button', { name: 'Settings of "Scratch"' }).waitFor({ state: 'detached' });
    expect((await call(d, d.member, 'GET', `/k/v1/preview/app/form/fields.json?app=${appId}`)).properties.scratch).toBeUndefined();
    await tab.close();

    // Someone who does not manage the app, typing the address.
    const other = await openTab(browser(), { width: 375 });
    await signIn(other.page, d.origin, carol);
    await other.page.goto(`${d.origin}/app/${appId}/settings`);
    await other.page.getByRole('heading', { name: 'You do not have permission to change the settings of this app.' }).waitFor();
    await expectNoSideScroll(other.page);
    await other.close();
  });

  it('works at phone width, in Japanese', async () => {
    const d = await webDomain(server());
    await call(d, d.member, 'PUT', '/v1/me/profile.json', { locale: 'ja' });
    const app = (await call(d, d.member, 'POST', '/k/v1/preview/app.json', { name: '電話のアプリ' })).app;
    // The login page follows the browser (English); signing in applies the account's Japanese.
    const tab = await openTab(browser(), { width: 375 });
    const { page } = tab;
    await signIn(page, d.origin, d.member);
    await page.goto(`${d.origin}/app/${app}/settings`);
    await page.getByRole('button', { name: '日付を追加' }).click();
    const dialog = page.getByRole('dialog', { name: '新しいフィールド: 日付' });
    await dialog.getByLabel('フィールド名', { exact: true }).fill('期日');
    await dialog.getByLabel('フィールドコード').fill('due');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '「期日」の設定' }).waitFor();
    await page.getByRole('region', { name: '未反映の変更があります' }).getByRole('button', { name: 'アプリを公開' }).waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: 'e2e/screenshots/app-settings-form-375.png', fullPage: true });
    await tab.close();
  });

  it('opens a guest space app’s settings under the space’s address', async () => {
    const d = await webDomain(server());
    const space = await addSpace(d, d.admin, { isGuest: true, name: 'Partners' });
    const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } }, { guestSpace: space.id, name: 'Shared' });
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d.origin, d.admin);
    await page.goto(`${d.origin}/guest/${space.id}/app/${app}/settings/acl/app`);
    await page.getByRole('heading', { name: 'Permissions for App' }).waitFor();
    await page.getByLabel('Everyone: View records').waitFor();
    await page.getByRole('link', { name: 'Form' }).click();
    await page.getByRole('button', { name: 'Settings of "Title"' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/guest/${space.id}/app/${app}/settings`);
    await page.getByRole('region', { name: 'Changes not yet applied' }).waitFor({ state: 'detached' });
    await tab.close();
  });

  it('edits a table’s columns, a field group and a lookup', async () => {
    const d = await webDomain(server());
    const items = { type: 'SUBTABLE', code: 'items', label: 'Items', fields: { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' }, qty: { type: 'NUMBER', code: 'qty', label: 'Qty' } } };
    const app = await deployedApp(d, { items, note: { type: 'SINGLE_LINE_TEXT', code: 'note', label: 'Note' } }, { as: d.member });
    await deployedApp(d, { sku: { type: 'SINGLE_LINE_TEXT', code: 'sku', label: 'SKU', unique: true }, memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'Memo' } }, { as: d.member, name: 'Catalog' });
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d.origin, d.member);
    await page.goto(`${d.origin}/app/${app}/settings`);

    await page.getByRole('button', { name: 'Settings of "Items"' }).click();
    const dialog = page.getByRole('dialog', { name: 'Field settings: Table' });
    await dialog.getByText('Qty (Number)').click();
    await dialog.getByRole('button', { name: 'Delete column "Qty"' }).click();
    await dialog.getByLabel('Column type').selectOption({ label: 'Date' });
    await dialog.getByRole('button', { name: 'Add column' }).click();
    await dialog.getByLabel('Field name', { exact: true }).last().fill('Delivered');
    await dialog.getByLabel('Field code').last().fill('delivered');
    await saveDialog(page);
    await expect.poll(async () => Object.keys((await call(d, d.member, 'GET', `/k/v1/preview/app/form/fields.json?app=${app}`)).properties.items.fields)).toEqual(['name', 'delivered']);

    await addField(page, 'Field group', 'More', 'more');
    await saveDialog(page);
    await page.getByRole('button', { name: 'Settings of "More"' }).waitFor();

    // A lookup into another app: key, a copied field, the picker's columns.
    await addField(page, 'Lookup', 'Part', 'part');
    const lookup = page.getByRole('dialog', { name: 'New field: Lookup' });
    await lookup.getByLabel('Datasource app').selectOption({ label: 'Catalog' });
    await lookup.getByLabel('Key field').selectOption({ label: 'SKU' });
    await lookup.getByRole('button', { name: 'Add mapping' }).click();
    await lookup.getByLabel('Copy to (this app)').selectOption({ label: 'Note' });
    await lookup.getByLabel('Copy from (datasource app)').selectOption({ label: 'Memo' });
    await lookup.getByLabel('Memo', { exact: true }).check();
    await saveDialog(page);
    const part = (await call(d, d.member, 'GET', `/k/v1/preview/app/form/fields.json?app=${app}`)).properties.part;
    expect(part.lookup).toMatchObject({ relatedKeyField: 'sku', fieldMappings: [{ field: 'note', relatedField: 'memo' }], lookupPickerFields: ['memo'] });
    await tab.close();
  });

  it('saves the general settings, permissions, notifications and graphs', { timeout: 90_000 }, async () => {
    const d = await webDomain(server());
    const app = await deployedApp(
      d,
      {
        title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
        due: { type: 'DATE', code: 'due', label: 'Due' },
        kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: { A: { label: 'A', index: '0' }, B: { label: 'B', index: '1' } } },
      },
      { as: d.member },
    );
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d.origin, d.member);
    const open = async (path: string, heading: string) => {
      await page.goto(`${d.origin}/app/${app}/settings/${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
    };
    const save = async () => {
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
    };

    await open('general', 'General Settings');
    await page.getByLabel('Description').fill('Orders from partners');
    await page.getByLabel('Enable Bulk Deletion').check();
    await page.getByLabel('Record title').selectOption({ label: 'Title' });
    await save();
    expect(await call(d, d.member, 'GET', `/k/v1/preview/app/settings.json?app=${app}`)).toMatchObject({ description: 'Orders from partners', enableBulkDeletion: true, titleField: { selectionMode: 'MANUAL', code: 'title' } });

    await open('acl/app', 'Permissions for App');
    await page.getByLabel('Everyone: Export to file').check();
    await save();
    const acl = await call(d, d.member, 'GET', `/k/v1/preview/app/acl.json?app=${app}`);
    expect(acl.rights.find((r: { entity: { code: string } }) => r.entity.code === 'everyone').recordExportable).toBe(true);

    await open('acl/record', 'Permissions for Records');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('button', { name: 'Add condition' }).first().click();
    await page.getByLabel('Field', { exact: true }).selectOption({ label: 'Kind' });
    await page.getByLabel('A', { exact: true }).check();
    await page.getByLabel('Type').selectOption('EVERYONE');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await save();
    const records = await call(d, d.member, 'GET', `/k/v1/preview/record/acl.json?app=${app}`);
    expect(records.rights).toMatchObject([{ filterCond: 'kind in ("A")', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true }] }]);

    await open('notifications/general', 'General Notifications');
    await page.getByLabel('Notify the people who commented on a record of new comments on it').uncheck();
    await save();
    await open('notifications/record', 'Per Record Notifications');
    await page.getByRole('button', { name: 'Add notification' }).click();
    await page.getByLabel('Notification text').fill('Kind B arrived');
    await page.getByLabel('Code (login name, group or department code)').fill(d.member.code);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await save();
    await open('notifications/reminder', 'Reminder Notifications');
    await page.getByRole('button', { name: 'Add notification' }).click();
    await page.getByLabel('Date field').selectOption({ label: 'Due' });
    await page.getByLabel('Days after (negative: before)').fill('-1');
    await page.getByLabel('At', { exact: true }).selectOption('time');
    await page.getByLabel('Notification text').fill('Due tomorrow');
    await page.getByLabel('Code (login name, group or department code)').fill(d.member.code);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await save();
    const reminders = await call(d, d.member, 'GET', `/k/v1/preview/app/notifications/reminder.json?app=${app}`);
    expect(reminders.notifications).toMatchObject([{ timing: { code: 'due', daysLater: '-1', time: '09:00' }, title: 'Due tomorrow' }]);

    await page.goto(`${d.origin}/app/${app}/settings/graphs`);
    await page.getByRole('button', { name: 'Add graph' }).click();
    const graph = page.getByRole('dialog', { name: 'New graph' });
    await graph.getByLabel('Graph name').fill('By month');
    await graph.getByRole('button', { name: 'Add group' }).click();
    await graph.getByLabel('Group 1', { exact: true }).selectOption({ label: 'Due' });
    await saveDialog(page);
    await page.getByRole('heading', { name: 'By month' }).waitFor();
    const { reports } = await call(d, d.member, 'GET', `/k/v1/preview/app/reports.json?app=${app}`);
    expect(reports['By month']).toMatchObject({ chartType: 'COLUMN', groups: [{ code: 'due', per: 'MONTH' }], aggregations: [{ type: 'COUNT' }] });
    await tab.close();
  });
});
