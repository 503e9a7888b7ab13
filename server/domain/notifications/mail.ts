// A notification's mail, written when the mail worker sends it: as the recipient, with their
// rights at that moment (spec/security.md §2, probe G13). Nothing is sent — the mail is dropped —
// when the notification is gone, the recipient was suspended or deleted or has turned e-mail
// off since, or may no longer see what it is about.
import type { Locale } from '../../../common/access.js';
import type { NotificationContent } from '../../mail/templates/notification.js';
import type { Actor } from '../../policy/actor.js';
import { dialectOf, fromDb } from '../../storage/dialect.js';
import { emailChoice, findNotification } from '../../storage/notifications.repo.js';
import { type Services, readContext } from '../context.js';
import { oldestKept } from './inbox.js';
import { presentNotifications } from './present.js';
import { ReaderView } from './visibility.js';

export interface NotificationMail {
  content: NotificationContent;
  to: string;
  locale: Locale;
}

export async function notificationMail(
  services: Pick<Services, 'db' | 'clock' | 'config'>,
  domainId: string,
  notificationId: number,
): Promise<NotificationMail | null> {
  const { db, clock, config } = services;
  const n = await findNotification(db, domainId, notificationId);
  if (!n || n.createdAt < oldestKept(clock())) return null;
  const user = await db
    .selectFrom('users')
    .select(['id', 'kind', 'code', 'name', 'email', 'locale', 'valid', 'isAdmin'])
    .where('domainId', '=', domainId)
    .where('id', '=', n.recipientId)
    .executeTakeFirst();
  if (!user || !fromDb.bool(user.valid) || !(await emailChoice(db, domainId, n.recipientId))) return null;
  const base = { domainId, userId: Number(user.id), code: user.code, name: user.name, locale: user.locale, via: 'session' as const };
  const actor: Actor = user.kind === 'guest' ? { kind: 'guest', ...base } : { kind: 'user', ...base, isAdmin: fromDb.bool(user.isAdmin) };
  const ctx = readContext(
    { db, clock, config, dialect: dialectOf(db), ids: undefined, onMailQueued: () => {} },
    { actor, locale: user.locale, request: { ip: null, userAgent: null, requestId: null } },
  );
  const view = new ReaderView(ctx);
  const [shown] = await presentNotifications(view, await view.filter([n]), user.locale);
  if (!shown) return null;
  const record = shown.record ? (shown.record.title.endsWith(shown.record.number) ? shown.record.title : `${shown.record.title} (${shown.record.number})`) : null;
  return {
    to: user.email,
    locale: user.locale,
    content: {
      summary: shown.summary,
      appName: shown.app?.name ?? null,
      space: shown.space?.name ?? null,
      thread: shown.thread && shown.thread.name !== shown.space?.name ? shown.thread.name : null,
      record,
      fields: (shown.fields ?? []).map((f) => f.label),
      comment: shown.comment?.text ?? null,
      url: `${config.baseUrl}/`,
    },
  };
}
