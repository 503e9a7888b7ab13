// What the record-list specs share: the Orders app they read (every field type in a layout, three
// views, a graph, process management, a field the viewer may not read, and 30 records seeded by
// the member), signing a tab in, and the list's rows.
import { expect } from 'vitest';
import type { Persona } from '../../test/support/app.js';
import { multipart } from '../../test/support/files.js';
import { PNG } from './assets.js';
import type { Tab } from './chromium.js';
import { submitSignIn } from './pages.js';
import { type WebDomain, type WebServer, call, webDomain } from './server.js';

export const FIELDS = {
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
export function thisMonth(day: number): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface World {
  d: WebDomain;
  app: number;
  sato: Persona;
  viewer: Persona;
}

export async function world(s: WebServer): Promise<World> {
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

export async function signedIn(tab: Tab, d: WebDomain, as: Persona): Promise<void> {
  await submitSignIn(tab.page, d.origin, as.code, as.password);
  await tab.page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
}

export const rows = (tab: Tab) => tab.page.locator('.record-table tbody tr');
