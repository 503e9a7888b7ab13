// Mail is queued in the caller's transaction, so a change that rolls back sends nothing, and a
// committed one always leaves a row the worker will deliver (or report as failed).
import { newId } from '../../common/ids.js';
import { AppError } from '../domain/app-error.js';
import type { Ctx } from '../domain/context.js';
import { toDb } from '../storage/dialect.js';
import { isPlainAddress } from './address.js';
import { type MailLocale, type ParamsOf, TEMPLATES, type TemplateName } from './templates/index.js';

export interface MailRequest<K extends TemplateName> {
  to: string;
  locale: MailLocale;
  template: K;
  params: ParamsOf<K>;
}

export interface QueuedMail {
  id: string;
  messageId: string;
}

export async function enqueueMail<K extends TemplateName>(ctx: Ctx, msg: MailRequest<K>): Promise<QueuedMail> {
  if (!isPlainAddress(msg.to)) throw AppError.invalid({ to: 'email' });
  // Parsed now as well as at send time: a bad call fails where the bug is, not minutes later
  // in the worker.
  const params = TEMPLATES[msg.template].params.parse(msg.params);
  const id = newId('mail');
  // Fixed at enqueue so a resend after a crash carries the same Message-ID and receivers can
  // drop the duplicate.
  const messageId = `<${id}@engawa>`;
  await ctx.db
    .insertInto('mailOutbox')
    .values({
      id,
      domainId: ctx.actor.domainId,
      recipient: msg.to,
      locale: msg.locale,
      template: msg.template,
      params: toDb.json(params),
      status: 'queued',
      attempts: 0,
      nextAttemptAt: toDb.time(ctx.now),
      lockedUntil: null,
      lastError: null,
      subject: null,
      textBody: null,
      htmlBody: null,
      messageId,
      createdAt: toDb.time(ctx.now),
      sentAt: null,
    })
    .execute();
  ctx.afterCommit(ctx.wake.mail);
  return { id, messageId };
}
