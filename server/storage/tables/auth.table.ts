import type { DbTime } from '../dialect.js';

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak does not hand out sessions. */
  idHash: string;
  domainId: string;
  userId: number;
  csrfToken: string;
  state: 'active' | 'pending';
  createdAt: DbTime;
  lastSeenAt: DbTime;
  expiresAt: DbTime;
  ip: string;
  userAgent: string;
}
