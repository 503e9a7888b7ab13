// Notifications are kept 70 days, as kintone's; the hourly job (jobs.ts) removes older ones.
// Until it runs they are already out of every list (inbox.ts reads only the last 70 days).
import { deleteNotificationsBefore } from '../../storage/notifications.repo.js';
import type { Services } from '../context.js';
import { oldestKept } from './inbox.js';

/** Deletes notifications past their 70 days, in every domain; returns how many. */
export async function sweepNotifications(services: Pick<Services, 'db' | 'clock'>): Promise<number> {
  return deleteNotificationsBefore(services.db, oldestKept(services.clock()));
}
