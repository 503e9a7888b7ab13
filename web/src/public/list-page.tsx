// A list view (and a MyPage view, which reads the same way): the view's text blocks around a table
// of its records (a stack of cards on a phone), its search box and search form when it has them,
// and the pager above and below. Each row opens the record's detail page when the view has them.
import type { VisitorListJson } from '../../../common/api/public-views.js';
import { RichText } from '../features/records/fields/rich-text';
import { Gate } from './gates';
import { Pager, Records, SearchBox, SearchForm } from './list-parts';
import { useVisitorData } from './use-data';
import { Loading, ViewHeading, useDocumentTitle } from './view-parts';

export function ListPage({ token, params }: { token: string; params: URLSearchParams }) {
  const query = params.toString();
  const answer = useVisitorData<VisitorListJson>(`/public/${token}/data.json${query ? `?${query}` : ''}`);
  useDocumentTitle(answer.data?.view.title);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  if (!answer.data) return <Loading />;
  const { view, records, totalCount, page, pages } = answer.data;
  const pager = { token, params, page, pages, total: totalCount, pageSize: view.pageSize, shown: records.length };
  return (
    <article className="pv-view" aria-busy={answer.loading || undefined}>
      <ViewHeading view={view} />
      {view.blocks.above && <RichText html={view.blocks.above} className="rich-text pv-block" />}
      {view.searchForm && view.searchForm.length > 0 && <SearchForm key={`form:${query}`} token={token} params={params} items={view.searchForm} />}
      {view.search && <SearchBox key={`q:${params.get('q') ?? ''}`} token={token} params={params} />}
      <Pager {...pager} />
      <Records token={token} columns={view.columns} detail={view.detail} records={records} />
      {records.length > 0 && pages > 1 && <Pager {...pager} bottom />}
      {view.blocks.below && <RichText html={view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}
