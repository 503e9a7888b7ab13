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
