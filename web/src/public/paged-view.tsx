// The frame of the views that page through records (list, MyPage, card, segment): their answer for
// the address's page and search, the search form and search box when the view has them, the pager
// above the records and again below a long page. The records themselves — a table, cards — and
// anything between the search and the pager (a segment's tabs) are the kind's own.
import type { ReactNode } from 'react';
import type { VisitorRecord, VisitorViewMeta } from '../../../common/api/public-views.js';
import { Pager, SearchBox, SearchForm } from './list-parts';
import { ViewAnswer, ViewFrame } from './view-frame';

interface PagedJson {
  view: VisitorViewMeta;
  records: VisitorRecord[];
  totalCount: number;
  page: number;
  pages: number;
}

interface Props<T extends PagedJson> {
  token: string;
  params: URLSearchParams;
  /** The view's answer under `/public/{token}/`: `data.json`, `cards.json`, `segments.json`. */
  file: string;
  /** What stands between the search and the pager. */
  lead?(data: T): ReactNode;
  children(data: T): ReactNode;
}

export function PagedView<T extends PagedJson>({ token, params, file, lead, children }: Props<T>) {
  const query = params.toString();
  return (
    <ViewAnswer<T> token={token} path={`/public/${token}/${file}${query ? `?${query}` : ''}`}>
      {(data, loading) => {
        const { view, records, totalCount, page, pages } = data;
        const pager = { token, params, page, pages, total: totalCount, pageSize: view.pageSize, shown: records.length };
        return (
          <ViewFrame view={view} busy={loading}>
            {view.searchForm && view.searchForm.length > 0 && <SearchForm key={`form:${query}`} token={token} params={params} items={view.searchForm} />}
            {view.search && <SearchBox key={`q:${params.get('q') ?? ''}`} token={token} params={params} />}
            {lead?.(data)}
            <Pager {...pager} />
            {children(data)}
            {records.length > 0 && pages > 1 && <Pager {...pager} bottom />}
          </ViewFrame>
        );
      }}
    </ViewAnswer>
  );
}
