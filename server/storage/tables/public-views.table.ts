import type { DbBool, DbJson, DbTime } from '../dialect.js';

/** A public view (see migrations/0018-public-views.ts). */
export interface PublicViewsTable {
  domainId: string;
  id: string;
  appId: number;
  kind: string;
  title: string;
  description: string;
  /** The kind's settings (common/api/public-views.ts), checked by its schema when read. */
  settings: DbJson;
  published: DbBool;
  /** SHA-256 of the URL token. */
  urlTokenHash: string;
  /** Signs attachment URLs; replaced with the token. */
  signingKey: string;
  passwordHash: string | null;
  /** string[]: addresses and CIDR ranges; empty: anywhere. */
  ipAllow: DbJson;
  /** E-mail sign-in: null (off), 'registered' or 'anyone' (migration 0019). */
  emailAuth: string | null;
  /** string[]: https origins that may frame the visitor page; null: none (migration 0020). */
  frameAncestors: DbJson | null;
  /** The day administrators were last told the view was busy (migration 0020). */
  busyMailedOn: string | null;
  configVersion: number;
  creatorId: number;
  createdAt: DbTime;
  updatedAt: DbTime;
}

/** A visitor who unlocked a view: the SHA-256 of its cookie's secret. */
export interface PublicViewSessionsTable {
  idHash: string;
  domainId: string;
  viewId: string;
  kind: 'password' | 'email';
  email: string | null;
  createdAt: DbTime;
  expiresAt: DbTime;
  /** E-mail sessions: the last request, for the idle limit (migration 0019). */
  lastSeenAt: DbTime | null;
}

/** A view's scheduled visitor sync (migration 0020). */
export interface PublicViewVisitorSyncsTable {
  domainId: string;
  viewId: string;
  appId: number;
  emailField: string;
  nameField: string | null;
  /** Record<string, string>: attribute key → field code. */
  attributes: DbJson;
  /** The manager the sync reads as. */
  managerId: number;
  every: 'hourly' | 'daily';
  nextRunAt: DbTime;
  lastRunAt: DbTime | null;
  /** { added, updated, removed, skipped } of the last run that succeeded. */
  lastResult: DbJson | null;
  lastError: string | null;
  updatedAt: DbTime;
}
