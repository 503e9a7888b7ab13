// The visitor's calls: JSON from the view's own paths (/public/{token}/…), in the page's language.
// No credential of the app is sent or needed (the server strips them under /public/); the
// password gate's cookie is the view's own, set by the server for this path only.
import type { ErrorBody } from '../../../common/errors.js';

export class VisitorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly id: string,
    /** Seconds the server asked to wait (429). */
    readonly retryAfter: number | null,
  ) {
    super(message);
    this.name = 'VisitorError';
  }
}

export const NETWORK = 'NETWORK';

let language = 'ja';
export function setVisitorLanguage(lang: string): void {
  language = lang;
}

export async function visitorCall<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, 'x-requested-with': 'XMLHttpRequest' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new VisitorError(0, NETWORK, '', '', null);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const e = (json && typeof json === 'object' ? json : {}) as Partial<ErrorBody>;
    const retry = Number(res.headers.get('retry-after'));
    throw new VisitorError(res.status, e.code ?? 'UNEXPECTED', e.message ?? '', e.id ?? '', Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return json as T;
}
