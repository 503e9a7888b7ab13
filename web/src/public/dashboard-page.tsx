// A dashboard view: other views, text and images on one page, laid out on a grid of 12 columns
// (one column on a phone). Each member view comes with its own first answer — a list's first page,
// a calendar's month, a graph — and its records open under members/{n}/, behind the dashboard's
// gates. An image block is a link: the pages' CSP loads no image from elsewhere.
import { useMemo } from 'react';
import type { VisitorCalendarJson, VisitorCardsJson, VisitorDashboardItem, VisitorDashboardJson, VisitorGraphJson, VisitorSegmentJson } from '../../../common/api/public-view-kinds.js';
import type { VisitorListJson } from '../../../common/api/public-views.js';
import { RichText } from '../features/records/fields/rich-text';
import { toCalendarEvents, VisitorCalendar } from './calendar-page';
import { CardGrid } from './cards-page';
import { GraphBody } from './graph-page';
import { useLang } from './lang';
import { Records } from './list-parts';
import { ViewAnswer, ViewFrame } from './view-frame';

export function DashboardPage({ token }: { token: string }) {
  return (
    <ViewAnswer<VisitorDashboardJson> token={token} path={`/public/${token}/dashboard.json`}>
      {({ view, items }) => (
        <ViewFrame view={view} className="pv-view pv-dashboard-view">
          <div className="pv-dashboard">
            {items.map((item, i) => (
              <section
                key={i}
                className="pv-dashboard__item"
                style={{ gridColumn: `${item.x + 1} / span ${item.w}`, gridRow: `${item.y + 1} / span ${item.h}` }}
              >
                <Item token={token} item={item} />
              </section>
            ))}
          </div>
        </ViewFrame>
      )}
    </ViewAnswer>
  );
}

function Item({ token, item }: { token: string; item: VisitorDashboardItem }) {
  const { s } = useLang();
  if (item.type === 'text') return <RichText html={item.html} className="rich-text" />;
  if (item.type === 'image') {
    return (
      <a href={item.url} target="_blank" rel="noopener noreferrer" className="pv-image-link">
        {item.alt || s.image}
      </a>
    );
  }
  if (!item.available) return <p className="pv-muted">{s.unavailable}</p>;
  return <Member token={token} member={item.member} kind={item.kind} data={item.data} />;
}

function Member({ token, member, kind, data }: { token: string; member: number; kind: string; data: unknown }) {
  switch (kind) {
    case 'list':
    case 'myPage':
    case 'segment': {
      const d = data as VisitorListJson | VisitorSegmentJson;
      return (
        <>
          <h2 className="pv-dashboard__title">{d.view.title}</h2>
          <Records token={token} columns={d.view.columns} detail={d.view.detail} records={d.records} member={member} />
        </>
      );
    }
    case 'card': {
      const d = data as VisitorCardsJson;
      return (
        <>
          <h2 className="pv-dashboard__title">{d.view.title}</h2>
          <CardGrid token={token} columns={d.view.columns} card={d.view.card} detail={d.view.detail} records={d.records} member={member} />
        </>
      );
    }
    case 'calendar':
      return <MemberCalendar token={token} member={member} data={data as VisitorCalendarJson} />;
    case 'graph':
    case 'advancedGraph': {
      const d = data as VisitorGraphJson;
      return (
        <>
          <h2 className="pv-dashboard__title">{d.view.title}</h2>
          <GraphBody data={d.data} title={d.view.title} axis={d.view.graph.axis} />
        </>
      );
    }
    default:
      return null;
  }
}

function MemberCalendar({ token, member, data }: { token: string; member: number; data: VisitorCalendarJson }) {
  const events = useMemo(() => toCalendarEvents(data.events, token, data.view.detail, member), [data, token, member]);
  return (
    <>
      <h2 className="pv-dashboard__title">{data.view.title}</h2>
      <VisitorCalendar token={token} events={events} mode={data.view.calendar.mode} initialDate={data.from} timeZone={data.view.calendar.timeZone} />
    </>
  );
}
