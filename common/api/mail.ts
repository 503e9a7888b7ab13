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
