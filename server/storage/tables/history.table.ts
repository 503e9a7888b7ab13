import type { DbJson, DbTime } from '../dialect.js';

/** One version of a record (see migrations/0012-record-history.ts). */
export interface RecordVersionsTable {
  domainId: string;
  appId: number;
  recordId: number;
  revision: number;
  /** 'ADD' | 'EDIT' | 'STATUS' | 'REVERT'. */
  kind: string;
  /** The record's values after this revision, keyed by internal field id. */
  data: DbJson;
  /** Internal ids of the top-level fields this version changed; null: not known. */
  changed: DbJson | null;
  /** 0 when written through an API token. */
  modifierId: number;
  modifiedAt: DbTime;
}
