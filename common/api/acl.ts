// kintone's permission settings (`app/acl.json`, `record/acl.json`, `field/acl.json`, live and
// preview) and the effective-rights call (`records/acl/evaluate.json`): request schemas and the
// shapes they answer, shared by the server, the web client and the tests.
import { z } from 'zod';
import { revisionParam } from './apps.js';
import { boolParam, listParam, numericId, recordIdParam } from './params.js';

/** kintone's built-in group that every user belongs to; always the last row that can match. */
export const EVERYONE = 'everyone';

export const MAX_APP_ACL_ROWS = 100;
export const MAX_RECORD_ACL_RIGHTS = 100;
export const MAX_ENTITIES_PER_RIGHT = 100;
export const MAX_EVALUATE_IDS = 100;

const entityCode = z.string().min(1).max(128);

export const aclEntity = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['USER', 'GROUP', 'ORGANIZATION']), code: entityCode }),
  z.object({ type: z.literal('CREATOR'), code: z.null().optional().transform(() => null) }),
]);
export type AclEntity = { type: 'USER' | 'GROUP' | 'ORGANIZATION'; code: string } | { type: 'CREATOR'; code: null };

/** Record and field permissions also name a user, department or group field of the record. */
export const recordAclEntity = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY']), code: entityCode }),
]);
export type RecordAclEntity = { type: 'USER' | 'GROUP' | 'ORGANIZATION' | 'FIELD_ENTITY'; code: string };

const flag = boolParam.optional().default(false);

export const appAclRight = z.object({
  entity: aclEntity,
  includeSubs: flag,
  appEditable: flag,
  recordViewable: flag,
  recordAddable: flag,
  recordEditable: flag,
  recordDeletable: flag,
  recordImportable: flag,
  recordExportable: flag,
});
export type AppAclRight = z.output<typeof appAclRight>;

export const putAppAclInput = z.object({
  app: numericId,
  rights: listParam(appAclRight, MAX_APP_ACL_ROWS),
  revision: revisionParam,
});

export const recordAclRight = z.object({
  filterCond: z.string().max(10_000).optional().default(''),
  entities: listParam(
    z.object({ entity: recordAclEntity, viewable: flag, editable: flag, deletable: flag, includeSubs: flag }),
    MAX_ENTITIES_PER_RIGHT,
  ),
});
export type RecordAclRight = z.output<typeof recordAclRight>;

export const putRecordAclInput = z.object({
  app: numericId,
  rights: listParam(recordAclRight, MAX_RECORD_ACL_RIGHTS),
  revision: revisionParam,
});

export const fieldAclRight = z.object({
  code: z.string().min(1).max(128),
  entities: listParam(
    z.object({ accessibility: z.enum(['READ', 'WRITE', 'NONE']), entity: recordAclEntity, includeSubs: flag }),
    MAX_ENTITIES_PER_RIGHT,
  ),
});
export type FieldAclRight = z.output<typeof fieldAclRight>;

export const putFieldAclInput = z.object({
  app: numericId,
  rights: listParam(fieldAclRight, 500),
  revision: revisionParam,
});

export const evaluateAclInput = z.object({
  app: numericId,
  ids: listParam(recordIdParam, MAX_EVALUATE_IDS).min(1),
});

/** The seven rights of kintone's app permission table. */
export interface AppRights {
  view: boolean;
  add: boolean;
  edit: boolean;
  delete: boolean;
  manage: boolean;
  import: boolean;
  export: boolean;
}

export const NO_RIGHTS: AppRights = Object.freeze({ view: false, add: false, edit: false, delete: false, manage: false, import: false, export: false });

export const EVALUATE_ACL_PATH = '/k/v1/records/acl/evaluate.json';

/** One record of `records/acl/evaluate.json`'s answer; fields the caller cannot see are not listed. */
export interface RecordRightsJson {
  id: string;
  record: { viewable: boolean; editable: boolean; deletable: boolean };
  fields: Record<string, { viewable: boolean; editable: boolean }>;
}
