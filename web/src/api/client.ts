// The one way the browser talks to the server: JSON in and out, the headers our own pages must
// send (X-Requested-With, and the session's request token on anything that changes state:
// server/http/plugins/csrf.ts), and kintone's `{code, id, message, errors}` turned into ApiError.
import type { ErrorBody } from '../../../common/errors.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A failed call: the server's code and localized message, and messages per input field. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly id: string;
  /** `errors` of a CB_VA01 body: field key → messages (kintone's `{messages: [...]}` flattened). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** The answer's JSON as it came (bulkRequest's `{results}` on failure is not an ErrorBody). */
  readonly body: unknown;

  constructor(status: number, body: ErrorBody, raw?: unknown) {
    super(body.message);
    this.body = raw;
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.id = body.id;
    const fields: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(body.errors ?? {})) fields[key] = [...(value.messages ?? [])];
    this.fields = fields;
  }

  /** The first message for a field, if the server named it. */
  field(name: string): string | undefined {
    return this.fields[name]?.[0];
  }
}

/** Codes of our own for failures that never reached the server's error handler. */
export const NETWORK_ERROR = 'NETWORK';
export const UNEXPECTED_ANSWER = 'UNEXPECTED';

let requestToken: string | null = null;
let language = 'ja';

/** The session's request token, from whatever answer handed out the latest one. */
export function setRequestToken(token: string | null): void {
  requestToken = token;
}

/** The headers `api()` sends, for the few calls it cannot make (uploads with progress). */
export function requestHeaders(method: Method): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, 'x-requested-with': 'XMLHttpRequest' };
  if (requestToken && method !== 'GET') headers['x-request-token'] = requestToken;
  return headers;
}

/** Anonymous callers get the server's messages in the language the page is shown in. */
export function setRequestLanguage(lang: string): void {
  language = lang;
}

/** `/api/invitations/:token` + `{token}` → `/api/invitations/<token>`, each value URL-encoded. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** `/k/v1/x.json` under a guest space: `/k/guest/<id>/v1/x.json` (server/http/route.ts guestUrl). */
export function guestPath(path: string, spaceId: string): string {
  if (!path.startsWith('/k/v1/')) throw new Error(`${path} has no guest-space form`);
  return `/k/guest/${encodeURIComponent(spaceId)}/v1/${path.slice('/k/v1/'.length)}`;
}

type QueryValue = string | number | boolean | ReadonlyArray<string | number>;

/** kintone's query form: scalars as they are, lists as `ids[0]=1&ids[1]=2`. */
export function queryString(query: Record<string, QueryValue | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v, i) => params.append(`${key}[${i}]`, String(v)));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

export interface CallOptions {
  query?: Record<string, QueryValue | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Sent without the session cookie or its request token, as nobody: for the few public calls a
   * session must not spoil (a restricted user's session is refused from outside everywhere).
   */
  anonymous?: boolean;
}

export async function api<T>(method: Method, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    'x-requested-with': 'XMLHttpRequest',
  };
  if (requestToken && method !== 'GET' && !options.anonymous) headers['x-request-token'] = requestToken;
  const hasBody = options.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path + queryString(options.query ?? {}), {
      method,
      headers,
      credentials: options.anonymous ? 'omit' : 'same-origin',
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: NETWORK_ERROR, id: '', message: '' });
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    // A proxy's HTML error page, or a cut-off answer: reported below without a server message.
  }
  if (!response.ok) {
    throw new ApiError(response.status, isErrorBody(json) ? json : { code: UNEXPECTED_ANSWER, id: '', message: '' }, json);
  }
  if (json === undefined) throw new ApiError(response.status, { code: UNEXPECTED_ANSWER, id: '', message: '' });
  return json as T;
}
