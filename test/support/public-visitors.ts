// A world for e-mail sign-in, registered visitors, MyPage and search forms: a domain on a
// public-view plan, an app of members' records (owner's address, level, kind, due date, amount)
// and helpers to ask for codes and links the way a visitor's browser does (same-origin XHR).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ViewPlan } from '../../common/licences/view-plans.js';
import { type Harness, type TestDomain, newDomain } from './app.js';
import { deployedApp } from './apps.js';
import { setViewPlan } from './public-views.js';

export const XHR = { 'x-requested-with': 'XMLHttpRequest' };
export const EMAIL_COOKIE = '__Secure-engawa_pvm';
export const BROWSER_COOKIE = '__Secure-engawa_pvb';
export const BASE = 'https://engawa.example.jp';

export const MEMBER_FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  owner: { type: 'SINGLE_LINE_TEXT', code: 'owner', label: 'Owner' },
  team: { type: 'SINGLE_LINE_TEXT', code: 'team', label: 'Team' },
  kind: {
    type: 'DROP_DOWN',
    code: 'kind',
    label: 'Kind',
    options: { house: { label: 'house', index: '0' }, flat: { label: 'flat', index: '1' }, shop: { label: 'shop', index: '2' } },
  },
  due: { type: 'DATE', code: 'due', label: 'Due' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  visibility: {
    type: 'DROP_DOWN',
    code: 'visibility',
    label: 'Visibility',
    options: { shown: { label: 'shown', index: '0' }, withheld: { label: 'withheld', index: '1' } },
  },
};

export interface MemberWorld {
  d: TestDomain;
  app: number;
  ids: Record<string, number>;
}

/** Records: A1, A2 (alice, team red), B1 (bob, team blue), H1 (alice but withheld by the filter). */
export async function memberWorld(h: Harness, plan: ViewPlan | null = 'premium'): Promise<MemberWorld> {
  const d = await newDomain(h);
  await setViewPlan(d, plan);
  const app = await deployedApp(d, MEMBER_FIELDS);
  const rec = (title: string, owner: string, team: string, kind: string, due: string, amount: number, visibility = 'shown') => ({
    title: { value: title },
    owner: { value: owner },
    team: { value: team },
    kind: { value: kind },
    due: { value: due },
    amount: { value: String(amount) },
    visibility: { value: visibility },
  });
  const res = await d.request({
    method: 'POST',
    url: '/k/v1/records.json',
    as: d.admin,
    payload: {
      app,
      records: [
        rec('A1', 'alice@example.com', 'red', 'house', '2026-04-01', 10),
        rec('A2', 'alice@example.com', 'red', 'flat', '2026-05-15', 20),
        rec('B1', 'bob@example.com', 'blue', 'shop', '2026-06-30', 30),
        rec('H1', 'alice@example.com', 'red', 'house', '2026-04-02', 40, 'withheld'),
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const [a1, a2, b1, h1] = (res.json().ids as string[]).map(Number);
  return { d, app, ids: { A1: a1!, A2: a2!, B1: b1!, H1: h1! } };
}

export const MEMBER_LIST = {
  fields: ['title', 'kind', 'due', 'amount'],
  filter: 'visibility in ("shown")',
  sort: [{ field: 'title', order: 'asc' }],
};

export async function memberView(w: MemberWorld, body: Record<string, unknown>): Promise<{ id: string; token: string; path: string }> {
  const res = await w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.admin, payload: { app: w.app, title: 'Members', ...body } });
  expect(res.statusCode, res.body).toBe(200);
  const pub = await w.d.request({ method: 'POST', url: '/v1/public-view/publish.json', as: w.d.admin, payload: { id: res.json().view.id, published: true } });
  expect(pub.statusCode, pub.body).toBe(200);
  return { id: res.json().view.id, token: res.json().token, path: res.json().path };
}

export async function setEmailAuth(w: MemberWorld, id: string, mode: 'registered' | 'anyone' | null): Promise<LightMyRequestResponse> {
  return w.d.request({ method: 'PUT', url: '/v1/public-view/email-auth.json', as: w.d.admin, payload: { id, mode } });
}

export async function register(w: MemberWorld, id: string, visitors: Array<Record<string, unknown>>): Promise<void> {
  const res = await w.d.request({ method: 'POST', url: '/v1/public-view/visitors.json', as: w.d.admin, payload: { id, visitors } });
  expect(res.statusCode, res.body).toBe(200);
}

export function askSignIn(d: TestDomain, path: string, email: string, opts: { method?: 'code' | 'link'; cookies?: Record<string, string>; lang?: string; remoteAddress?: string } = {}) {
  return d.request({
    method: 'POST',
    url: `${path}/sign-in.json`,
    headers: { ...XHR, ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
    cookies: opts.cookies,
    remoteAddress: opts.remoteAddress,
    payload: { email, method: opts.method ?? 'code' },
  });
}

export function giveCode(d: TestDomain, path: string, email: string, code: string, remoteAddress?: string) {
  return d.request({ method: 'POST', url: `${path}/sign-in/code.json`, headers: XHR, remoteAddress, payload: { email, code } });
}

export function useLink(d: TestDomain, path: string, token: string, cookies: Record<string, string> = {}) {
  return d.request({ method: 'POST', url: `${path}/sign-in/link.json`, headers: XHR, cookies, payload: { token } });
}

/**
 * Signs a visitor in by reading the code from the outbox rather than a mailbox (delivery over
 * SMTP is covered by public-visitors-sign-in): the session cookie to send back.
 */
export async function signInFromOutbox(h: Harness, w: MemberWorld, path: string, email: string): Promise<Record<string, string>> {
  const asked = await w.d.request({ method: 'POST', url: `${path}/sign-in.json`, headers: XHR, payload: { email } });
  expect(asked.statusCode, asked.body).toBe(200);
  return sessionOf(await giveCode(w.d, path, email, await codeFromOutbox(h, w, email)));
}

/** The code in the newest sign-in mail queued to `email` (delivery over SMTP is covered elsewhere). */
export async function codeFromOutbox(h: Harness, w: MemberWorld, email: string): Promise<string> {
  const row = await h.services.db
    .selectFrom('mailOutbox')
    .select('params')
    .where('domainId', '=', w.d.id)
    .where('recipient', '=', email.trim().toLowerCase())
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
  const params = typeof row.params === 'string' ? JSON.parse(row.params) : row.params;
  return params.code;
}

/** The session cookie of a successful sign-in, to send back. */
export function sessionOf(res: LightMyRequestResponse): Record<string, string> {
  const c = res.cookies.find((x) => x.name === EMAIL_COOKIE);
  expect(c, res.body).toBeDefined();
  return { [EMAIL_COOKIE]: c!.value };
}

export function titles(res: LightMyRequestResponse): string[] {
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().records as Array<{ values: { title?: { value: string } } }>).map((r) => r.values.title?.value ?? '');
}
