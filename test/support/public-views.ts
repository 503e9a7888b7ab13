// A world for public-view tests: a domain on a public-view plan, an app whose records are partly
// inside a view's fixed filter, fields chosen and not, files in both, and helpers that act as an
// app manager (through the management API) and as an anonymous visitor (no credentials at all).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ViewPlan } from '../../common/licences/view-plans.js';
import { type Harness, type Persona, type TestDomain, newDomain } from './app.js';
import { deployedApp } from './apps.js';
import { upload } from './files.js';

export const VIEW_FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  note: { type: 'MULTI_LINE_TEXT', code: 'note', label: 'Note' },
  photo: { type: 'FILE', code: 'photo', label: 'Photo' },
  visibility: {
    type: 'DROP_DOWN',
    code: 'visibility',
    label: 'Visibility',
    options: { shown: { label: 'shown', index: '0' }, withheld: { label: 'withheld', index: '1' } },
  },
  secret_code: { type: 'SINGLE_LINE_TEXT', code: 'secret_code', label: 'Secret Label' },
  amount_hidden: { type: 'NUMBER', code: 'amount_hidden', label: 'Hidden Amount' },
  hidden_photo: { type: 'FILE', code: 'hidden_photo', label: 'Hidden Photo' },
};

/**
 * What no visitor answer may ever contain: the unchosen fields' codes, labels and values, the
 * filter's field and the option it hides, the hidden file's name.
 */
export const NEVER_SHOWN = ['secret_code', 'Secret Label', 'SECRET-', 'amount_hidden', 'Hidden Amount', '31415926', 'hidden_photo', 'Hidden Photo', 'hidden-file', 'visibility', 'Visibility', 'withheld'];

export const CONTRACT = { course: 'wide', term: 'monthly', userLicences: 100, startDate: '2026-04-01' };

export async function setViewPlan(d: TestDomain, viewPlan: ViewPlan | null): Promise<void> {
  const res = await d.request({ method: 'PUT', url: '/v1/licences/contract.json', as: d.admin, payload: { ...CONTRACT, viewPlan } });
  expect(res.statusCode, res.body).toBe(200);
}

export interface ViewWorld {
  d: TestDomain;
  app: number;
  /** Who made the app and manages it. */
  manager: Persona;
  /** Record ids by title: Alpha and Beta are shown, Gamma is withheld by the fixed filter. */
  ids: Record<'Alpha' | 'Beta' | 'Gamma', number>;
  /** Record file keys (which must never reach a visitor). */
  fileKeys: string[];
}

/**
 * A domain on `plan` with the app, three records and a file in each FILE field of Alpha and
 * Gamma. `byMember`: the member makes the app (and manages it as its creator), not the admin.
 */
export async function viewWorld(h: Harness, plan: ViewPlan | null = 'premium', opts: { byMember?: boolean } = {}): Promise<ViewWorld> {
  const d = await newDomain(h);
  await setViewPlan(d, plan);
  const manager = opts.byMember ? d.member : d.admin;
  const app = await deployedApp(d, VIEW_FIELDS, { as: manager });
  const fileKey = async (name: string) => {
    const res = await upload(d, manager, { name, type: 'text/plain', data: `contents of ${name}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().fileKey as string;
  };
  const rec = async (title: string, visibility: string, n: number, files: boolean) => ({
    title: { value: title },
    note: { value: `note of ${title}` },
    visibility: { value: visibility },
    secret_code: { value: `SECRET-${title}` },
    amount_hidden: { value: String(31415926 * n) },
    ...(files
      ? { photo: { value: [{ fileKey: await fileKey(`photo-${title}.txt`) }] }, hidden_photo: { value: [{ fileKey: await fileKey(`hidden-file-${title}.txt`) }] } }
      : {}),
  });
  const add = await d.request({
    method: 'POST',
    url: '/k/v1/records.json',
    as: manager,
    payload: { app, records: [await rec('Alpha', 'shown', 1, true), await rec('Beta', 'shown', 2, false), await rec('Gamma', 'withheld', 3, true)] },
  });
  expect(add.statusCode, add.body).toBe(200);
  const [a, b, g] = (add.json().ids as string[]).map(Number);
  const fileKeys: string[] = [];
  for (const id of [a, g]) {
    const got = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=${id}`, as: d.admin });
    for (const code of ['photo', 'hidden_photo']) for (const f of got.json().record[code].value) fileKeys.push(f.fileKey);
  }
  return { d, app, manager, ids: { Alpha: a!, Beta: b!, Gamma: g! }, fileKeys };
}

/** A list view showing title, note and photo of the `shown` records, by title. */
export const LIST_SETTINGS = {
  fields: ['title', 'note', 'photo'],
  filter: 'visibility in ("shown")',
  sort: [{ field: 'title', order: 'asc' }],
  pageSize: 20,
  search: true,
};

export interface MadeView {
  id: string;
  token: string;
  path: string;
  configVersion: number;
}

export async function createView(w: ViewWorld, extra: Record<string, unknown> = {}, as: Persona = w.manager): Promise<MadeView> {
  const res = await w.d.request({
    method: 'POST',
    url: '/v1/public-views.json',
    as,
    payload: { app: w.app, title: 'Our houses', settings: LIST_SETTINGS, ...extra },
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { id: body.view.id, token: body.token, path: body.path, configVersion: body.view.configVersion };
}

export async function publish(w: ViewWorld, id: string, published = true, as: Persona = w.manager): Promise<void> {
  const res = await w.d.request({ method: 'POST', url: '/v1/public-view/publish.json', as, payload: { id, published } });
  expect(res.statusCode, res.body).toBe(200);
}

/** A published list view (premium world by default). */
export async function publishedView(w: ViewWorld, extra: Record<string, unknown> = {}): Promise<MadeView> {
  const v = await createView(w, extra);
  await publish(w, v.id);
  return v;
}

/** An anonymous visitor's request: the domain's Host and nothing else unless given. */
export function visitor(
  d: TestDomain,
  url: string,
  opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; payload?: unknown; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  return d.request({
    method: opts.method ?? 'GET',
    url,
    headers: opts.headers,
    ...(opts.payload !== undefined ? { payload: opts.payload as Record<string, unknown> } : {}),
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
}

/** The visitor's unlock cookie (tests run with secure cookies). */
export const VISITOR_COOKIE = '__Secure-engawa_pv';

/** No unchosen field's code, label, value, option or file — nor any record file key, nor the withheld record — anywhere. */
export function expectNothingHidden(w: ViewWorld, ...responses: LightMyRequestResponse[]): void {
  for (const res of responses) {
    for (const s of [...NEVER_SHOWN, ...w.fileKeys, 'Gamma']) expect(res.body, `${res.statusCode} ${res.body}`).not.toContain(s);
    expect(res.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|SQLITE|syntax error|select |where /i);
  }
}

/** A refusal without its per-answer id: two of them must be indistinguishable. */
export function shapeOf(res: LightMyRequestResponse): Record<string, unknown> {
  const { id: _id, ...body } = res.json();
  return { status: res.statusCode, type: res.headers['content-type'], ...body };
}

/** The titles of a list answer's records, in order. */
export function titlesOf(res: LightMyRequestResponse): Array<string | undefined> {
  return (res.json().records as Array<{ values: { title?: { value: string } } }>).map((r) => r.values.title?.value);
}

/** The `name=value` of a Set-Cookie line, for sending back. */
export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return lines.find((l) => l.startsWith(`${name}=`))?.split(';')[0];
}
