// GET /public/{token}/calendar.json?from=…&to=…: the events of a date range — at most six weeks,
// `from` inclusive and `to` exclusive, in the calendar's time zone (its creator's) — each record
// of the view whose start (or start–end span) meets the range: its id, title, start, end and
// whether it is all-day, nothing else. The range is a pair of values in the query's tree ANDed
// with the fixed filter, so no range reaches a record outside it.
import {
  type CalendarSettings,
  MAX_CALENDAR_DAYS,
  MAX_EVENTS,
  type VisitorCalendarJson,
  type VisitorEvent,
} from '../../../../common/api/public-view-kinds.js';
import { civilFromDays, dayStartIn, daysFromCivil } from '../../../../common/query/dates.js';
import type { CompareOp, Expr } from '../../../../common/query/index.js';
import { AppError } from '../../app-error.js';
import type { Ctx } from '../../context.js';
import { selectRecords } from '../../records/list-records.js';
import { writerOf } from '../../records/writer.js';
import { sanitizeRichText } from '../../rich-text.js';
import { type OpenView, notFound } from '../open-view.js';
import { presentRecords } from '../present-records.js';
import { and } from '../reader.js';
import { cachedVisitorAnswer } from '../visitor-answers.js';
import { searchOf, searchText } from './paged.js';

const dayOf = (text: string): number | null => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const days = daysFromCivil(y, m, d);
  const back = civilFromDays(days);
  return back.y === y && back.m === m && back.d === d && y >= 1000 && y <= 9998 ? days : null;
};
const dayText = (days: number): string => {
  const { y, m, d } = civilFromDays(days);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** The year and month it is at `now` in `timeZone` (an unknown zone: Asia/Tokyo, users' default). */
export function monthIn(now: Date, timeZone: string): { y: number; m: number } {
  let f = monthFormats.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', era: 'short' });
    } catch {
      return monthIn(now, 'Asia/Tokyo');
    }
    if (monthFormats.size >= 64) monthFormats.clear();
    monthFormats.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(now)) parts[p.type] = p.value;
  return { y: Number(parts.year), m: Number(parts.month) };
}

/**
 * The range asked for (both ends, or neither: this month in the calendar's time zone, its
 * creator's), refused when malformed or too long.
 */
export function calendarRange(input: { from?: string; to?: string }, now: Date, timeZone = 'Asia/Tokyo'): { from: string; to: string } {
  if (input.from === undefined && input.to === undefined) {
    const { y, m } = monthIn(now, timeZone);
    return { from: dayText(daysFromCivil(y, m, 1)), to: dayText(m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) };
  }
  if (input.from === undefined) throw AppError.invalid({ from: 'required' });
  if (input.to === undefined) throw AppError.invalid({ to: 'required' });
  const from = dayOf(input.from);
  const to = dayOf(input.to);
  if (from === null) throw AppError.invalid({ from: 'dateFormat' });
  if (to === null) throw AppError.invalid({ to: 'dateFormat' });
  if (to <= from || to - from > MAX_CALENDAR_DAYS) throw AppError.invalid({ to: 'invalid' });
  return { from: input.from, to: input.to };
}

export async function visitorCalendar(ctx: Ctx, open: OpenView, input: { from?: string; to?: string; q?: string }, via = ''): Promise<Buffer> {
  const s = open.view.settings;
  const range = calendarRange(input, ctx.now, open.timeZone);
  const q = searchText(s.search, input.q);
  return cachedVisitorAnswer(ctx, open, `${via}calendar\0${range.from}\0${range.to}\0${q}`, async (reader): Promise<VisitorCalendarJson> => {
    const { calendar } = s as CalendarSettings;
    const shown = reader.fields('publicView.list');
    // Placed by a field the creator can no longer read, events would tell what it holds.
    if (!shown.includes(calendar.start) || (calendar.end !== undefined && !shown.includes(calendar.end))) throw notFound();
    const allDay = reader.schema.fields[calendar.start]!.type === 'DATE';
    const timeZone = (await writerOf(reader.ctx)).timeZone;
    const lo = allDay ? range.from : dayStartIn(range.from, timeZone);
    const hi = allDay ? range.to : dayStartIn(range.to, timeZone);
    const cmp = (code: string, op: CompareOp, value: string): Expr => ({ kind: 'compare', field: { code, pos: 0 }, op, value: { kind: 'string', value } });
    const { start, end } = calendar;
    // Starts before the range ends, and ends (or, without an end, starts) within or after its start.
    const meets: Expr =
      end === undefined ? cmp(start, '>=', lo) : { kind: 'or', items: [cmp(end, '>=', lo), { kind: 'and', items: [cmp(end, '=', ''), cmp(start, '>=', lo)] }] };
    const search = q === '' ? null : searchOf(q, reader.searchable);
    const meta: VisitorCalendarJson['view'] = {
      kind: open.view.kind,
      title: open.view.title,
      description: open.view.description,
      blocks: { above: sanitizeRichText(s.blocks.above), below: sanitizeRichText(s.blocks.below) },
      search: s.search,
      detail: reader.fields('publicView.detail').length > 0,
      calendar: { mode: calendar.mode, allDay, timeZone },
    };
    if (search === false) return { view: meta, ...range, events: [], truncated: false };
    const compiled = await reader.compile(and(and(cmp(start, '<', hi), meets), search));
    const found = await selectRecords(reader.ctx, reader.schema, compiled, { limit: MAX_EVENTS + 1, offset: 0 });
    const fields = [calendar.title, start, ...(end !== undefined ? [end] : [])].filter((c) => shown.includes(c));
    const presented = await presentRecords(reader, found.slice(0, MAX_EVENTS), fields);
    const text = (code: string, values: Record<string, { value: unknown }>) => {
      const v = values[code]?.value;
      return typeof v === 'string' ? v : '';
    };
    const events: VisitorEvent[] = [];
    for (const r of presented) {
      const first = text(start, r.values);
      if (first === '') continue;
      const last = end === undefined ? first : text(end, r.values) || first;
      events.push({ id: r.id, title: text(calendar.title, r.values), start: first, end: last < first ? first : last, allDay });
    }
    events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : Number(a.id) - Number(b.id)));
    return { view: meta, ...range, events, truncated: found.length > MAX_EVENTS };
  });
}
