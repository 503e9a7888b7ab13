// What the web app does: sign in through POST /api/session and carry the session cookie and
// its request token. Used by tests that probe cookie authentication (CSRF, fixation, tenancy).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Persona, TestDomain } from './app.js';

export const SESSION_COOKIE = '__Host-engawa_sid';
/** What our own pages send with every API call. */
export const XHR = { 'x-requested-with': 'XMLHttpRequest' } as const;

export interface BrowserSession {
  /** The session secret as the cookie carries it. */
  token: string;
  csrfToken: string;
  /** A ready `cookie` request header. */
  cookie: string;
}

/** The raw Set-Cookie line for `name`, if the response set it. */
export function setCookieLine(res: LightMyRequestResponse, name = SESSION_COOKIE): string | undefined {
  const raw = res.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return lines.find((l) => l.startsWith(`${name}=`));
}

export function signInRequest(
  d: TestDomain,
  login: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return d.request({ method: 'POST', url: '/api/session', payload: { login, password }, headers: { ...XHR, ...headers } });
}

export async function signInBrowser(
  d: TestDomain,
  who: Persona | { code: string; password: string },
  headers: Record<string, string> = {},
): Promise<BrowserSession> {
  const res = await signInRequest(d, who.code, who.password, headers);
  expect(res.statusCode, res.body).toBe(200);
  const line = setCookieLine(res);
  expect(line).toBeDefined();
  const token = decodeURIComponent(line!.slice(SESSION_COOKIE.length + 1).split(';')[0]!);
  return { token, csrfToken: res.json().csrfToken, cookie: `${SESSION_COOKIE}=${token}` };
}

/** The kintone error body shape, and nothing else: no stack, no SQL, no internals. */
export function expectErrorBody(res: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as Record<string, unknown>;
  expect(body.code).toBe(code);
  expect(body.id).toMatch(/^[0-9a-z]{20}$/);
  expect(typeof body.message).toBe('string');
  const keys = Object.keys(body).sort();
  if (code === 'CB_VA01') {
    expect(keys).toEqual(['code', 'errors', 'id', 'message']);
    expect(Object.keys(body.errors as object).length).toBeGreaterThan(0);
  } else {
    expect(keys).toEqual(['code', 'id', 'message']);
  }
  expect(res.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|SQLITE|syntax error at/i);
  return body;
}
