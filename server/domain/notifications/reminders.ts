// Reminder notifications, sent by a background job at their time: a date or date-time field of
// the record (created and updated times included) plus `daysLater` days and `hoursLater` hours
// (negative: before), or `daysLater` days from that date at a time of day, read in the app's
// reminder time zone. At that time the record must meet the reminder's condition.
//
// Each app keeps a mark: reminders due up to it have been sent. A run sends those due after the
// mark and up to now, and moves the mark in the same transaction, conditionally, so that each
// reminder fires once per record and date value even with several servers running the job, and
// a date changed to a time already past does not fire late. A server that was down catches up
// at most a day.
import { civilFromDays, daysFromCivil } from '../../../common/query/dates.js';
import { zoned } from '../../../common/calc/zone.js';
import { systemActor } from '../../policy/actor.js';
import { recordsWhere } from '../../storage/record-conditions.repo.js';
import { liveRevisions, moveReminderMark, reminderMark } from '../../storage/reminder-marks.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { loadDefinition } from '../../storage/apps.repo.js';
import { type Ctx, type Services, inTransaction } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { recordSchema, type RecordSchema } from '../records/schema.js';
import { conditionSql } from './conditions.js';
import { type PlannedEvent, deliverPlanned, targetReach } from './plan.js';
import { type ReminderNotification, DEFAULT_REMINDER_TIMEZONE, REMINDER_FIELD_TYPES, notificationSettingsOf } from './settings-model.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far back a server that was down sends what it missed. */
const MAX_CATCH_UP = DAY;
/** Records one reminder sends to in one run, at most. */
const MAX_PER_RUN = 10_000;

/** Per app and live revision: whether it has reminders (definitions are read once per revision). */
const hasReminders = new Map<string, boolean>();

/** Sends every reminder due since the last run; returns how many apps had reminders. */
export async function runReminders(services: Services, intervalMs: number, onError: (err: unknown) => void = (e) => { throw e; }): Promise<number> {
  const now = services.clock();
  let apps = 0;
  for (const { domainId, appId, revision } of await liveRevisions(services.db)) {
    const key = `${domainId}:${appId}:${revision}`;
    if (!hasReminders.has(key)) {
      const def = await loadDefinition<AppDefinition>(services.db, domainId, appId, 'live');
      if (hasReminders.size > 100_000) hasReminders.clear();
      hasReminders.set(key, def !== null && notificationSettingsOf(def.definition).reminder.length > 0);
    }
    if (!hasReminders.get(key)) continue;
    apps++;
    try {
      await inTransaction(services, { actor: systemActor(domainId), locale: 'ja', request: { ip: null, userAgent: null, requestId: null } }, (ctx) =>
        remindApp(ctx, appId, now, intervalMs),
      );
    } catch (err) {
      onError(err);
    }
  }
  return apps;
}

async function remindApp(ctx: Ctx, appId: number, to: Date, intervalMs: number): Promise<void> {
  const schema = await recordSchema(ctx, appId, 'view');
  const settings = notificationSettingsOf(schema.def);
  if (settings.reminder.length === 0) return;
  const { domainId } = schema.app;
  const mark = await reminderMark(ctx.db, domainId, appId);
  const from = new Date(Math.max(mark ? mark.getTime() : to.getTime() - intervalMs, to.getTime() - MAX_CATCH_UP));
  if (from >= to) return;
  // Another server got here first: these reminders are theirs.
  if (!(await moveReminderMark(ctx.db, domainId, appId, mark, to))) return;
  const zone = zoned(0, settings.reminderTimezone) ? settings.reminderTimezone : DEFAULT_REMINDER_TIMEZONE;
  const planned: PlannedEvent[] = [];
  for (const r of settings.reminder) {
    for (const record of await dueRecords(ctx, schema, r, zone, from.getTime(), to.getTime())) {
      planned.push({ kind: 'reminder', appId, recordId: record.id, detail: { title: r.title }, reach: targetReach(schema.def, r.targets, record) });
    }
  }
  await deliverPlanned(ctx, domainId, planned);
}

/** The records whose reminder time falls in (from, to] and which meet the condition now. */
async function dueRecords(ctx: Ctx, schema: RecordSchema, r: ReminderNotification, zone: string, from: number, to: number): Promise<StoredRecord[]> {
  const field = schema.fields[r.timing.code];
  if (!field || !REMINDER_FIELD_TYPES.has(field.type)) return [];
  const isDate = field.type === 'DATE';
  const fireAt = fireTime(r, zone, isDate);
  // Which values of the field fire in the window: a few days for dates, a span for date-times.
  let range: string;
  if (r.timing.time !== undefined || isDate) {
    const days: number[] = [];
    // Base days lie about this far before their reminders; two days either side cover any zone.
    const shift = r.timing.time !== undefined ? r.timing.daysLater * DAY : offsetOf(r);
    for (let d = localDay(from - shift, zone) - 2, last = localDay(to - shift, zone) + 2; d <= last; d++) {
      const at = fireAt(d);
      if (at > from && at <= to) days.push(d);
    }
    if (days.length === 0) return [];
    range = isDate
      ? `${field.code} >= "${formatDay(Math.min(...days))}" and ${field.code} <= "${formatDay(Math.max(...days))}"`
      : `${field.code} >= "${iso(startOfDay(Math.min(...days), zone))}" and ${field.code} < "${iso(startOfDay(Math.max(...days) + 1, zone))}"`;
  } else {
    const offset = offsetOf(r);
    range = `${field.code} >= "${iso(from - offset - MINUTE)}" and ${field.code} <= "${iso(to - offset + MINUTE)}"`;
  }
  const text = r.filterCond.trim() ? `(${r.filterCond}) and ${range}` : range;
  const compiled = await conditionSql(ctx, schema, text);
  if (!compiled) return [];
  const found = await recordsWhere(ctx.db, schema.app.domainId, schema.app.id, compiled.where, MAX_PER_RUN);
  // Exactly: the query found the right days or minutes; each record's own time decides.
  return found.filter((rec) => {
    const base = baseOf(schema, field.code, field.type, rec);
    if (base === null) return false;
    const at = isDate || r.timing.time !== undefined ? fireAt(isDate ? base : localDay(base, zone)) : base + offsetOf(r);
    return at > from && at <= to;
  });
}

/** For hoursLater timings: how far the reminder lies from its base time. */
function offsetOf(r: ReminderNotification): number {
  return r.timing.daysLater * DAY + (r.timing.hoursLater ?? 0) * HOUR;
}

/** When a reminder fires for a base day (days since 1970-01-01 in the zone). */
function fireTime(r: ReminderNotification, zone: string, isDate: boolean): (day: number) => number {
  const { daysLater, hoursLater, time } = r.timing;
  if (time !== undefined) {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return (day) => instantOf(day + daysLater, h * 60 + m, zone);
  }
  // hoursLater counted from the start of a DATE field's day.
  return (day) => (isDate ? startOfDay(day, zone) : day * DAY) + daysLater * DAY + (hoursLater ?? 0) * HOUR;
}

/** The field's value: a DATE as a day number, a date-time as its minute in ms; null when empty. */
function baseOf(schema: RecordSchema, code: string, type: string, rec: StoredRecord): number | null {
  if (type === 'CREATED_TIME') return minute(rec.createdAt.getTime());
  if (type === 'UPDATED_TIME') return minute(rec.updatedAt.getTime());
  const v = rec.data[schema.fieldIds[code] ?? ''];
  if (typeof v !== 'string' || v === '') return null;
  if (type === 'DATE') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m ? daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : minute(ms);
}

function minute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

function localDay(ms: number, zone: string): number {
  const z = zoned(Math.floor(ms / 1000), zone)!;
  return daysFromCivil(z.year, z.month, z.day);
}

/** The instant a wall-clock time of a day has in the zone (the later one across a DST change). */
function instantOf(day: number, minutes: number, zone: string): number {
  const naive = day * DAY + minutes * MINUTE;
  const offsetAt = (ms: number) => zoned(Math.floor(ms / 1000), zone)!.offset * 1000;
  const guess = naive - offsetAt(naive);
  return naive - offsetAt(guess);
}

function startOfDay(day: number, zone: string): number {
  return instantOf(day, 0, zone);
}

function formatDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
