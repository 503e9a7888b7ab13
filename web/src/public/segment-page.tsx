// A segment view: the records split into tabs by a field's values; each tab a paged list.
import type { VisitorSegmentJson } from '../../../common/api/public-view-kinds.js';
import { Records } from './list-parts';
import { follow, viewHref } from './location';
import { PagedView } from './paged-view';

export function SegmentPage({ token, params }: { token: string; params: URLSearchParams }) {
  return (
    <PagedView<VisitorSegmentJson>
      token={token}
      params={params}
      file="segments.json"
      lead={({ view, tab }) => <SegmentTabs token={token} params={params} tabs={view.segment.tabs} current={tab} label={view.segment.field.label} />}
    >
      {({ view, records }) => <Records token={token} columns={view.columns} detail={view.detail} records={records} />}
    </PagedView>
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
