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
