// Where the preview is — a page, a tab, a search, a detail page, a calendar's dates — and where a
// link of the visitors' components inside it leads. Their links name `/public/preview…` (the
// preview has no URL token); they move the preview instead of the browser. Pure.

/** What the preview shows besides the view's first page. */
export interface PreviewPlace {
  page?: number;
  tab?: string;
  q?: string;
  /** The search form's values, by item key (a visitor's `f.<key>` parameters). */
  form?: Record<string, string | string[]>;
  record?: string;
  /** With `record`: the dashboard member (an item index of its layout) whose record it is. */
  member?: number;
  from?: string;
  to?: string;
}

const BASE = '/public/preview';

/**
 * A preview link's target: a place (a page, a tab, a detail page — a dashboard member's too),
 * 'ignore' for a preview link that leads nowhere in it (an attachment signed for no session: it
 * opens nothing), or null for a link that is not the preview's (an image block's own address, an
 * attachment the manager's session opens: /v1/public-view/preview/file).
 */
export function placeOfHref(href: string, current: PreviewPlace): PreviewPlace | 'ignore' | null {
  if (href !== BASE && !href.startsWith(`${BASE}?`) && !href.startsWith(`${BASE}/`)) return null;
  const { record: _record, member: _member, ...rest } = current;
  const rec = /^\/public\/preview(?:\/members\/(\d{1,2}))?\/records\/(\d{1,10})$/.exec(href);
  if (rec) return { ...rest, record: rec[2]!, ...(rec[1] !== undefined ? { member: Number(rec[1]) } : {}) };
  if (href.startsWith(`${BASE}/`)) return 'ignore';
  const query = new URLSearchParams(href.slice(BASE.length + 1));
  const page = Number(query.get('page') ?? '1');
  const tab = query.get('tab');
  return { ...rest, page: Number.isInteger(page) && page > 0 ? page : 1, ...(tab !== null ? { tab } : {}) };
}
