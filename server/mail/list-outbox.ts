// The outbox as administrators see it. Every query takes the caller's Scope, so a list can
// never show another domain's mail, and a scope without outbox.read shows nothing at all.
import type { Selectable } from 'kysely';
import type { OutboxMessageJson, OutboxSummaryJson } from '../../common/api/mail.js';
import type { Ctx } from '../domain/context.js';
import type { Scope } from '../policy/scope.js';
import { fromDb } from '../storage/dialect.js';
import type { MailOutboxTable, MailStatus } from '../storage/tables/mail.table.js';

/** The shapes administrators read, shared with the web app (common/api/mail.ts). */
export type OutboxSummary = OutboxSummaryJson;
export type OutboxMessage = OutboxMessageJson;

export interface ListOutboxOptions {
  offset: number;
  limit: number;
  status?: MailStatus;
}

export async function listOutbox(
  ctx: Ctx,
  scope: Scope<'outbox'>,
  options: ListOutboxOptions,
): Promise<{ messages: OutboxSummary[]; totalCount: number }> {
  if (!scope.all) return { messages: [], totalCount: 0 };
  let base = ctx.db.selectFrom('mailOutbox').where('domainId', '=', scope.domainId);
  if (options.status) base = base.where('status', '=', options.status);
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'recipient', 'subject', 'status', 'attempts', 'createdAt', 'sentAt', 'template', 'lastError'])
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .offset(options.offset)
      .limit(options.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { messages: rows.map(toSummary), totalCount: fromDb.count(count.n) };
}

/** One message with its rendered bodies; null when it does not exist or is out of scope. */
export async function getOutboxMessage(ctx: Ctx, scope: Scope<'outbox'>, id: string): Promise<OutboxMessage | null> {
  if (!scope.all) return null;
  const row = await ctx.db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('domainId', '=', scope.domainId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...toSummary(row),
    locale: row.locale,
    messageId: row.messageId,
    nextAttemptAt: fromDb.time(row.nextAttemptAt).toISOString(),
    text: row.textBody,
    html: row.htmlBody,
  };
}

type SummaryRow = Pick<
  Selectable<MailOutboxTable>,
  'id' | 'recipient' | 'subject' | 'status' | 'attempts' | 'createdAt' | 'sentAt' | 'template' | 'lastError'
>;

function toSummary(r: SummaryRow): OutboxSummary {
  return {
    id: r.id,
    to: r.recipient,
    subject: r.subject,
    status: r.status,
    attempts: Number(r.attempts),
    createdAt: fromDb.time(r.createdAt).toISOString(),
    sentAt: fromDb.timeOrNull(r.sentAt)?.toISOString() ?? null,
    template: r.template,
    lastError: r.lastError,
  };
}
