import type { DbJson, DbTime } from '../dialect.js';

/** One comment on a record (see migrations/0010-record-comments.ts). */
export interface RecordCommentsTable {
  domainId: string;
  appId: number;
  recordId: number;
  /** Numbered per record from 1. */
  id: number;
  /** The text as posted, without the mentioned names kintone shows in front of it. */
  text: string;
  /** `[{type, code}]` in the order posted. */
  mentions: DbJson;
  /** 0 when posted through an API token. */
  creatorId: number;
  createdAt: DbTime;
}

/** The last comment number given out on a record; numbers are never reused. */
export interface RecordCommentCountersTable {
  domainId: string;
  appId: number;
  recordId: number;
  lastId: number;
}
