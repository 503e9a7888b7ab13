// The preview's page, drawn with the visitors' own components (web/src/public/) from the answer
// the visitor's path of that kind would give. Their links name `/public/preview…` (the preview
// has no URL token); a click on one is caught here and moves the preview instead — a page, a tab,
// a detail page — so nothing ever leaves the editor for a visitor address.
import { type MouseEvent, Suspense, lazy, useMemo } from 'react';
import type { VisitorCalendarJson, VisitorCardsJson, VisitorDashboardItem, VisitorDashboardJson, VisitorGraphJson, VisitorSegmentJson } from '../../../../common/api/public-view-kinds.js';
import type { PublicViewPreviewJson } from '../../../../common/api/public-view-preview.js';
import type { VisitorDetailJson, VisitorListJson } from '../../../../common/api/public-views.js';
import { useStrings } from '../../i18n/area-strings';
import { RichText } from '../records/fields/rich-text';
import { CardGrid } from '../../public/cards-page';
import { FieldValue } from '../../public/field-value';
import { Pager, Records } from '../../public/list-parts';
import { SegmentTabs } from '../../public/segment-page';
import { ViewHeading } from '../../public/view-parts';
import { editorStrings } from './editor-strings';
import { PreviewSearch } from './preview-search';
import { PreviewSearchForm } from './preview-search-form';
import { type PreviewPlace, placeOfHref } from './preview-place';

export type { PreviewPlace } from './preview-place';

const GraphBody = lazy(async () => ({ default: (await import('../../public/graph-page')).GraphBody }));
const PreviewCalendar = lazy(async () => ({ default: (await import('./preview-calendar')).PreviewCalendar }));

/** Stands in for the URL token in the components' links (preview-place.ts reads them back). */
const TOKEN = 'preview';
const PARAMS = new URLSearchParams();

function isDetail(answer: PublicViewPreviewJson): boolean {
  const d = answer.data as { record?: unknown } | null;
  return typeof d?.record === 'object' && d.record !== null;
}

export function PreviewBody({ answer, place, go }: { answer: PublicViewPreviewJson; place: PreviewPlace; go(next: PreviewPlace): void }) {
  const catchLinks = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as Element).closest('a');
    const href = a?.getAttribute('href');
    if (!href) return;
    const next = placeOfHref(href, place);
    if (next === null) return;
    e.preventDefault();
    if (next !== 'ignore') go(next);
  };
  return (
    <div className="pvm-preview__page" onClickCapture={catchLinks}>
      {/* By what the answer is, not by what is asked: the previous answer shows while the next loads. */}
      {isDetail(answer) ? <Detail data={answer.data as VisitorDetailJson} back={() => go({ ...place, record: undefined, member: undefined })} /> : <Kind answer={answer} place={place} go={go} />}
    </div>
  );
}

function Kind({ answer, place, go }: { answer: PublicViewPreviewJson; place: PreviewPlace; go(next: PreviewPlace): void }) {
  const search = (view: { search: boolean }) => view.search && <PreviewSearch key={place.q ?? ''} q={place.q ?? ''} onSearch={(q) => go({ ...place, q, page: 1 })} />;
  switch (answer.kind) {
    case 'card': {
      const d = answer.data as VisitorCardsJson;
      return (
        <Frame view={d.view}>
          {search(d.view)}
          <Paged data={d} pageSize={d.view.pageSize}>
            <CardGrid token={TOKEN} columns={d.view.columns} card={d.view.card} detail={d.view.detail} records={d.records} />
          </Paged>
        </Frame>
      );
    }
    case 'segment': {
      const d = answer.data as VisitorSegmentJson;
      return (
        <Frame view={d.view}>
          {search(d.view)}
          <SegmentTabs token={TOKEN} params={PARAMS} tabs={d.view.segment.tabs} current={d.tab} label={d.view.segment.field.label} />
          <Paged data={d} pageSize={d.view.pageSize}>
            <Records token={TOKEN} columns={d.view.columns} detail={d.view.detail} records={d.records} />
          </Paged>
        </Frame>
      );
    }
    case 'calendar': {
      const d = answer.data as VisitorCalendarJson;
      return (
        <Frame view={d.view}>
          <Suspense fallback={null}>
            <PreviewCalendar data={d} onDates={(r) => (r.from !== place.from || r.to !== place.to ? go({ ...place, ...r }) : undefined)} />
          </Suspense>
        </Frame>
      );
    }
    case 'graph':
    case 'advancedGraph': {
      const d = answer.data as VisitorGraphJson;
      return (
        <Frame view={d.view}>
          <Suspense fallback={null}>
            <GraphBody data={d.data} title={d.view.title} axis={d.view.graph.axis} />
          </Suspense>
        </Frame>
      );
    }
    case 'dashboard':
      return <Dashboard data={answer.data as VisitorDashboardJson} />;
    default: {
      const d = answer.data as VisitorListJson;
      return (
        <Frame view={d.view}>
          {d.view.searchForm && d.view.searchForm.length > 0 && (
            <PreviewSearchForm key={JSON.stringify(place.form ?? {})} items={d.view.searchForm} values={place.form ?? {}} onSearch={(form) => go({ ...place, form, page: 1 })} />
          )}
          {search(d.view)}
          <Paged data={d} pageSize={d.view.pageSize}>
            <Records token={TOKEN} columns={d.view.columns} detail={d.view.detail} records={d.records} />
          </Paged>
        </Frame>
      );
    }
  }
}

function Frame({ view, children }: { view: { title: string; description?: string; blocks: { above: string; below: string } }; children: React.ReactNode }) {
  return (
    <article className="pv-view">
      <ViewHeading view={view} />
      {view.blocks.above && <RichText html={view.blocks.above} className="rich-text pv-block" />}
      {children}
      {view.blocks.below && <RichText html={view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}

function Paged({ data, pageSize, children }: { data: { page: number; pages: number; totalCount: number; records: unknown[] }; pageSize: number; children: React.ReactNode }) {
  const pager = { token: TOKEN, params: PARAMS, page: data.page, pages: data.pages, total: data.totalCount, pageSize, shown: data.records.length };
  return (
    <>
      <Pager {...pager} />
      {children}
      {data.records.length > 0 && data.pages > 1 && <Pager {...pager} bottom />}
    </>
  );
}

function Detail({ data, back }: { data: VisitorDetailJson; back(): void }) {
  const s = useStrings(editorStrings).preview;
  return (
    <article className="pv-view pv-detail">
      <p className="pv-back">
        <button type="button" className="button" onClick={back}>
          ← {s.back}
        </button>
      </p>
      <header className="pv-heading">
        <h1>{data.view.title}</h1>
      </header>
      <dl className="pv-fields">
        {data.view.columns.map((c) => (
          <div key={c.code} className={c.type === 'SUBTABLE' || c.type === 'RICH_TEXT' ? 'pv-fields__item pv-fields__item--wide' : 'pv-fields__item'}>
            <dt>{c.label}</dt>
            <dd>
              <FieldValue field={data.record.values[c.code]} column={c} />
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

function Dashboard({ data }: { data: VisitorDashboardJson }) {
  return (
    <Frame view={data.view}>
      <div className="pv-dashboard">
        {data.items.map((item, i) => (
          <section key={i} className="pv-dashboard__item" style={{ gridColumn: `${item.x + 1} / span ${item.w}`, gridRow: `${item.y + 1} / span ${item.h}` }}>
            <Block item={item} />
          </section>
        ))}
      </div>
    </Frame>
  );
}

function Block({ item }: { item: VisitorDashboardItem }) {
  const s = useStrings(editorStrings).preview;
  const calendar = useMemo(() => (item.type === 'view' && item.available && item.kind === 'calendar' ? (item.data as VisitorCalendarJson) : null), [item]);
  if (item.type === 'text') return <RichText html={item.html} className="rich-text" />;
  if (item.type === 'image') {
    return (
      <a href={item.url} target="_blank" rel="noopener noreferrer" className="pv-image-link">
        {item.alt || s.image}
      </a>
    );
  }
  if (!item.available) return <p className="pv-muted">{s.unavailable}</p>;
  // Detail links go to /public/preview/members/{n}/records/{id}: caught, they open in the panel.
  const d = item.data as { view: { title: string; detail?: boolean } };
  const detail = d.view.detail ?? false;
  let body: React.ReactNode;
  if (calendar) body = <PreviewCalendar data={calendar} />;
  else if (item.kind === 'graph' || item.kind === 'advancedGraph') {
    const g = item.data as VisitorGraphJson;
    body = <GraphBody data={g.data} title={g.view.title} axis={g.view.graph.axis} />;
  } else if (item.kind === 'card') {
    const c = item.data as VisitorCardsJson;
    body = <CardGrid token={TOKEN} columns={c.view.columns} card={c.view.card} detail={detail} records={c.records} member={item.member} />;
  } else {
    const l = item.data as VisitorListJson;
    body = <Records token={TOKEN} columns={l.view.columns} detail={detail} records={l.records} member={item.member} />;
  }
  return (
    <>
      <h2 className="pv-dashboard__title">{d.view.title}</h2>
      <Suspense fallback={null}>{body}</Suspense>
    </>
  );
}
