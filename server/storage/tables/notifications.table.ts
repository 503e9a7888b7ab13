import type { DbBool, DbJson, DbTime } from '../dialect.js';

/** One notification for one recipient (see migrations/0013-notifications.ts). */
export interface NotificationsTable {
  domainId: string;
  id: number;
  recipientId: number;
  kind: string;
  toMe: DbBool;
  /** The app of a record notification; null for a thread's. */
  appId: number | null;
  recordId: number | null;
  commentId: number | null;
  /** The user who acted; 0 for an API token; null when nobody did (reminders). */
  senderId: number | null;
  detail: DbJson;
  createdAt: DbTime;
  readAt: DbTime | null;
  spaceId: number | null;
  threadId: number | null;
  threadCommentId: number | null;
}

/** A user's own notification choices. */
export interface UserNotificationSettingsTable {
  domainId: string;
  userId: number;
  email: DbBool;
}

/** Per app: reminders due up to this time have been sent. */
export interface ReminderMarksTable {
  domainId: string;
  appId: number;
  checkedUntil: DbTime;
}
