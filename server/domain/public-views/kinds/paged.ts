// A page of a view's records, as the list pages them (visitor-list.ts), for the kinds that show
// pages of records — card and segment: the fixed filter, the kind's own narrowing (a segment's
// tab) and the visitor's free text, each a node of the query's tree ANDed together, so nothing a
// visitor sends can widen the filter (P3); paging clamped at MAX_OFFSET (P4); the view's sort.
import { MAX_OFFSET, type VisitorRecord, type VisitorViewMeta } from '../../../../common/api/public-views.js';
import type { Expr } from '../../../../common/query/index.js';
import { countRecords, selectRecords } from '../../records/list-records.js';
import { sanitizeRichText } from '../../rich-text.js';
import { columnsOf, presentRecords } from '../present-records.js';
import { type Reader, and } from '../reader.js';

export interface Paged {
  records: VisitorRecord[];
  totalCount: number;
  page: number;
  pages: number;
}

/** The page asked for, within the pages paging may reach (P4). */
export function clampPage(page: number | undefined, pageSize: number): number {
  return Math.min(Math.max(page ?? 1, 1), Math.floor(MAX_OFFSET / pageSize) + 1);
}

/** The visitor's free text, only where the view offers a search box; otherwise ignored. */
export function searchText(search: boolean, q: string | undefined): string {
  return search ? (q ?? '').normalize('NFC').trim() : '';
}

/** What every paged kind says about itself: the list's meta. */
export function pagedMeta(reader: Reader): VisitorViewMeta {
  const { view } = reader.open;
  const s = view.settings;
  return {
    kind: view.kind,
    title: view.title,
    description: view.description,
    // Sanitised when written and again when shown (X4).
    blocks: { above: sanitizeRichText(s.blocks.above), below: sanitizeRichText(s.blocks.below) },
    columns: columnsOf(reader, reader.fields('publicView.list')),
    search: s.search,
    detail: reader.fields('publicView.detail').length > 0,
    pageSize: s.pageSize,
  };
}

export async function recordsPage(reader: Reader, narrow: Expr | null, page: number, q: string): Promise<Paged> {
  const s = reader.open.view.settings;
  const search = q === '' ? null : searchOf(q, reader.searchable);
  if (search === false) return { records: [], totalCount: 0, page, pages: 0 };
  const compiled = await reader.compile(and(narrow, search));
  const records = await selectRecords(reader.ctx, reader.schema, compiled, { limit: s.pageSize, offset: (page - 1) * s.pageSize });
  const totalCount = await countRecords(reader.ctx, reader.schema, compiled);
  return {
    records: await presentRecords(reader, records, reader.fields('publicView.list')),
    totalCount,
    page,
    pages: Math.min(Math.ceil(totalCount / s.pageSize), Math.floor(MAX_OFFSET / s.pageSize) + 1),
  };
}

/** `f1 like q or f2 like q …`: the text is a value in the tree. False: no field to search. */
export function searchOf(q: string, fields: string[]): Expr | false {
  if (fields.length === 0) return false;
  const likes: Expr[] = fields.map((code) => ({ kind: 'like', field: { code, pos: 0 }, negated: false, value: q }));
  return likes.length === 1 ? likes[0]! : { kind: 'or', items: likes };
}
