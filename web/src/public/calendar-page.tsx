// A calendar view, drawn by FullCalendar (loaded with this page only): the records of the shown
// month or week by their date, date-time or start–end fields; an event opens its record's detail
// page when the view has them. The dates shown decide what is asked for (at most six weeks).
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import jaLocale from '@fullcalendar/react/locales/ja';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useCallback, useMemo, useState } from 'react';
import type { VisitorCalendarJson, VisitorEvent } from '../../../common/api/public-view-kinds.js';
import { RichText } from '../features/records/fields/rich-text';
import { Gate } from './gates';
import { useLang } from './lang';
import { SearchBox } from './list-parts';
import { navigate, recordHref } from './location';
import { useVisitorData } from './use-data';
import { Loading, ViewHeading, useDocumentTitle } from './view-parts';

const PLUGINS = [dayGridPlugin, classicTheme];
const LOCALES = [jaLocale];

/** FullCalendar's end of an all-day event is the day after its last. */
function dayAfter(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Today (`YYYY-MM-DD`) in the calendar's time zone, its creator's; undefined: the browser's own. */
export function todayIn(timeZone: string | undefined, now = new Date()): string | undefined {
  if (!timeZone) return undefined;
  try {
    const parts: Record<string, string> = {};
    for (const p of new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  } catch {
    return undefined;
  }
}

export function toCalendarEvents(events: VisitorEvent[], token: string, detail: boolean, member?: number) {
  return events.map((e) => ({
    id: e.id,
    title: e.title,
    start: e.start,
    end: e.allDay ? dayAfter(e.end) : e.end,
    allDay: e.allDay,
    ...(detail ? { url: recordHref(token, e.id, member) } : {}),
  }));
}

interface CalendarProps {
  token: string;
  events: ReturnType<typeof toCalendarEvents>;
  mode: 'month' | 'week';
  initialDate?: string | undefined;
  /** The calendar's time zone: the month it opens on, and the day marked today, are today there. */
  timeZone?: string | undefined;
  /** Without it the calendar cannot move (a dashboard's month). */
  onDates?: (range: { from: string; to: string }) => void;
}

export function VisitorCalendar({ events, mode, initialDate, timeZone, onDates }: CalendarProps) {
  const { lang } = useLang();
  const [today] = useState(() => todayIn(timeZone));
  const datesSet = useCallback(
    (info: { startStr: string; endStr: string }) => onDates?.({ from: info.startStr.slice(0, 10), to: info.endStr.slice(0, 10) }),
    [onDates],
  );
  const eventClick = useCallback((info: { jsEvent: MouseEvent; event: { url: string } }) => {
    info.jsEvent.preventDefault();
    if (info.event.url) navigate(info.event.url);
  }, []);
  return (
    <div className="pv-calendar">
      <FullCalendar
        plugins={PLUGINS}
        initialView={mode === 'week' ? 'dayGridWeek' : 'dayGridMonth'}
        {...(initialDate ? { initialDate } : {})}
        {...(today ? { now: today } : {})}
        locales={LOCALES}
        locale={lang}
        firstDay={0}
        height="auto"
        fixedWeekCount={false}
        dayMaxEvents={4}
        headerToolbar={onDates ? { start: 'title', end: 'today prev,next' } : { start: 'title', end: '' }}
        events={events}
        datesSet={datesSet}
        eventClick={eventClick}
      />
    </div>
  );
}

export function CalendarPage({ token, params, timeZone }: { token: string; params: URLSearchParams; timeZone?: string | undefined }) {
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const q = params.get('q') ?? '';
  const query = range ? new URLSearchParams({ from: range.from, to: range.to, ...(q ? { q } : {}) }).toString() : null;
  const answer = useVisitorData<VisitorCalendarJson>(query === null ? null : `/public/${token}/calendar.json?${query}`);
  // FullCalendar reports the dates after every render; only new dates are news.
  const onDates = useCallback((next: { from: string; to: string }) => setRange((cur) => (cur && cur.from === next.from && cur.to === next.to ? cur : next)), []);
  const data = answer.data;
  useDocumentTitle(data?.view.title);
  const events = useMemo(() => (data ? toCalendarEvents(data.events, token, data.view.detail) : []), [data, token]);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  return (
    <article className="pv-view" aria-busy={answer.loading || undefined}>
      {data ? <ViewHeading view={data.view} /> : <Loading />}
      {data?.view.blocks.above && <RichText html={data.view.blocks.above} className="rich-text pv-block" />}
      {data?.view.search && <SearchBox key={`q:${q}`} token={token} params={params} />}
      <VisitorCalendar key={data?.view.calendar.mode ?? 'month'} token={token} events={events} mode={data?.view.calendar.mode ?? 'month'} timeZone={timeZone ?? data?.view.calendar.timeZone} onDates={onDates} />
      {data?.view.blocks.below && <RichText html={data.view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}
