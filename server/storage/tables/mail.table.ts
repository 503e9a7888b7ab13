import type { DbJson, DbTime } from '../dialect.js';

export type MailStatus = 'queued' | 'sent' | 'failed' | 'dropped';

export interface MailOutboxTable {
  id: string;
  domainId: string;
  recipient: string;
  locale: 'ja' | 'en';
  template: string;
  params: DbJson;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: DbTime;
  /** Set while a worker holds the message; a crashed worker's claim lapses and another retries. */
  lockedUntil: DbTime | null;
  lastError: string | null;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
  messageId: string;
  createdAt: DbTime;
  sentAt: DbTime | null;
}
