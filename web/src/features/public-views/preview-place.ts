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
  from?: string;
  to?: string;
}

const BASE = '/public/preview';

/**
 * A preview link's target: a place, 'ignore' for a preview link that leads nowhere in it (a
 * dashboard member's detail page, an attachment: their links open nothing), or null for a link
 * that is not the preview's (an image block's own address).
 */
export function placeOfHref(href: string, current: PreviewPlace): PreviewPlace | 'ignore' | null {
  if (href !== BASE && !href.startsWith(`${BASE}?`) && !href.startsWith(`${BASE}/`)) return null;
  const rec = /^\/public\/preview\/records\/(\d{1,10})$/.exec(href);
  if (rec) return { ...current, record: rec[1]! };
  if (href.startsWith(`${BASE}/`)) return 'ignore';
  const query = new URLSearchParams(href.slice(BASE.length + 1));
  const page = Number(query.get('page') ?? '1');
  const tab = query.get('tab');
  const { record: _record, ...rest } = current;
  return { ...rest, page: Number.isInteger(page) && page > 0 ? page : 1, ...(tab !== null ? { tab } : {}) };
}
