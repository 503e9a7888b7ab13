// A calendar in the preview: the visitors' FullCalendar (loaded with it only), its events without
// links (a preview's detail pages open from lists and cards), moving month by month when `onDates`
// is given, as a visitor's calendar does.
import { useCallback, useMemo } from 'react';
import type { VisitorCalendarJson } from '../../../../common/api/public-view-kinds.js';
import { VisitorCalendar, toCalendarEvents } from '../../public/calendar-page';

export function PreviewCalendar({ data, onDates }: { data: VisitorCalendarJson; onDates?: (range: { from: string; to: string }) => void }) {
  const events = useMemo(() => toCalendarEvents(data.events, 'preview', false), [data]);
  const dates = useCallback((r: { from: string; to: string }) => onDates?.(r), [onDates]);
  return <VisitorCalendar token="preview" events={events} mode={data.view.calendar.mode} initialDate={data.from} timeZone={data.view.calendar.timeZone} {...(onDates ? { onDates: dates } : {})} />;
}
