// Settings of the kinds beyond the list, before the list's own checks (check-settings.ts) and
// after them. `completeKind` adds what the kind shows to `fields` — the card's title and image,
// the calendar's title, start and end, the fields a graph groups and aggregates, the segment's
// field — so that the list's checks (each field exists, may be shown, and is read by the manager
// and the creator) and the policy's chosen fields cover them; `checkKind` then checks that
// their types fit. Dashboard members are checked against the manager apart (members.ts).
import type {
  CalendarSettings,
  CardSettings,
  DashboardSettings,
  SegmentSettings,
} from '../../../../common/api/public-view-kinds.js';
import { DASHBOARD_COLUMNS } from '../../../../common/api/public-view-kinds.js';
import type { PublicViewKind, PublicViewSettings } from '../../../../common/api/public-views.js';
import type { Property } from '../../../../common/fields/index.js';
import { AppError } from '../../app-error.js';
import type { RecordSchema } from '../../records/schema.js';
import { planReport } from '../../reports/plan.js';
import { sanitizeRichText } from '../../rich-text.js';
import { definitionOf, graphFields, graphOf, isGraphKind } from './graph-definition.js';
import { segmentOptions } from './segment-tabs.js';

/** What a card's or an event's title may be: a value that reads as one line of text. */
export const TITLE_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK', 'NUMBER', 'CALC', 'RECORD_NUMBER', 'DROP_DOWN', 'RADIO_BUTTON', 'STATUS']);
export const SEGMENT_TYPES = new Set(['DROP_DOWN', 'RADIO_BUTTON', 'CHECK_BOX', 'MULTI_SELECT', 'STATUS']);
const CALENDAR_TYPES = new Set(['DATE', 'DATETIME']);

const unique = (codes: Array<string | undefined>): string[] => [...new Set(codes.filter((c): c is string => c !== undefined))];

export function completeKind(kind: PublicViewKind, s: PublicViewSettings): PublicViewSettings {
  if (kind === 'card') {
    const { card } = s as CardSettings;
    return { ...s, fields: unique([card.title, card.image, ...s.fields]) };
  }
  if (kind === 'calendar') {
    const { calendar } = s as CalendarSettings;
    return { ...s, fields: unique([calendar.title, calendar.start, calendar.end]) };
  }
  if (isGraphKind(kind)) return { ...s, fields: graphFields(graphOf(s)) };
  if (kind === 'segment') return { ...s, fields: unique([...s.fields, (s as SegmentSettings).segment.field]) };
  return s;
}

export function checkKind(kind: PublicViewKind, s: PublicViewSettings, schemas: RecordSchema[]): PublicViewSettings {
  const typeOf = (code: string) => (schemas[0]!.fields[code] as Property).type;
  const refuse = (key: string) => AppError.invalid({ [`settings.${key}`]: 'invalid' });
  if (kind === 'card') {
    const { card } = s as CardSettings;
    if (!TITLE_TYPES.has(typeOf(card.title))) throw refuse('card.title');
    if (card.image !== undefined && typeOf(card.image) !== 'FILE') throw refuse('card.image');
  } else if (kind === 'calendar') {
    const { calendar } = s as CalendarSettings;
    if (!TITLE_TYPES.has(typeOf(calendar.title))) throw refuse('calendar.title');
    if (!CALENDAR_TYPES.has(typeOf(calendar.start))) throw refuse('calendar.start');
    if (calendar.end !== undefined && (typeOf(calendar.end) !== typeOf(calendar.start) || calendar.end === calendar.start)) throw refuse('calendar.end');
  } else if (isGraphKind(kind)) {
    // The report engine's own checks, against each person the view reads as (kintone's keys).
    for (const schema of schemas) planReport(schema, definitionOf(graphOf(s), s.filter), 'settings.graph');
  } else if (kind === 'segment') {
    const { segment } = s as SegmentSettings;
    if (!SEGMENT_TYPES.has(typeOf(segment.field))) throw refuse('segment.field');
    for (const schema of schemas) {
      const options = new Set(segmentOptions(schema, segment.field));
      segment.tabs?.forEach((t, i) => {
        if (!options.has(t.value)) throw refuse(`segment.tabs[${i}].value`);
      });
    }
  } else if (kind === 'dashboard') {
    const { dashboard } = s as DashboardSettings;
    const items = dashboard.items.map((item, i) => {
      if (item.x + item.w > DASHBOARD_COLUMNS) throw refuse(`dashboard.items[${i}].w`);
      return item.type === 'text' ? { ...item, html: sanitizeRichText(item.html) } : item;
    });
    return { ...s, dashboard: { items } } as DashboardSettings;
  }
  return s;
}
