// Administrators' view of outgoing mail: the embedded outbox (or the SMTP queue) and a test send.
import { z } from 'zod';
import { intParam } from './params.js';

export const OUTBOX_PATH = '/v1/mail/outbox.json';
export const OUTBOX_MESSAGE_PATH = '/v1/mail/message.json';
export const TEST_MAIL_PATH = '/v1/mail/test.json';

export const listOutboxInput = z.object({
  offset: intParam(0, 10_000).default(0),
  limit: intParam(1, 100).default(20),
  status: z.enum(['queued', 'sent', 'failed', 'dropped']).optional(),
});

export const outboxMessageInput = z.object({ id: z.string().min(1).max(64) });

export const testMailInput = z.object({
  to: z.email().max(254).optional(),
  text: z.string().max(2000).optional(),
});

export type MailStatus = 'queued' | 'sent' | 'failed' | 'dropped';

/** One message of the outbox list. */
export interface OutboxSummaryJson {
  id: string;
  to: string;
  /** Null until sent: messages are rendered when they leave, not when queued. */
  subject: string | null;
  status: MailStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  template: string;
  lastError: string | null;
}

/** GET /v1/mail/message.json: one message with its rendered bodies. */
export interface OutboxMessageJson extends OutboxSummaryJson {
  locale: 'ja' | 'en';
  messageId: string;
  nextAttemptAt: string;
  text: string | null;
  html: string | null;
}

export interface ListOutboxResponse {
  messages: OutboxSummaryJson[];
  totalCount: string;
}
