// Search forms on public views (plan feature `searchForms`): items a view's settings define and
// visitors fill. Each filled item becomes a value in the query tree ANDed with the view's fixed
// filter, so a search can only narrow what the view shows. Any kind's settings may carry a
// `searchForm` (list does); the server helper is server/domain/public-views/visitors/search-form.ts.
//
// Visitors send `f.<key>=…` (text, choice; a choice may repeat) and `f.<key>.from` /
// `f.<key>.to` (ranges). An unknown item, a value outside a choice's options or a malformed date
// or number is refused (CB_PV35); nothing else of the request is read.
import { z } from 'zod';

export const MAX_SEARCH_ITEMS = 10;
export const MAX_SEARCH_TEXT = 200;
export const MAX_CHOICES_PICKED = 20;
/** Where a visitor's search form values arrive: `f.<key>` and `f.<key>.from|to`. */
export const SEARCH_PARAM_PREFIX = 'f.';

const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'invalid');
const field = z.string().min(1).max(128);
const label = z.string().max(100).default('');

export const searchItem = z.discriminatedUnion('kind', [
  /** Free text searched (`like`) in the chosen text fields, any of them. */
  z.object({ kind: z.literal('text'), key, label, fields: z.array(field).min(1).max(10) }),
  /** One or more of a DROP_DOWN / RADIO_BUTTON / CHECK_BOX / MULTI_SELECT field's options. */
  z.object({ kind: z.literal('choice'), key, label, field }),
  /** From and/or to a date (DATE, DATETIME, CREATED_TIME, UPDATED_TIME); days inclusive. */
  z.object({ kind: z.literal('dateRange'), key, label, field }),
  /** From and/or to a number (NUMBER, CALC), inclusive. */
  z.object({ kind: z.literal('numberRange'), key, label, field }),
]);
export type SearchItem = z.output<typeof searchItem>;

export const searchForm = z.array(searchItem).max(MAX_SEARCH_ITEMS).default([]);
export type SearchForm = z.output<typeof searchForm>;

/** What visitors get to draw the form: an item, its field's label, and a choice's options. */
export interface VisitorSearchItem {
  key: string;
  kind: SearchItem['kind'];
  label: string;
  /** A choice's options, in the field's order. */
  options?: string[];
}

/** The search-form values of a request's query string, by item key (`f.` stripped). */
export type SearchValues = Record<string, string | string[]>;

/** Picks `f.*` parameters out of a parsed query string; everything else is left alone. */
export function searchValuesOf(query: unknown): SearchValues {
  const out: SearchValues = {};
  if (!query || typeof query !== 'object') return out;
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (!k.startsWith(SEARCH_PARAM_PREFIX)) continue;
    if (typeof v === 'string') out[k.slice(SEARCH_PARAM_PREFIX.length)] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k.slice(SEARCH_PARAM_PREFIX.length)] = v as string[];
  }
  return out;
}
