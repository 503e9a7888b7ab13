// GET /v1/notifications.json and PUT /v1/notifications/read.json: a signed-in user's own
// notifications of the last 70 days, newest first, with what they may see now; and the counts of
// unread ones, which count only those they may see (a notification about a record they lost
// access to is gone from the count as from the list). And their choice of e-mail.
import { MAX_NOTIFICATIONS_PER_PAGE, NOTIFICATION_DAYS, type NotificationsPage } from '../../../common/api/notifications.js';
import { type InboxFilter, type StoredNotification, emailChoice, listNotifications, markNotificationsRead, setEmailChoice } from '../../storage/notifications.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { presentNotifications } from './present.js';
import { ReaderView } from './visibility.js';

const DAY_MS = 86_400_000;
/** Rows read per statement while looking for a page of visible notifications. */
const BATCH = 200;
/** Unread notifications looked at for the counts; a user with more sees this many at most. */
const MAX_COUNTED = 10_000;

export interface InboxQuery {
  stream?: 'toMe' | 'all';
  unreadOnly?: boolean;
  offset?: number;
  limit?: number;
}

function recipientOf(ctx: Ctx): number {
  const a = ctx.actor;
  if (a.kind !== 'user' && a.kind !== 'guest') throw new AppError('CB_NO02');
  return a.userId;
}

export function oldestKept(now: Date): Date {
  return new Date(now.getTime() - NOTIFICATION_DAYS * DAY_MS);
}

export async function listInbox(ctx: Ctx, q: InboxQuery): Promise<NotificationsPage> {
  const base: InboxFilter = { domainId: ctx.actor.domainId, recipientId: recipientOf(ctx), since: oldestKept(ctx.now) };
  const view = new ReaderView(ctx);
  let toMe = 0;
  let all = 0;
  await eachVisible(view, { ...base, unreadOnly: true }, MAX_COUNTED, (n) => {
    all++;
    if (n.toMe) toMe++;
    return true;
  });
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 20;
  const page: StoredNotification[] = [];
  let skipped = 0;
  await eachVisible(view, { ...base, toMeOnly: q.stream === 'toMe', unreadOnly: q.unreadOnly === true }, Number.POSITIVE_INFINITY, (n) => {
    if (skipped < offset) skipped++;
    else page.push(n);
    return page.length < Math.min(limit, MAX_NOTIFICATIONS_PER_PAGE);
  });
  return { notifications: await presentNotifications(view, page, ctx.locale), unread: { toMe: String(toMe), all: String(all) } };
}

/** Calls `take` with each visible notification, newest first, until it answers false or `max` rows were read. */
async function eachVisible(view: ReaderView, f: InboxFilter, max: number, take: (n: StoredNotification) => boolean): Promise<void> {
  let before: number | undefined;
  let read = 0;
  while (read < max) {
    const rows = await listNotifications(view.ctx.db, f, Math.min(BATCH, max - read), before);
    if (rows.length === 0) return;
    read += rows.length;
    before = rows.at(-1)!.id;
    for (const n of await view.filter(rows)) if (!take(n)) return;
  }
}

export async function markRead(ctx: Ctx, which: { ids?: number[]; all?: boolean }): Promise<void> {
  const ids = which.all ? 'all' : (which.ids ?? []);
  await markNotificationsRead(ctx.db, ctx.actor.domainId, recipientOf(ctx), ids, ctx.now);
}

export async function myNotificationSettings(ctx: Ctx): Promise<{ notifyByEmail: boolean }> {
  return { notifyByEmail: await emailChoice(ctx.db, ctx.actor.domainId, recipientOf(ctx)) };
}

export async function setMyNotificationSettings(ctx: Ctx, settings: { notifyByEmail: boolean }): Promise<void> {
  await setEmailChoice(ctx.db, ctx.actor.domainId, recipientOf(ctx), settings.notifyByEmail);
}
