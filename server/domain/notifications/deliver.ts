// Writing notifications, in the transaction of the change they tell of: one row per recipient
// and event, all in a few multi-row inserts, and a queued mail for each recipient who chose
// e-mail. Nobody hears of their own change. The mail carries only the notification's id: the
// worker writes it when it sends it, from what the recipient may see then (mail.ts).
import type { NotificationKind } from '../../../common/api/notifications.js';
import { enqueueMail } from '../../mail/queue.js';
import { insertNotifications, mailRecipients } from '../../storage/notifications.repo.js';
import type { Ctx } from '../context.js';
import type { Audience } from './recipients.js';

export interface NotificationEvent {
  kind: NotificationKind;
  /** null for a thread's notification (which names spaceId, threadId and threadCommentId). */
  appId: number | null;
  recordId: number | null;
  commentId?: number | null;
  spaceId?: number | null;
  threadId?: number | null;
  threadCommentId?: number | null;
  detail?: Record<string, unknown>;
  audience: Audience;
  /** Overrides the kind for some recipients (a mention among a comment's readers). */
  kindOf?: (userId: number) => NotificationKind;
}

/** Who acted: a user, 0 for an API token (kintone's "Administrator"), null for the system. */
export function senderOf(ctx: Ctx): number | null {
  const a = ctx.actor;
  if (a.kind === 'user' || a.kind === 'guest') return a.userId;
  return a.kind === 'apiToken' ? 0 : null;
}

export async function deliver(ctx: Ctx, events: NotificationEvent[]): Promise<void> {
  const sender = senderOf(ctx);
  const rows = events.flatMap((e) =>
    [...e.audience.users]
      .filter(([userId]) => userId !== sender)
      .map(([recipientId, toMe]) => ({
        recipientId,
        toMe,
        kind: e.kindOf?.(recipientId) ?? e.kind,
        appId: e.appId,
        recordId: e.recordId,
        commentId: e.commentId ?? null,
        spaceId: e.spaceId ?? null,
        threadId: e.threadId ?? null,
        threadCommentId: e.threadCommentId ?? null,
        senderId: sender,
        detail: e.detail ?? {},
        createdAt: ctx.now,
      })),
  );
  if (rows.length === 0) return;
  const ids = await ctx.takeIds('notification', rows.length);
  const stored = rows.map((r, i) => ({ ...r, id: ids[i]! }));
  await insertNotifications(ctx.db, ctx.actor.domainId, stored);
  // Live: each recipient's open pages refetch their inbox; the event names nothing else.
  ctx.events.publish({ kind: 'notification', userIds: [...new Set(rows.map((r) => r.recipientId))] });
  const byMail = new Map((await mailRecipients(ctx.db, ctx.actor.domainId, [...new Set(rows.map((r) => r.recipientId))])).map((u) => [u.id, u]));
  for (const n of stored) {
    const to = byMail.get(n.recipientId);
    if (to) await enqueueMail(ctx, { to: to.email, locale: to.locale, template: 'notification', params: { notificationId: n.id } });
  }
}
