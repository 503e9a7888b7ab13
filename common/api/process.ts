// kintone's process management: the settings (`app/status.json`, live and preview), the status
// actions (`record/status.json`, `records/status.json`), the assignee change
// (`record/assignees.json`) and our "assigned to me" list. Request schemas and answer shapes.
import { z } from 'zod';
import { MAX_RECORDS_PER_WRITE } from './records.js';
import { revisionParam } from './apps.js';
import { boolParam, intParam, listParam, numericId, recordIdParam } from './params.js';

export const MAX_STATE_NAME = 64;
/** Our limits where kintone documents none. */
export const MAX_STATES = 100;
export const MAX_ACTIONS = 300;
export const MAX_ACTION_NAME = 128;
export const MAX_PROCESS_ENTITIES = 100;
export const MAX_ASSIGNEES = 100;

export const ASSIGNEE_TYPES = ['ONE', 'ALL', 'ANY'] as const;
export type AssigneeType = (typeof ASSIGNEE_TYPES)[number];

export const PROCESS_ENTITY_TYPES = ['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY', 'CREATOR', 'CUSTOM_FIELD'] as const;
export type ProcessEntityType = (typeof PROCESS_ENTITY_TYPES)[number];

/** One entry of an assignee or executable-user list, as stored and as answered. */
export interface ProcessEntity {
  entity: { type: ProcessEntityType; code: string | null };
  includeSubs: boolean;
}

const processEntity = (types: readonly [ProcessEntityType, ...ProcessEntityType[]]) =>
  z.object({
    entity: z.object({ type: z.enum(types), code: z.string().max(128).nullable().optional() }),
    includeSubs: boolParam.optional(),
  });

// Lengths of names are checked with the rest of the settings, so that every problem is named.
const stateInput = z.object({
  name: z.string().max(1000).optional(),
  index: intParam(0, 1_000_000),
  assignee: z
    .object({
      type: z.enum(ASSIGNEE_TYPES),
      entities: listParam(processEntity(PROCESS_ENTITY_TYPES), MAX_PROCESS_ENTITIES),
    })
    .optional(),
});
export type StateInput = z.output<typeof stateInput>;

const actionInput = z.object({
  name: z.string().min(1).max(MAX_ACTION_NAME),
  from: z.string().min(1).max(1000),
  to: z.string().min(1).max(1000),
  filterCond: z.string().max(10_000).optional(),
  type: z.enum(['PRIMARY', 'SECONDARY']).optional(),
  executableUser: z
    .object({ entities: listParam(processEntity(['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY']), MAX_PROCESS_ENTITIES) })
    .optional(),
});
export type ActionInput = z.output<typeof actionInput>;

export const getProcessInput = z.object({ app: numericId, lang: z.enum(['ja', 'en', 'zh', 'user', 'default']).optional() });

export const putProcessInput = z.object({
  app: numericId,
  enable: boolParam.optional(),
  states: z.record(z.string(), stateInput).optional(),
  actions: listParam(actionInput, MAX_ACTIONS).optional(),
  revision: revisionParam,
});
export type PutProcessInput = z.output<typeof putProcessInput>;

/** The old SDK sends `assignee: ""` for "none"; null and "" both mean no assignee. */
const assigneeParam = z
  .string()
  .max(128)
  .nullable()
  .optional()
  .transform((v) => (v ? v : undefined));

const statusItem = {
  id: recordIdParam,
  action: z.string().min(1).max(1000),
  assignee: assigneeParam,
  revision: revisionParam,
};

export const updateStatusInput = z.object({ app: numericId, ...statusItem });

export const updateStatusesInput = z.object({
  app: numericId,
  records: z.array(z.object(statusItem)).min(1).max(MAX_RECORDS_PER_WRITE, 'maxRecordsUpdate'),
});

export const updateAssigneesInput = z.object({
  app: numericId,
  id: recordIdParam,
  assignees: listParam(z.string().min(1).max(128), MAX_ASSIGNEES),
  revision: revisionParam,
});

export const ASSIGNED_PATH = '/v1/records/assigned.json';

export const assignedInput = z.object({
  app: numericId.optional(),
  offset: intParam(0, 10_000).optional(),
  limit: intParam(1, 500).optional(),
});

export interface ProcessStateOut {
  name: string;
  index: string;
  assignee: { type: AssigneeType; entities: ProcessEntity[] };
}

export interface ProcessActionOut {
  name: string;
  from: string;
  to: string;
  filterCond: string;
  type: 'PRIMARY' | 'SECONDARY';
  executableUser?: { entities: ProcessEntity[] };
}

export interface ProcessSettingsOut {
  enable: boolean;
  states: Record<string, ProcessStateOut> | null;
  actions: ProcessActionOut[] | null;
  revision: string;
}
