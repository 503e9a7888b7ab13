// What the record-form specs share: the world they work in (a Customers app, the lookup source,
// and Site reports with every field type, plus a user, a group and a department to pick), signing
// a tab in through the API, and reading back what the forms wrote.
import type { Locator, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import type { Persona } from '../../test/support/app.js';
import { useChromium } from './chromium.js';
import { type WebDomain, type WebServer, call, useWebServer, webDomain } from './server.js';

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
export async function world(d: WebDomain) {
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
export async function signIn(page: Page, d: WebDomain, who: Persona = d.member, guest = false): Promise<void> {
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
export async function messageOf(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const id = ids.split(' ').find((x) => x.includes('-error'));
  if (!id) return '';
  return (await input.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

export async function record(d: WebDomain, app: number, id: string): Promise<Record<string, { value: any }>> {
  return (await call(d, d.admin, 'GET', `/k/v1/record.json?app=${app}&id=${id}`)).record;
}

export interface SiteReports {
  browser(): Browser;
  server(): WebServer;
  /** Set before the file's tests run. */
  d: WebDomain;
  /** Site reports. */
  app: number;
}

/**
 * The file's browser and server, and one domain with the world in it made before its tests:
 * each test writes records of its own.
 */
export function useSiteReports(): SiteReports {
  const w = { browser: useChromium(), server: useWebServer() } as SiteReports;
  beforeAll(async () => {
    w.d = await webDomain(w.server());
    ({ app: w.app } = await world(w.d));
  });
  return w;
}
