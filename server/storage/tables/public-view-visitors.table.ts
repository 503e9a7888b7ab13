import type { DbJson, DbTime } from '../dialect.js';

/** A view's registered visitor (see migrations/0019-public-view-visitors.ts). */
export interface PublicViewVisitorsTable {
  domainId: string;
  viewId: string;
  /** Normalised: trimmed, NFC, lower-case. */
  email: string;
  name: string;
  /** Record<string, string>. */
  attributes: DbJson;
  source: 'manual' | 'csv' | 'app';
  createdAt: DbTime;
  updatedAt: DbTime;
}

/** A code or link sent and not yet used. */
export interface PublicViewSignInsTable {
  idHash: string;
  domainId: string;
  viewId: string;
  email: string;
  kind: 'code' | 'link';
  codeHash: string | null;
  browserHash: string | null;
  attempts: number;
  createdAt: DbTime;
  expiresAt: DbTime;
}
