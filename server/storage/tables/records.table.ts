import type { DbJson, DbTime } from '../dialect.js';

export interface RecordsTable {
  domainId: string;
  appId: number;
  id: number;
  revision: number;
  /** Field values keyed by internal field id (see migrations/0004-records.ts). */
  data: DbJson;
  creatorId: number;
  createdAt: DbTime;
  modifierId: number;
  updatedAt: DbTime;
}

export interface RecordUniqueValuesTable {
  domainId: string;
  appId: number;
  fieldId: string;
  value: string;
  recordId: number;
}

export interface RecordCursorsTable {
  idHash: string;
  domainId: string;
  appId: number;
  /** `user:12`, `token:…`: only the actor who made a cursor may read it. */
  owner: string;
  /** The query without options; order keys included. */
  query: string;
  fields: DbJson | null;
  size: number;
  maxRecordId: number;
  /** Key of the last record served, when the order is by `$id` alone. */
  lastRecordId: number | null;
  position: number;
  totalCount: number;
  createdAt: DbTime;
  expiresAt: DbTime;
}

/** Text of one field of one record, for the `like` index (SQLite FTS5 / PostgreSQL pg_trgm). */
export interface RecordSearchTable {
  domainId: string;
  appId: number;
  recordId: number;
  fieldId: string;
  content: string;
}
