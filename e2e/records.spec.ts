// An app's records in real Chromium: a member lists them through the app's views, builds a filter
// without query syntax, sorts and pages; opens a record and sees each field type as kintone shows
// it, advances its status, comments and finds the change in the history; exports the list as CSV;
// sees a graph; bulk-deletes a filter's records. A user without the right to read a field never
// sees it, and the list and the details work at 375 px. Both follow changes made elsewhere live.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Persona } from '../test/support/app.js';
import { multipart } from '../test/support/files.js';
import { deployedApp } from '../test/support/apps.js';
import { addGuest, seedSpace, setSpaceGuests } from '../test/support/guests.js';
import { type Tab, openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { type WebDomain, type WebServer, call, useWebServer, webDomain } from './support/server.js';

const SHOTS = 'e2e/screenshots';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount', digit: true, displayScale: '2', unit: '¥', unitPosition: 'BEFORE' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: { A: { label: 'A', index: '0' }, B: { label: 'B', index: '1' }, C: { label: 'C', index: '2' } } },
  tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: { red: { label: 'red', index: '0' }, blue: { label: 'blue', index: '1' } } },
  notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: 'Notes' },
  body: { type: 'RICH_TEXT', code: 'body', label: 'Body' },
  due: { type: 'DATE', code: 'due', label: 'Due' },
  at: { type: 'DATETIME', code: 'at', label: 'Meeting' },
  site: { type: 'LINK', code: 'site', label: 'Site', protocol: 'WEB' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  double: { type: 'CALC', code: 'double', label: 'Double', expression: 'amount*2', format: 'NUMBER_DIGIT' },
  photo: { type: 'FILE', code: 'photo', label: 'Photo' },
  secret: { type: 'SINGLE_LINE_TEXT', code: 'secret', label: 'Secret' },
  grp: { type: 'GROUP', code: 'grp', label: 'More', openGroup: true },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: 'Items',
    fields: { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Item name' }, qty: { type: 'NUMBER', code: 'qty', label: 'Qty' } },
  },
};

const row = (...codes: string[]) => ({ type: 'ROW', fields: codes.map((code) => ({ type: (FIELDS as any)[code]?.type ?? 'RECORD_NUMBER', code })) });

const LAYOUT = [
  row('Record_number', 'title', 'amount', 'double'),
  row('kind', 'tags', 'due', 'at'),
  { type: 'ROW', fields: [{ type: 'LABEL', label: '<b>Details</b>' }, { type: 'SPACER', elementId: 'gap' }, { type: 'HR' }] },
  row('site', 'owner', 'photo', 'secret'),
  row('body'),
  { type: 'SUBTABLE', code: 'items', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'name' }, { type: 'NUMBER', code: 'qty' }] },
  { type: 'GROUP', code: 'grp', layout: [row('notes')] },
];

const LIST_FIELDS = ['Record_number', 'title', 'amount', 'kind', 'due', 'owner', 'secret'];

/** Every date of the seed falls in this month, the calendar's first. */
function thisMonth(day: number): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface World {
  d: WebDomain;
  app: number;
  sato: Persona;
  viewer: Persona;
}

async function world(s: WebServer): Promise<World> {
  const d = await webDomain(s);
  const sato = await d.addUser('sato');
  const viewer = await d.addUser('viewer');
  const admin = (method: 'POST' | 'PUT', url: string, body: object) => call(d, d.admin, method, url, body);
  const created = await admin('POST', '/k/v1/preview/app.json', { name: 'Orders' });
  const app = Number(created.app);
  await admin('POST', '/k/v1/preview/app/form/fields.json', { app, properties: FIELDS });
  await admin('PUT', '/k/v1/preview/app/form/layout.json', { app, layout: LAYOUT });
  await admin('PUT', '/k/v1/preview/app/settings.json', { app, enableBulkDeletion: true });
  await admin('PUT', '/k/v1/preview/app/views.json', {
    app,
    views: {
      Open: { type: 'LIST', name: 'Open', index: 0, fields: LIST_FIELDS, filterCond: '', sort: 'Record_number asc' },
      'Big ones': { type: 'LIST', name: 'Big ones', index: 1, fields: LIST_FIELDS, filterCond: 'amount >= 2500', sort: 'amount desc' },
      Calendar: { type: 'CALENDAR', name: 'Calendar', index: 2, date: 'due', title: 'title', filterCond: '', sort: '' },
    },
  });
  await admin('PUT', '/k/v1/preview/app/reports.json', {
    app,
    reports: { 'By kind': { chartType: 'COLUMN', chartMode: 'NORMAL', name: 'By kind', index: 0, groups: [{ code: 'kind' }], aggregations: [{ type: 'COUNT' }], filterCond: '', sorts: [] } },
  });
  const person = (code: string) => ({ entity: { type: 'USER', code } });
  await admin('PUT', '/k/v1/preview/app/status.json', {
    app,
    enable: true,
    states: {
      'Not started': { name: 'Not started', index: 0, assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' } }] } },
      'In progress': { name: 'In progress', index: 1, assignee: { type: 'ONE', entities: [person('member'), person('sato')] } },
      Completed: { name: 'Completed', index: 2, assignee: { type: 'ONE', entities: [] } },
    },
    actions: [
      { name: 'Start', from: 'Not started', to: 'In progress' },
      { name: 'Finish', from: 'In progress', to: 'Completed' },
    ],
  });
  await admin('POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
  // Everyone may also export; the viewer may not read the secret.
  await admin('PUT', '/k/v1/app/acl.json', {
    app,
    rights: [
      { entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true },
      { entity: { type: 'GROUP', code: 'everyone' }, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordExportable: true },
    ],
  });
  await admin('PUT', '/k/v1/field/acl.json', {
    app,
    rights: [{ code: 'secret', entities: [{ accessibility: 'NONE', entity: { type: 'USER', code: 'viewer' } }, { accessibility: 'WRITE', entity: { type: 'GROUP', code: 'everyone' } }] }],
  });
  const upload = multipart([{ name: 'file', filename: 'dot.png', type: 'image/png', data: PNG }]);
  const uploaded = await d.request({ method: 'POST', url: '/k/v1/file.json', as: d.member, payload: upload.payload, headers: upload.headers });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  const records = Array.from({ length: 30 }, (_, n) => {
    const i = n + 1;
    return {
      title: { value: `Item ${i}` },
      amount: { value: i === 1 ? '1234.5' : String(i * 100) },
      kind: { value: ['A', 'B', 'C'][i % 3] },
      due: { value: thisMonth((i % 20) + 1) },
      secret: { value: `hidden-${i}` },
      ...(i === 1
        ? {
            tags: { value: ['red', 'blue'] },
            notes: { value: 'first line\nsecond line' },
            body: { value: '<p>Hello <strong>bold</strong> <a href="https://example.com/x">site</a></p><script>alert(1)</script>' },
            at: { value: '2026-04-01T00:00:00Z' },
            site: { value: 'https://example.com/orders' },
            owner: { value: [{ code: 'sato' }] },
            photo: { value: [{ fileKey: uploaded.json().fileKey }] },
            items: { value: [{ value: { name: { value: 'Bolt' }, qty: { value: '12' } } }] },
          }
        : {}),
    };
  });
  await call(d, d.member, 'POST', '/k/v1/records.json', { app, records });
  return { d, app, sato, viewer };
}

async function signedIn(tab: Tab, d: WebDomain, as: Persona): Promise<void> {
  await submitSignIn(tab.page, d.origin, as.code, as.password);
  await tab.page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
}

const rows = (tab: Tab) => tab.page.locator('.record-table tbody tr');

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

  it('exports the list as CSV with progress, draws a graph, and bulk-deletes a filter’s records', async () => {
    const w = await world(server());
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, w.d, w.d.member);
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByText('1 - 20 (of 30)').first().waitFor();

    await page.getByRole('button', { name: 'Export to File' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to File' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Orders.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFRecord number,Title,Amount,Kind,Due,Owner,Secret\r\n')).toBe(true);
    expect(csv).toContain(`\r\n1,Item 1,1234.5,B,${thisMonth(2)},sato,hidden-1\r\n`);
    expect(csv.trim().split('\r\n')).toHaveLength(31);
    await dialog.getByText('30 records were exported.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Graph').selectOption({ label: 'By kind' });
    const graph = page.getByRole('region', { name: 'Graph: By kind' });
    await graph.locator('canvas').first().waitFor();
    expect(await graph.getByRole('row', { name: 'A 10' }).count()).toBe(1);
    expect(await graph.locator('tfoot').textContent()).toContain('30');
    await page.screenshot({ path: `${SHOTS}/records-graph-desktop.png`, fullPage: true });

    // Bulk deletion of what the filter matches, after a confirmation that names the count.
    await page.goto(`${w.d.origin}/app/${w.app}?q=${encodeURIComponent('kind in ("C")')}`);
    await page.getByText('1 - 10 (of 10)').first().waitFor();
    await page.getByRole('button', { name: 'Bulk Deletion' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bulk Deletion' });
    await confirm.getByText('Delete the 10 records that match the filter? This cannot be undone.').waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByText('Deleted.').waitFor();
    await confirm.getByRole('button', { name: 'OK' }).click();
    await page.getByText('No records match the conditions.').waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByText('1 - 20 (of 20)').first().waitFor();
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
