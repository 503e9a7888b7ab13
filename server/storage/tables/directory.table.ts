import type { DbBool, DbTime } from '../dialect.js';

export interface UsersTable {
  domainId: string;
  id: number;
  kind: 'user' | 'guest';
  code: string;
  /** Lower-cased login name: login names are unique regardless of case. */
  codeKey: string;
  name: string;
  email: string;
  passwordHash: string;
  locale: 'ja' | 'en';
  timezone: string;
  valid: DbBool;
  isAdmin: DbBool;
  description: string;
  phone: string;
  primaryOrganizationId: number | null;
  sortOrder: number | null;
  failedLogins: number;
  lockedUntil: DbTime | null;
  lastLoginAt: DbTime | null;
  passwordChangedAt: DbTime;
  createdAt: DbTime;
  updatedAt: DbTime;
}

export interface GroupsTable {
  domainId: string;
  id: number;
  code: string;
  codeKey: string;
  name: string;
  description: string;
  createdAt: DbTime;
  updatedAt: DbTime;
}

export interface GroupUsersTable {
  domainId: string;
  groupId: number;
  userId: number;
}

export interface OrganizationsTable {
  domainId: string;
  id: number;
  code: string;
  codeKey: string;
  name: string;
  description: string;
  parentId: number | null;
  sortOrder: number | null;
  createdAt: DbTime;
  updatedAt: DbTime;
}

export interface UserOrganizationsTable {
  domainId: string;
  userId: number;
  organizationId: number;
}
