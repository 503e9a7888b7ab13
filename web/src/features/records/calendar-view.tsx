// カレンダー形式: a calendar view's records on a month calendar (FullCalendar, loaded with this
// screen only), each on the date of the view's date field in the viewer's time zone, titled by
// its title field; a record opens its details. The month shown asks the server only for its
// own records, within the view's filter.
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import jaLocale from '@fullcalendar/react/locales/ja';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ViewJson } from '../../../../common/api/app-reads.js';
import type { Property } from '../../../../common/fields/index.js';
import type { Expr } from '../../../../common/query/index.js';
import type { Place } from '../../api/place';
import { type ApiField, type ApiRecord, getRecords } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { dateInZone, zonedToUtc } from './fields/format';
import { composeQuery, joinExprs, text } from './query/filter';
import { strings } from './strings';
import { ErrorLine } from './ui';
import { appKey } from './use-app';
import './calendar.css';

const PAGE = 500;
const PLUGINS = [dayGridPlugin, classicTheme];
const LOCALES = [jaLocale];
const TOOLBAR = { start: 'title', end: 'today prev,next' };
/** kintone's offset limit: a month with more records than this shows the first ones. */
const MAX_OFFSET = 10_000;

export interface CalendarViewProps {
  place: Place;
  app: string;
  view: ViewJson;
  properties: Record<string, Property>;
  where: Expr | null;
  timeZone: string;
  listSearch: string;
}

function titleText(f: ApiField | undefined): string {
  const v = f?.value;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x ? ((x as { name?: string }).name ?? '') : String(x))).join(', ');
  if (typeof v === 'object') return (v as { name?: string }).name ?? '';
  return String(v);
}

export function CalendarView({ place, app, view, properties, where, timeZone, listSearch }: CalendarViewProps) {
  const s = useStrings(strings).calendar;
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const [range, setRange] = useState<{ start: string; end: string } | null>(null);
  const dateCode = view.date ?? '';
  const titleCode = view.title ?? '';
  const dateType = properties[dateCode]?.type ?? 'DATE';
  const instant = dateType !== 'DATE';

  const records = useQuery({
    queryKey: [...appKey(place, app), 'calendar', view.id, range, where ? JSON.stringify(where) : ''],
    enabled: range !== null && dateCode !== '',
    queryFn: async () => {
      const bound = (d: string) => (instant ? zonedToUtc(`${d}T00:00`, timeZone) : d);
      const inMonth = joinExprs('and', [
        where,
        { kind: 'compare', field: { code: dateCode, pos: 0 }, op: '>=', value: text(bound(range!.start)) },
        { kind: 'compare', field: { code: dateCode, pos: 0 }, op: '<', value: text(bound(range!.end)) },
      ]);
      const out: ApiRecord[] = [];
      for (let offset = 0; offset <= MAX_OFFSET; offset += PAGE) {
        const query = composeQuery({ where: inMonth, orderBy: [{ field: { code: dateCode, pos: 0 }, direction: 'asc' }], limit: PAGE, offset });
        const page = await getRecords(place, app, query, { fields: ['$id', dateCode, titleCode].filter(Boolean) });
        out.push(...page.records);
        if (page.records.length < PAGE) break;
      }
      return out;
    },
  });

  const events = useMemo(() => (records.data ?? []).flatMap((r) => {
    const raw = String(r[dateCode]?.value ?? '');
    if (!raw) return [];
    const id = String(r.$id?.value ?? '');
    return [
      {
        id,
        title: titleText(r[titleCode]) || s.noTitle,
        start: instant ? dateInZone(raw, timeZone) : raw,
        allDay: true,
        url: `${place.page(`/app/${app}/show/${id}`)}${listSearch ? `?${listSearch}` : ''}`,
      },
    ];
  }), [records.data, dateCode, titleCode, instant, timeZone, s.noTitle, place, app, listSearch]);

  // FullCalendar reports the shown dates after every render; only a new month is news (else
  // each report would render again, and report again).
  const datesSet = useCallback((info: { startStr: string; endStr: string }) => {
    const next = { start: info.startStr.slice(0, 10), end: info.endStr.slice(0, 10) };
    setRange((cur) => (cur && cur.start === next.start && cur.end === next.end ? cur : next));
  }, []);

  const eventClick = useCallback(
    (info: { jsEvent: MouseEvent; event: { url: string } }) => {
      // Inside the app, without reloading the page.
      info.jsEvent.preventDefault();
      if (info.event.url) navigate(info.event.url);
    },
    [navigate],
  );

  return (
    <section className="calendar-view" aria-label={view.name} aria-busy={records.isFetching || undefined}>
      {records.error && <ErrorLine error={records.error} />}
      <FullCalendar
        plugins={PLUGINS}
        initialView="dayGridMonth"
        locales={LOCALES}
        locale={i18n.language === 'ja' ? 'ja' : 'en'}
        firstDay={0}
        height="auto"
        fixedWeekCount={false}
        dayMaxEvents={4}
        headerToolbar={TOOLBAR}
        events={events}
        datesSet={datesSet}
        eventClick={eventClick}
      />
    </section>
  );
}
