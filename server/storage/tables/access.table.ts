import type { DbJson, DbTime } from '../dialect.js';

/** See migrations/0015-access.ts. */
export interface GuestInvitationsTable {
  domainId: string;
  id: number;
  spaceId: number;
  email: string;
  /** Lower-cased address: one live invitation per address and space. */
  emailKey: string;
  /** SHA-256 of the link's token; null once used or cancelled. */
  tokenHash: string | null;
  message: string;
  /** The language of the invitation mail (the inviter's choice or the domain's). */
  locale: 'ja' | 'en';
  inviterId: number;
  createdAt: DbTime;
  sentAt: DbTime;
  sendCount: number;
  expiresAt: DbTime;
  acceptedAt: DbTime | null;
  acceptedUserId: number | null;
  cancelledAt: DbTime | null;
}

export interface LoginChallengesTable {
  idHash: string;
  domainId: string;
  userId: number;
  kind: 'email' | 'totp';
  codeHash: string | null;
  attempts: number;
  createdAt: DbTime;
  expiresAt: DbTime;
  usedAt: DbTime | null;
}

export interface PasswordResetsTable {
  tokenHash: string;
  domainId: string;
  userId: number;
  createdAt: DbTime;
  expiresAt: DbTime;
  usedAt: DbTime | null;
}

/** See migrations/0016-allow-list-resets.ts. */
export interface AllowListResetsTable {
  tokenHash: string;
  domainId: string;
  userId: number;
  createdAt: DbTime;
  expiresAt: DbTime;
  usedAt: DbTime | null;
}

export interface PasswordHistoryTable {
  domainId: string;
  userId: number;
  passwordHash: string;
  changedAt: DbTime;
}

export interface UserTotpTable {
  domainId: string;
  userId: number;
  secret: string;
  confirmedAt: DbTime | null;
  /** The last time step accepted: a code is never accepted twice. */
  lastStep: number | null;
  recoveryCodes: DbJson;
  createdAt: DbTime;
}

export interface ClientCertificatesTable {
  domainId: string;
  id: string;
  userId: number;
  serial: string;
  fingerprintSha256: string;
  subject: string;
  issuerId: number;
  issuedAt: DbTime;
  expiresAt: DbTime;
  revokedAt: DbTime | null;
}

/** A domain's own certificate authority for client certificates (PEM); the key is never served. */
export interface CertificateAuthoritiesTable {
  domainId: string;
  certificatePem: string;
  privateKeyPem: string;
  createdAt: DbTime;
}
