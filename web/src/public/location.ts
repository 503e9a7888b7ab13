// Where the visitor is inside a view, read from the address: the view's token and its page's
// parameters (page, search words, search form, segment tab), or one record (a dashboard member's
// under members/{n}/). The address is the state, so a deep link or a reload lands on the same page;
// moving between pages is pushState, with no router library in the bundle.
import { type MouseEvent, useEffect, useState } from 'react';

export type VisitorPlace =
  | { page: 'view'; token: string; params: URLSearchParams }
  | { page: 'record'; token: string; id: string; member: string | null }
  | { page: 'unknown'; token: string };

const PATH = /^\/public\/([A-Za-z0-9_-]{43})(?:\/(.*?))?\/?$/;
/** What a view's data paths read from the page's address; anything else stays out of requests. */
const PASSED = /^(page|q|tab|f\..+)$/;

export function parsePlace(pathname: string, search: string): VisitorPlace {
  const m = PATH.exec(pathname);
  const token = m?.[1] ?? '';
  if (!m) return { page: 'unknown', token };
  const rest = m[2] ?? '';
  if (rest === '') {
    const params = new URLSearchParams();
    for (const [k, v] of new URLSearchParams(search)) if (PASSED.test(k)) params.append(k, v);
    return { page: 'view', token, params };
  }
  const rec = /^(?:members\/(\d{1,2})\/)?records\/(\d{1,18})$/.exec(rest);
  if (rec) return { page: 'record', token, id: rec[2]!, member: rec[1] ?? null };
  return { page: 'unknown', token };
}

export function pageNumber(params: URLSearchParams): number {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The view's address with `changes` applied (null removes); a new search starts at page 1. */
export function viewHref(token: string, params: URLSearchParams, changes: Record<string, string | string[] | null>): string {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    next.delete(k);
    if (Array.isArray(v)) for (const x of v) next.append(k, x);
    else if (v !== null && v !== '') next.set(k, v);
  }
  if (next.get('page') === '1') next.delete('page');
  const s = next.toString();
  return `/public/${token}${s ? `?${s}` : ''}`;
}

export function recordHref(token: string, id: string, member?: number | string | null): string {
  return `/public/${token}${member !== null && member !== undefined ? `/members/${member}` : ''}/records/${encodeURIComponent(id)}`;
}

const EVENT = 'engawa:navigate';

export function navigate(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

export function usePlace(): VisitorPlace {
  const [place, setPlace] = useState(() => parsePlace(window.location.pathname, window.location.search));
  useEffect(() => {
    const update = () => setPlace(parsePlace(window.location.pathname, window.location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return place;
}

/** A same-page link: a real href (open in a new tab works), followed without a reload. */
export function follow(e: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(href);
}
