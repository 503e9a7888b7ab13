// Invitations for tests: a guest space with its own space administrator, the administrators'
// calls under the space's prefix, the invitee's public calls as our pages make them, and the
// link read out of a received mail.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain } from './app.js';
import { SESSION_COOKIE, XHR, setCookieLine } from './browser.js';
import { seedSpace } from './guests.js';
import type { ReceivedMail, TestSmtpServer } from './smtp.js';

export const BASE_URL = 'https://engawa.example.jp';
export const DAY_MS = 86_400_000;

export interface InviteWorld {
  d: TestDomain;
  /** The guest space's administrator (a plain user of the domain). */
  sa: Persona;
  space: number;
}

export async function inviteWorld(h: Harness, name = 'Project Sakura'): Promise<InviteWorld> {
  const d = await newDomain(h);
  const sa = await d.addUser('sa');
  const space = await seedSpace(h, d, { name, admins: [sa], members: [d.member] });
  return { d, sa, space };
}

export function invite(
  d: TestDomain,
  space: number,
  emails: unknown,
  as: Persona,
  extra: { message?: string; locale?: 'ja' | 'en'; id?: number; url?: string } = {},
): Promise<LightMyRequestResponse> {
  const { id = space, url = `/k/guest/${space}/v1/space/invitations.json`, ...rest } = extra;
  return d.request({ method: 'POST', url, as, payload: { id, emails, ...rest } });
}

export async function invitations(d: TestDomain, space: number, as: Persona): Promise<Array<Record<string, any>>> {
  const res = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space/invitations.json?id=${space}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().invitations;
}

/** Sends what is queued through the worker and answers the mails that arrived meanwhile. */
export async function deliver(h: Harness, smtp: TestSmtpServer): Promise<ReceivedMail[]> {
  const before = smtp.messages.length;
  const sent = await h.mail.runOnce();
  if (sent > 0) await smtp.waitFor(() => smtp.messages.length >= before + sent);
  return smtp.messages.slice(before);
}

/** The mail sent to `to` among `mails`. */
export function mailTo(mails: ReceivedMail[], to: string): ReceivedMail {
  const found = mails.find((m) => m.envelope.to.includes(to));
  if (!found) throw new Error(`no mail to ${to} among ${mails.map((m) => m.envelope.to.join(',')).join(' ')}`);
  return found;
}

/** The token of the invitation link in a mail's text part. */
export function tokenOf(mail: ReceivedMail): string {
  const m = new RegExp(`${BASE_URL.replace(/\./g, '\\.')}/invitations/([A-Za-z0-9_-]+)`).exec(mail.mail.text ?? '');
  if (!m) throw new Error(`no invitation link in: ${mail.mail.text}`);
  return m[1]!;
}

export function openLink(d: TestDomain, token: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return d.request({ method: 'GET', url: `/api/invitations/${encodeURIComponent(token)}`, headers });
}

export function register(
  d: TestDomain,
  token: string,
  payload: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return d.request({
    method: 'POST',
    url: `/api/invitations/${encodeURIComponent(token)}/register`,
    payload: { name: 'Invitee', password: 'a long passphrase 42', timezone: 'Asia/Tokyo', ...payload },
    headers: { ...XHR, ...headers },
  });
}

export function accept(d: TestDomain, token: string, headers: Record<string, string> = {}, payload: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  return d.request({ method: 'POST', url: `/api/invitations/${encodeURIComponent(token)}/accept`, payload, headers: { ...XHR, ...headers } });
}

/** The `cookie` header of the session a response started. */
export function sessionFrom(res: LightMyRequestResponse): string {
  const line = setCookieLine(res);
  if (!line) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `${SESSION_COOKIE}=${line.slice(SESSION_COOKIE.length + 1).split(';')[0]}`;
}
