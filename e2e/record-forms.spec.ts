// Adding and editing records in real Chromium: an app with every field type and a lookup source,
// a member filling every input (a file, a table row, a lookup, people), the server's messages
// next to the right fields, a concurrent edit reported as such, CSV import with a preview (all
// or nothing), and the add form on a 375 px phone.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../test/support/app.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll } from './support/pages.js';
import { type WebDomain, call, useWebServer, webDomain } from './support/server.js';
import { addGuest, seedSpace, setSpaceGuests } from '../test/support/guests.js';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const SHOTS = 'e2e/screenshots';

const opts = (...names: string[]) => Object.fromEntries(names.map((n, i) => [n, { label: n, index: String(i) }]));

async function deploy(d: WebDomain, properties: Record<string, unknown>, name: string, layout?: (codes: Record<string, string>) => unknown[]): Promise<number> {
  const { app } = await call(d, d.admin, 'POST', '/k/v1/preview/app.json', { name });
  await call(d, d.admin, 'POST', '/k/v1/preview/app/form/fields.json', { app, properties });
  if (layout) {
    const { properties: all } = await call(d, d.admin, 'GET', `/k/v1/preview/app/form/fields.json?app=${app}`);
    const codes: Record<string, string> = {};
    for (const p of Object.values(all as Record<string, { type: string; code: string }>)) codes[p.type] = p.code;
    await call(d, d.admin, 'PUT', '/k/v1/preview/app/form/layout.json', { app, layout: layout(codes) });
  }
  await call(d, d.admin, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
  return Number(app);
}

const el = (code: string, type: string) => ({ type, code });

/** Customers (the lookup source) and Site reports, with every field type. */
async function world(d: WebDomain) {
  await call(d, d.admin, 'POST', '/v1/users.json', {
    users: [{ code: 'yamada', name: 'Yamada Taro', email: 'yamada@example.com', password: 'a long passphrase 1' }],
  });
  await call(d, d.admin, 'POST', '/v1/groups.json', { groups: [{ code: 'sales', name: 'Sales team' }] });
  await call(d, d.admin, 'POST', '/v1/organizations.json', { organizations: [{ code: 'hq', name: 'Head office' }] });
  const customers = await deploy(
    d,
    {
      cust_code: { type: 'SINGLE_LINE_TEXT', code: 'cust_code', label: 'Customer code', unique: true },
      cust_name: { type: 'SINGLE_LINE_TEXT', code: 'cust_name', label: 'Customer name' },
      rank: { type: 'NUMBER', code: 'rank', label: 'Rank' },
    },
    'Customers',
  );
  await call(d, d.admin, 'POST', '/k/v1/records.json', {
    app: customers,
    records: [
      { cust_code: { value: 'C-1' }, cust_name: { value: 'Yamada Koumuten' }, rank: { value: 3 } },
      { cust_code: { value: 'C-2' }, cust_name: { value: 'Sato Kensetsu' }, rank: { value: 1 } },
    ],
  });
  const properties = {
    title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title', required: true, maxLength: '40' },
    ref: { type: 'SINGLE_LINE_TEXT', code: 'ref', label: 'Reference', unique: true },
    amount: { type: 'NUMBER', code: 'amount', label: 'Amount', minValue: '0', maxValue: '100', unit: '¥', unitPosition: 'BEFORE' },
    total: { type: 'CALC', code: 'total', label: 'Total', expression: 'amount * 2' },
    notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: 'Notes' },
    body: { type: 'RICH_TEXT', code: 'body', label: 'Body' },
    tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: opts('Safety', 'Quality', 'Cost') },
    weather: { type: 'RADIO_BUTTON', code: 'weather', label: 'Weather', options: opts('Sunny', 'Rainy'), defaultValue: 'Sunny' },
    priority: { type: 'DROP_DOWN', code: 'priority', label: 'Priority', options: opts('High', 'Low') },
    areas: { type: 'MULTI_SELECT', code: 'areas', label: 'Areas', options: opts('North', 'South', 'East') },
    day: { type: 'DATE', code: 'day', label: 'Day' },
    start: { type: 'TIME', code: 'start', label: 'Start' },
    visit: { type: 'DATETIME', code: 'visit', label: 'Visit' },
    site: { type: 'LINK', code: 'site', label: 'Site URL', protocol: 'WEB' },
    owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
    dept: { type: 'ORGANIZATION_SELECT', code: 'dept', label: 'Department' },
    team: { type: 'GROUP_SELECT', code: 'team', label: 'Team' },
    photos: { type: 'FILE', code: 'photos', label: 'Photos' },
    customer: {
      type: 'SINGLE_LINE_TEXT',
      code: 'customer',
      label: 'Customer',
      lookup: {
        relatedApp: { app: String(customers) },
        relatedKeyField: 'cust_code',
        fieldMappings: [
          { field: 'customer_name', relatedField: 'cust_name' },
          { field: 'customer_rank', relatedField: 'rank' },
        ],
        lookupPickerFields: ['cust_code', 'cust_name'],
      },
    },
    customer_name: { type: 'SINGLE_LINE_TEXT', code: 'customer_name', label: 'Customer name' },
    customer_rank: { type: 'NUMBER', code: 'customer_rank', label: 'Customer rank' },
    items: {
      type: 'SUBTABLE',
      code: 'items',
      label: 'Items',
      fields: {
        item: { type: 'SINGLE_LINE_TEXT', code: 'item', label: 'Item' },
        qty: { type: 'NUMBER', code: 'qty', label: 'Qty', maxValue: '10' },
      },
    },
    extra: { type: 'GROUP', code: 'extra', label: 'More details' },
    memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'Memo' },
  };
  const app = await deploy(d, properties, 'Site reports', (sys) => [
    { type: 'ROW', fields: [{ type: 'LABEL', label: '<b>Daily report</b>' }, el('title', 'SINGLE_LINE_TEXT'), el('ref', 'SINGLE_LINE_TEXT')] },
    { type: 'ROW', fields: [el(sys.RECORD_NUMBER!, 'RECORD_NUMBER'), el(sys.CREATOR!, 'CREATOR'), el(sys.UPDATED_TIME!, 'UPDATED_TIME')] },
    { type: 'ROW', fields: [el('amount', 'NUMBER'), el('total', 'CALC'), { type: 'SPACER', elementId: 'gap' }] },
    { type: 'ROW', fields: [el('customer', 'SINGLE_LINE_TEXT'), el('customer_name', 'SINGLE_LINE_TEXT'), el('customer_rank', 'NUMBER')] },
    { type: 'ROW', fields: [el('notes', 'MULTI_LINE_TEXT'), el('body', 'RICH_TEXT')] },
    { type: 'ROW', fields: [el('tags', 'CHECK_BOX'), el('weather', 'RADIO_BUTTON'), el('priority', 'DROP_DOWN'), el('areas', 'MULTI_SELECT')] },
    { type: 'ROW', fields: [el('day', 'DATE'), el('start', 'TIME'), el('visit', 'DATETIME'), el('site', 'LINK')] },
    { type: 'ROW', fields: [el('owner', 'USER_SELECT'), el('dept', 'ORGANIZATION_SELECT'), el('team', 'GROUP_SELECT')] },
    { type: 'ROW', fields: [el('photos', 'FILE')] },
    { type: 'ROW', fields: [{ type: 'HR' }] },
    { type: 'SUBTABLE', code: 'items', fields: [el('item', 'SINGLE_LINE_TEXT'), el('qty', 'NUMBER')] },
    { type: 'GROUP', code: 'extra', layout: [{ type: 'ROW', fields: [el('memo', 'SINGLE_LINE_TEXT')] }] },
  ]);
  // A record whose reference the new one will collide with.
  await call(d, d.admin, 'POST', '/k/v1/record.json', { app, record: { title: { value: 'Earlier' }, ref: { value: 'R-1' } } });
  return { app, customers };
}

/** Signs the tab's context in through the API (the sign-in page has its own tests). */
async function signIn(page: Page, d: WebDomain, who: Persona = d.member, guest = false): Promise<void> {
  // These forms are long pages: give a busy machine room for their first load.
  page.context().setDefaultTimeout(20_000);
  await page.goto(`${d.origin}/login`);
  const status = await page.evaluate(
    async ({ login, password, guest }) =>
      (await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' }, body: JSON.stringify({ login, password, guest }) }))
        .status,
    { login: who.code, password: who.password, guest },
  );
  expect(status).toBe(200);
}

/** The message shown beneath an input (its aria-describedby error line). */
async function messageOf(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const id = ids.split(' ').find((x) => x.includes('-error'));
  if (!id) return '';
  return (await input.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

async function record(d: WebDomain, app: number, id: string): Promise<Record<string, { value: any }>> {
  return (await call(d, d.admin, 'GET', `/k/v1/record.json?app=${app}&id=${id}`)).record;
}

describe('record forms', () => {
  const browser = useChromium();
  const server = useWebServer();
  // One domain and one pair of apps for the file: each test writes records of its own.
  let d: WebDomain;
  let app: number;
  beforeAll(async () => {
    d = await webDomain(server());
    ({ app } = await world(d));
  });

  it('adds a record through every input, with the server’s messages next to the fields', async () => {
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

  it('imports a CSV file after a preview, all or nothing', async () => {
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d);
    await page.goto(`${d.origin}/app/${app}/import`);
    await page.getByRole('heading', { name: 'Import from File' }).waitFor();
    const csv = (lines: string[]) => ({ name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) });
    const head = 'Title,Reference,Amount,Tags,Priority,Ignored';

    // The preview shows each cell's problem, and nothing can be imported while there are some.
    await page.getByLabel('CSV file').setInputFiles(csv([head, 'One,CSV-1,1,Safety,Urgent,x']));
    await page.getByText('The value, "Urgent", is not in options.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Import 1 records' }).isDisabled()).toBe(true);

    const good = [head, ...[1, 2, 3, 4, 5].map((n) => `Row ${n},CSV-${n},${n * 10},"Safety\nCost",High,x`)];
    await page.getByLabel('CSV file').setInputFiles(csv(good));
    await page.getByText('5 records in the file').waitFor();
    // Columns were matched by field name; the unknown one is left out.
    expect(await page.getByLabel('Amount').inputValue()).toBe('amount');
    expect(await page.getByLabel('Ignored').inputValue()).toBe('');
    const preview = page.getByRole('table');
    await preview.getByRole('cell', { name: 'Safety, Cost' }).first().waitFor();
    expect(await preview.getByRole('row').count()).toBe(6);
    await page.screenshot({ path: `${SHOTS}/record-import-preview.png`, fullPage: true });
    await page.getByRole('button', { name: 'Import 5 records' }).click();
    await page.getByText('5 records were imported.').waitFor();
    const added = await call(d, d.admin, 'GET', `/k/v1/records.json?app=${app}&query=${encodeURIComponent('ref like "CSV-" order by ref asc')}`);
    expect(added.records.map((r: any) => [r.title.value, r.amount.value, r.tags.value, r.priority.value])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Row ${n}`, String(n * 10), ['Safety', 'Cost'], 'High']),
    );

    // One row the server refuses: nothing is imported, and the row is named.
    await page.reload();
    const bad = [head, 'Fine,BAD-1,1,,,', 'Fine too,BAD-2,2,,,', 'Too much,BAD-3,500,,,', 'Fine again,BAD-4,4,,,'];
    await page.getByLabel('CSV file').setInputFiles(csv(bad));
    await page.getByRole('button', { name: 'Import 4 records' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Nothing was imported.').waitFor();
    await alert.getByText('Row 4: The value must be 100 or less.').waitFor();
    const none = await call(d, d.admin, 'GET', `/k/v1/records.json?app=${app}&query=${encodeURIComponent('ref like "BAD-"')}`);
    expect(none.records).toEqual([]);

    // More than one bulkRequest holds (2,000): our import endpoint, still all at once.
    await page.reload();
    const many = [head, ...Array.from({ length: 2001 }, (_, i) => `Bulk ${i},MANY-${i},${i % 100},,Low,`)];
    await page.getByLabel('CSV file').setInputFiles(csv(many));
    await page.getByRole('button', { name: 'Import 2001 records' }).click();
    await page.getByText('2001 records were imported.').waitFor({ timeout: 30_000 });
    const counted = await call(d, d.admin, 'GET', `/k/v1/records.json?app=${app}&totalCount=true&limit=1&query=${encodeURIComponent('ref like "MANY-"')}`);
    expect(counted.totalCount).toBe('2001');
    await tab.close();
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

  it('shows the add form on a 375 px phone', async () => {
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
