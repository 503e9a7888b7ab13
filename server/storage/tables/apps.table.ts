import type { DbBool, DbJson, DbTime } from '../dialect.js';

export interface AppsTable {
  domainId: string;
  id: number;
  /** App code ('' when unset): prefixes record numbers, unique per domain when set. */
  code: string;
  name: string;
  description: string;
  spaceId: number | null;
  threadId: number | null;
  creatorId: number;
  createdAt: DbTime;
  modifierId: number;
  modifiedAt: DbTime;
  /** False until the first deploy: an app only created in preview has no live form. */
  deployed: DbBool;
}

export interface AppDefinitionsTable {
  domainId: string;
  appId: number;
  stage: 'preview' | 'live';
  revision: number;
  definition: DbJson;
  updatedAt: DbTime;
}

export type DeployStatus = 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CANCEL';

export interface AppDeploysTable {
  domainId: string;
  appId: number;
  status: DeployStatus;
  requestedAt: DbTime;
  finishedAt: DbTime | null;
}

/** Flags of an API token, as app settings show them. */
export interface ApiTokenRights {
  view: boolean;
  add: boolean;
  edit: boolean;
  delete: boolean;
  manage: boolean;
}

export interface ApiTokensTable {
  tokenHash: string;
  domainId: string;
  appId: number;
  id: string;
  hint: string;
  rights: DbJson | null;
  liveRights: DbJson | null;
  createdBy: number;
  createdAt: DbTime;
}
