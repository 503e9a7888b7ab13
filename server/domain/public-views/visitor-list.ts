// GET /public/{token}/data.json: a page of the view's records, with the visitor's free text (if
// the view has a search box) searched in the list's text fields on top of the fixed filter. The
// page is clamped so paging never reaches past MAX_OFFSET records (P4); the sort is the view's.
import { MAX_OFFSET, type VisitorListJson } from '../../../common/api/public-views.js';
import type { Expr } from '../../../common/query/index.js';
import type { Ctx } from '../context.js';
import { sanitizeRichText } from '../rich-text.js';
import { countRecords, selectRecords } from '../records/list-records.js';
import type { OpenView } from './open-view.js';
import { columnsOf, presentRecords } from './present-records.js';
import type { Reader } from './reader.js';
import { cachedVisitorAnswer } from './visitor-answers.js';
import { and } from './reader.js';
import { parseSearchValues, visitorSearch, visitorSearchItems } from './visitors/search-form.js';
import type { SearchValues } from '../../../common/api/public-search-forms.js';
import { OWN_PATH_KINDS } from '../../../common/api/public-view-kinds.js';
import { notFound } from './open-view.js';

export async function visitorList(ctx: Ctx, open: OpenView, input: { page?: number; q?: string; form?: SearchValues }): Promise<Buffer> {
  const s = open.view.settings;
  // Card, calendar, graph, segment and dashboard views answer on their own paths (kinds/).
  if (OWN_PATH_KINDS.has(open.view.kind)) throw notFound();
  const lastPage = Math.floor(MAX_OFFSET / s.pageSize) + 1;
  const page = Math.min(Math.max(input.page ?? 1, 1), lastPage);
  // Free text only where the view offers it; otherwise it is ignored like any unknown parameter.
  const q = s.search ? (input.q ?? '').normalize('NFC').trim() : '';
  // The search form's values (visitors/search-form.ts): an unknown item is refused before the cache.
  const form = parseSearchValues(s.searchForm ?? [], input.form ?? {});
  return cachedVisitorAnswer(ctx, open, `list\0${page}\0${q}\0${form.key}`, (reader) => listPage(reader, page, q, input.form ?? {}));
}

async function listPage(reader: Reader, page: number, q: string, formValues: SearchValues): Promise<VisitorListJson> {
  const { view } = reader.open;
  const s = view.settings;
  const fields = reader.fields('publicView.list');
  const meta = {
    kind: view.kind,
    title: view.title,
    description: view.description,
    // Sanitised when written and again when shown (X4): the allowlist may have tightened since.
    blocks: { above: sanitizeRichText(s.blocks.above), below: sanitizeRichText(s.blocks.below) },
    columns: columnsOf(reader, fields),
    search: s.search,
    detail: reader.fields('publicView.detail').length > 0,
    pageSize: s.pageSize,
    // Only where the view has a search form.
    ...(s.searchForm?.length ? { searchForm: visitorSearchItems(s.searchForm, reader.schema, fields) } : {}),
  };
  const search = q === '' ? null : searchOf(q, reader.searchable);
  const form = visitorSearch(s.searchForm ?? [], formValues, reader.schema, fields);
  if (search === false || form.expr === false) return { view: meta, records: [], totalCount: 0, page, pages: 0 };
  const compiled = await reader.compile(and(search, form.expr));
  const offset = (page - 1) * s.pageSize;
  const records = await selectRecords(reader.ctx, reader.schema, compiled, { limit: s.pageSize, offset });
  const totalCount = await countRecords(reader.ctx, reader.schema, compiled);
  return {
    view: meta,
    records: await presentRecords(reader, records, fields),
    totalCount,
    page,
    pages: Math.min(Math.ceil(totalCount / s.pageSize), Math.floor(MAX_OFFSET / s.pageSize) + 1),
  };
}

/** `f1 like q or f2 like q …`: the text is a value in the tree, never query text. False: no field to search. */
function searchOf(q: string, fields: string[]): Expr | false {
  if (fields.length === 0) return false;
  const likes: Expr[] = fields.map((code) => ({ kind: 'like', field: { code, pos: 0 }, negated: false, value: q }));
  return likes.length === 1 ? likes[0]! : { kind: 'or', items: likes };
}
