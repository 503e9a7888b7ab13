import type { Generated } from 'kysely';
import type { DbBool, DbJson, DbTime } from '../dialect.js';

export interface DomainsTable {
  id: string;
  name: string;
  isDefault: DbBool;
  settings: DbJson;
  createdAt: DbTime;
  /** Moves whenever a user, department or group is added, removed, renamed or recoded (triggers). */
  directoryVersion: Generated<number>;
}

export interface DomainHostsTable {
  host: string;
  domainId: string;
}

/** Per-domain counters for kintone's numeric ids (two domains may both have user 1). */
export interface SequencesTable {
  domainId: string;
  name: string;
  value: number;
}

export interface SetupTokensTable {
  domainId: string;
  tokenHash: string;
  createdAt: DbTime;
}
