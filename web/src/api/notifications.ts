// Typed calls for the portal's notifications (通知: to me / all, read state) and the records
// assigned to me (未処理).
import { ASSIGNED_PATH } from '../../../common/api/process.js';
import { NOTIFICATIONS_PATH, NOTIFICATIONS_READ_PATH, type NotificationJson, type NotificationsPage } from '../../../common/api/notifications.js';
import { api } from './client';

export type { NotificationJson, NotificationsPage };

export type NotificationStream = 'toMe' | 'all';

export function listNotifications(stream: NotificationStream, unreadOnly: boolean, offset: number, limit: number): Promise<NotificationsPage> {
  return api<NotificationsPage>('GET', NOTIFICATIONS_PATH, { query: { stream, unreadOnly: unreadOnly || undefined, offset, limit } });
}

export function markRead(ids: string[]): Promise<unknown> {
  return api('PUT', NOTIFICATIONS_READ_PATH, { body: { ids } });
}

export function markAllRead(): Promise<unknown> {
  return api('PUT', NOTIFICATIONS_READ_PATH, { body: { all: true } });
}

export interface AssignedApp {
  app: string;
  name: string;
  totalCount: string;
}

export async function assignedApps(): Promise<AssignedApp[]> {
  const res = await api<{ apps: AssignedApp[] }>('GET', ASSIGNED_PATH);
  return res.apps;
}

/** A record as kintone answers it: `$id` and each field's `{type, value}`. */
export type AssignedRecord = Record<string, { type: string; value: unknown }>;

export async function assignedRecords(app: string, offset: number, limit: number): Promise<{ app: AssignedApp; records: AssignedRecord[] }> {
  const res = await api<{ apps: AssignedApp[]; records: AssignedRecord[] }>('GET', ASSIGNED_PATH, { query: { app, offset, limit } });
  return { app: res.apps[0]!, records: res.records };
}
