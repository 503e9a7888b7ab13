// Notifications: our inbox (`/v1/notifications.json`, kintone's portal notifications), each
// user's e-mail choice (`/v1/me/notifications.json`), and kintone's app notification settings
// (`app/notifications/general.json`, `perRecord.json`, `reminder.json`, live and preview).
// Request schemas and the shapes they answer, shared by the server, the web client and the tests.
import { z } from 'zod';
import { revisionParam } from './apps.js';
import { boolParam, intParam, listParam, numericId } from './params.js';

// ---- The inbox ----

export const NOTIFICATIONS_PATH = '/v1/notifications.json';
export const NOTIFICATIONS_READ_PATH = '/v1/notifications/read.json';
export const MY_NOTIFICATION_SETTINGS_PATH = '/v1/me/notifications.json';

export const NOTIFICATION_KINDS = [
  'mention',
  'assigned',
  'commentAdded',
  'recordAdded',
  'recordEdited',
  'statusChanged',
  'perRecord',
  'reminder',
  'fileImported',
  // Threads: a new thread in a space one belongs to, and a like on one's thread comment.
  'threadCreated',
  'commentLiked',
  // Licences (administrators only): guests' free trials ending soon, and more paid guests than
  // guest licences.
  'licenceTrialEnding',
  'licenceExceeded',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** kintone keeps notifications this long. */
export const NOTIFICATION_DAYS = 70;
export const MAX_NOTIFICATIONS_PER_PAGE = 100;
export const MAX_NOTIFICATIONS_OFFSET = 10_000;

export const listNotificationsInput = z.object({
  /** `toMe`: mentions, assignments, per-record and reminder targets; `all`: every notification. */
  stream: z.enum(['toMe', 'all']).optional(),
  unreadOnly: boolParam.optional(),
  offset: intParam(0, MAX_NOTIFICATIONS_OFFSET).optional(),
  limit: intParam(1, MAX_NOTIFICATIONS_PER_PAGE).optional(),
});
export type ListNotificationsInput = z.output<typeof listNotificationsInput>;

const notificationId = z.union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/, 'invalid')]).transform((v) => Number(v));

export const markReadInput = z
  .object({
    ids: listParam(notificationId, MAX_NOTIFICATIONS_PER_PAGE).optional(),
    all: boolParam.optional(),
  })
  .refine((v) => (v.ids !== undefined) !== (v.all === true), { message: 'invalid', path: ['ids'] });

export const myNotificationSettingsInput = z.object({ notifyByEmail: boolParam });

export interface NotificationJson {
  id: string;
  kind: NotificationKind;
  toMe: boolean;
  read: boolean;
  createdAt: string;
  /** Who acted: `Administrator` for an API token; null when nobody did (reminders). */
  sender: { code: string; name: string } | null;
  /** null for a thread's notification. */
  app: { id: string; name: string } | null;
  /** A thread's notification: its space and thread as they are now. */
  space?: { id: string; name: string };
  thread?: { id: string; name: string };
  /** `title`: the record's title field as the reader may see it, else "Record <number>". */
  record: { id: string; number: string; title: string } | null;
  /** The comment (a record's or a thread's) as it is now (null once deleted or while comments are off). */
  comment: { id: string; text: string } | null;
  /** recordEdited: the fields that changed, only those the reader may see. */
  fields?: Array<{ code: string; label: string }>;
  /** statusChanged, assigned. */
  status?: { action: string; from: string; to: string };
  /** perRecord, reminder: the setting's own text. */
  title?: string;
  /** licenceTrialEnding, licenceExceeded: the facts as they were when it was sent. */
  licence?: LicenceNoticeJson;
  /** One line in the reader's language, built from the above. */
  summary: string;
}

export interface LicenceNoticeJson {
  /** licenceTrialEnding: the guests whose trial ends soon; `trialEnds` is its last day (YYYY-MM-DD, Japan). */
  guests?: Array<{ name: string; email: string; trialEnds: string; daysLeft: number }>;
  /** licenceExceeded: guests who need a paid licence, and the guest licences held. */
  inUse?: number;
  licences?: number;
}

export interface NotificationsPage {
  notifications: NotificationJson[];
  unread: { toMe: string; all: string };
}

// ---- App notification settings (kintone) ----

export const MAX_NOTIFICATION_SETTINGS = 100;
export const MAX_NOTIFICATION_TARGETS = 100;
export const MAX_NOTIFICATION_TITLE = 100;

export const NOTIFICATION_ENTITY_TYPES = ['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY'] as const;
export type NotificationEntity = { type: (typeof NOTIFICATION_ENTITY_TYPES)[number]; code: string };

const entity = z.object({ type: z.enum(NOTIFICATION_ENTITY_TYPES), code: z.string().min(1).max(128) });
const flag = boolParam.optional().default(false);

const generalItem = z.object({
  entity,
  includeSubs: flag,
  recordAdded: flag,
  recordEdited: flag,
  commentAdded: flag,
  statusChanged: flag,
  fileImported: flag,
});
export type GeneralNotification = z.output<typeof generalItem>;

export const putGeneralNotificationsInput = z.object({
  app: numericId,
  notifications: listParam(generalItem, MAX_NOTIFICATION_SETTINGS).optional(),
  notifyToCommenter: boolParam.optional(),
  revision: revisionParam,
});
export type PutGeneralNotificationsInput = z.output<typeof putGeneralNotificationsInput>;

const target = z.object({ entity, includeSubs: flag });
export type NotificationTarget = z.output<typeof target>;

// kintone: an omitted, empty or null condition means every record.
const filterCond = z
  .string()
  .max(10_000)
  .nullable()
  .optional()
  .transform((v) => v ?? '');
const title = z.string().max(MAX_NOTIFICATION_TITLE).optional().default('');

const perRecordItem = z.object({ filterCond, title, targets: listParam(target, MAX_NOTIFICATION_TARGETS) });
export type PerRecordNotification = z.output<typeof perRecordItem>;

export const putPerRecordNotificationsInput = z.object({
  app: numericId,
  notifications: listParam(perRecordItem, MAX_NOTIFICATION_SETTINGS).optional(),
  revision: revisionParam,
});
export type PutPerRecordNotificationsInput = z.output<typeof putPerRecordNotificationsInput>;

const timing = z.object({
  code: z.string().min(1).max(128),
  daysLater: intParam(-10_000, 10_000),
  hoursLater: intParam(-10_000, 10_000).optional(),
  time: z.string().max(5).optional(),
});
export type ReminderTiming = z.output<typeof timing>;

const reminderItem = z.object({ timing, filterCond, title, targets: listParam(target, MAX_NOTIFICATION_TARGETS) });
export type ReminderNotification = z.output<typeof reminderItem>;

export const putReminderNotificationsInput = z.object({
  app: numericId,
  notifications: listParam(reminderItem, MAX_NOTIFICATION_SETTINGS).optional(),
  timezone: z.string().min(1).max(64).optional(),
  revision: revisionParam,
});
export type PutReminderNotificationsInput = z.output<typeof putReminderNotificationsInput>;

export interface GeneralNotificationsOut {
  notifications: Array<{ entity: NotificationEntity; includeSubs: boolean; recordAdded: boolean; recordEdited: boolean; commentAdded: boolean; statusChanged: boolean; fileImported: boolean }>;
  notifyToCommenter: boolean;
  revision: string;
}

export interface PerRecordNotificationsOut {
  notifications: Array<{ filterCond: string; title: string; targets: Array<{ entity: NotificationEntity; includeSubs: boolean }> }>;
  revision: string;
}

export interface ReminderNotificationsOut {
  notifications: Array<{
    timing: { code: string; daysLater: string; hoursLater?: string; time?: string };
    filterCond: string;
    title: string;
    targets: Array<{ entity: NotificationEntity; includeSubs: boolean }>;
  }>;
  timezone: string;
  revision: string;
}
