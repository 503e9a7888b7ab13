// What a queued message becomes when it is sent. Most messages are complete when queued; a
// notification is only a pointer, and its content is written now, from what its recipient may
// see now (server/domain/notifications/mail.ts). null: the message is not to be sent at all.
import type { Services } from '../domain/context.js';
import { notificationMail } from '../domain/notifications/mail.js';
import type { MailLocale } from './templates/index.js';
import { notificationParams } from './templates/notification.js';

export interface Prepared {
  params: unknown;
  to: string;
  locale: MailLocale;
}

export async function prepareQueued(
  row: { domainId: string; template: string; params: unknown; recipient: string; locale: MailLocale },
  services: Pick<Services, 'db' | 'clock' | 'config'>,
): Promise<Prepared | null> {
  if (row.template !== 'notification') return { params: row.params, to: row.recipient, locale: row.locale };
  const stored = notificationParams.safeParse(row.params);
  // Unreadable params: the renderer will say so, and the message fails rather than drops.
  if (!stored.success) return { params: row.params, to: row.recipient, locale: row.locale };
  const mail = await notificationMail(services, row.domainId, stored.data.notificationId);
  if (!mail) return null;
  return { params: { notificationId: stored.data.notificationId, content: mail.content }, to: mail.to, locale: mail.locale };
}
