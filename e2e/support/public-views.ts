// A world for the public-view flows: a domain on a public-view plan, an app of houses (25 shown,
// 2 withheld by the views' filter) with every kind of value a visitor reads, and helpers that make
// and publish a view through the management API and open it as a stranger (a fresh context).
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import type { ViewPlan } from '../../common/licences/view-plans.js';
import { deployedApp } from '../../test/support/apps.js';
import { multipart } from '../../test/support/files.js';
import { setViewPlan } from '../../test/support/public-views.js';
import { type Tab, type TabOptions, openTab } from './chromium.js';
import { type WebDomain, type WebServer, call, webDomain } from './server.js';

export const SHOTS = 'e2e/screenshots';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const HOUSE_FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'House' },
  note: { type: 'MULTI_LINE_TEXT', code: 'note', label: 'Note' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Budget' },
  stage: { type: 'DROP_DOWN', code: 'stage', label: 'Stage', options: { Plan: { label: 'Plan', index: '0' }, Build: { label: 'Build', index: '1' } } },
  tags: { type: 'CHECK_BOX', code: 'tags', label: 'Tags', options: { wood: { label: 'wood', index: '0' }, solar: { label: 'solar', index: '1' } } },
  body: { type: 'RICH_TEXT', code: 'body', label: 'Story' },
  due: { type: 'DATE', code: 'due', label: 'Handover' },
  site: { type: 'LINK', code: 'site', label: 'Site', protocol: 'WEB' },
  photo: { type: 'FILE', code: 'photo', label: 'Photo' },
  visibility: {
    type: 'DROP_DOWN',
    code: 'visibility',
    label: 'Visibility',
    options: { shown: { label: 'shown', index: '0' }, withheld: { label: 'withheld', index: '1' } },
  },
  secret_code: { type: 'SINGLE_LINE_TEXT', code: 'secret_code', label: 'Secret Label' },
  contact: { type: 'SINGLE_LINE_TEXT', code: 'contact', label: 'Contact' },
  rooms: {
    type: 'SUBTABLE',
    code: 'rooms',
    label: 'Rooms',
    fields: { room: { type: 'SINGLE_LINE_TEXT', code: 'room', label: 'Room' }, area: { type: 'NUMBER', code: 'area', label: 'Area' } },
  },
};

/** Words that must never reach a visitor's page: the unchosen field and the withheld records. */
export const NEVER_ON_PAGE = ['Secret Label', 'secret_code', 'SECRET-', 'Withheld house', 'withheld'];

export interface HouseWorld {
  d: WebDomain;
  app: number;
  /** Record ids by house number (1–25 shown, 26–27 withheld). */
  ids: number[];
}

export const houseName = (n: number) => `House ${String(n).padStart(2, '0')}`;

/** Day `n` of the browser's current month: a calendar opens on it. */
export function thisMonth(n: number): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(n).padStart(2, '0')}`;
}

export async function houseWorld(s: WebServer, plan: ViewPlan | null = 'premium'): Promise<HouseWorld> {
  const d = await webDomain(s, 'Houses');
  await setViewPlan(d, plan);
  const app = await deployedApp(d, HOUSE_FIELDS, { name: 'Houses' });
  const upload = multipart([{ name: 'file', filename: 'front.png', type: 'image/png', data: PNG }]);
  const uploaded = await d.request({ method: 'POST', url: '/k/v1/file.json', as: d.admin, payload: upload.payload, headers: upload.headers });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  const records = Array.from({ length: 27 }, (_, i) => {
    const n = i + 1;
    const shown = n <= 25;
    return {
      title: { value: shown ? houseName(n) : `Withheld house ${n}` },
      note: { value: `Note of ${n}\nsecond line` },
      amount: { value: String(n * 1000) },
      stage: { value: n % 2 ? 'Plan' : 'Build' },
      visibility: { value: shown ? 'shown' : 'withheld' },
      secret_code: { value: `SECRET-${n}` },
      // Kim owns the first three houses (MyPage).
      contact: { value: n <= 3 ? 'kim@example.com' : 'someone@example.com' },
      due: { value: thisMonth(n) },
      ...(n === 1
        ? {
            tags: { value: ['wood', 'solar'] },
            body: { value: '<p>Built with <strong>care</strong></p>' },
            site: { value: 'https://example.com/house-1' },
            photo: { value: [{ fileKey: uploaded.json().fileKey }] },
            rooms: { value: [{ value: { room: { value: 'Kitchen' }, area: { value: '12' } } }] },
          }
        : {}),
    };
  });
  const added = await call(d, d.admin, 'POST', '/k/v1/records.json', { app, records });
  return { d, app, ids: (added.ids as string[]).map(Number) };
}

/** The list settings most flows use: houses by name, 10 a page, a search box. */
export const HOUSE_LIST = {
  fields: ['title', 'amount', 'stage', 'photo'],
  detail: { enabled: true, fields: ['title', 'note', 'amount', 'stage', 'tags', 'body', 'due', 'site', 'photo', 'rooms'] },
  filter: 'visibility in ("shown")',
  sort: [{ field: 'title', order: 'asc' }],
  pageSize: 10,
  search: true,
  blocks: { above: '<p>Welcome, visitors</p>', below: '<p>Questions? Call us.</p>' },
};

/** Makes a view through the API (published unless told otherwise) and answers its page URL. */
export async function madeView(w: HouseWorld, extra: Record<string, unknown> = {}, published = true): Promise<{ id: string; url: string }> {
  const made = await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', { app: w.app, title: 'Our houses', settings: HOUSE_LIST, ...extra });
  if (published) await call(w.d, w.d.admin, 'POST', '/v1/public-view/publish.json', { id: made.view.id, published: true });
  return { id: made.view.id, url: `${w.d.origin}${made.path}` };
}

/** A stranger's tab: a new context, no cookies, nothing signed in. */
export function strangerTab(browser: Browser, options: TabOptions = {}): Promise<Tab> {
  return openTab(browser, options);
}

/** The page's whole HTML holds none of what the view withholds. */
export async function expectNothingWithheld(tab: Tab): Promise<void> {
  const html = await tab.page.content();
  for (const word of NEVER_ON_PAGE) expect(html, word).not.toContain(word);
}
