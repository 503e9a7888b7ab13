// A segment view: the records split into tabs by a field's values; each tab a paged list.
import type { VisitorSegmentJson } from '../../../common/api/public-view-kinds.js';
import { RichText } from '../features/records/fields/rich-text';
import { Gate } from './gates';
import { Pager, Records, SearchBox } from './list-parts';
import { follow, viewHref } from './location';
import { useVisitorData } from './use-data';
import { Loading, ViewHeading, useDocumentTitle } from './view-parts';

export function SegmentPage({ token, params }: { token: string; params: URLSearchParams }) {
  const query = params.toString();
  const answer = useVisitorData<VisitorSegmentJson>(`/public/${token}/segments.json${query ? `?${query}` : ''}`);
  useDocumentTitle(answer.data?.view.title);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  if (!answer.data) return <Loading />;
  const { view, tab, records, totalCount, page, pages } = answer.data;
  const pager = { token, params, page, pages, total: totalCount, pageSize: view.pageSize, shown: records.length };
  return (
    <article className="pv-view" aria-busy={answer.loading || undefined}>
      <ViewHeading view={view} />
      {view.blocks.above && <RichText html={view.blocks.above} className="rich-text pv-block" />}
      {view.search && <SearchBox key={`q:${params.get('q') ?? ''}`} token={token} params={params} />}
      <SegmentTabs token={token} params={params} tabs={view.segment.tabs} current={tab} label={view.segment.field.label} />
      <Pager {...pager} />
      <Records token={token} columns={view.columns} detail={view.detail} records={records} />
      {records.length > 0 && pages > 1 && <Pager {...pager} bottom />}
      {view.blocks.below && <RichText html={view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}

/** Links styled as tabs: each tab is an address (a reload or a shared link keeps it). */
export function SegmentTabs({ token, params, tabs, current, label }: { token: string; params: URLSearchParams; tabs: Array<{ value: string; label: string }>; current: string; label: string }) {
  return (
    <nav className="pv-tabs" aria-label={label}>
      {tabs.map((t) => {
        const href = viewHref(token, params, { tab: t.value, page: null });
        return (
          <a key={t.value} href={href} className="pv-tab" aria-current={t.value === current ? 'page' : undefined} onClick={(e) => follow(e, href)}>
            {t.label || t.value}
          </a>
        );
      })}
    </nav>
  );
}
