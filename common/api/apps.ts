// kintone's app APIs (`/k/v1/app*.json`, live and `/preview/`): request schemas shared by the
// server, the web client and the tests.
import { z } from 'zod';
import { boolParam, intParam, listParam, numericId } from './params.js';

/** kintone's list of the apps the caller may see. */
export const APPS_PATH = '/k/v1/apps.json';

export const MAX_APPS_PER_DEPLOY = 300;

/** kintone revisions: absent or -1 means "do not check". */
export const revisionParam = z
  .union([z.number().int(), z.string().regex(/^-?\d{1,15}$/, 'invalid')])
  .transform((v) => Number(v))
  .optional();

export const appCode = z.string().regex(/^([A-Za-z][A-Za-z0-9_]{0,63})?$/, 'appCode');

export const createAppInput = z.object({
  name: z.string().trim().min(1).max(64),
  space: numericId.optional(),
  thread: numericId.optional(),
});

export const getAppInput = z.object({ id: numericId });

/** app/move: `space` null (or absent) takes the app out of every space. */
export const moveAppInput = z.object({ app: numericId, space: numericId.nullable().optional() });

export const listAppsInput = z.object({
  ids: listParam(numericId, 100).optional(),
  codes: listParam(z.string().max(64), 100).optional(),
  name: z.string().max(64).optional(),
  spaceIds: listParam(numericId, 100).optional(),
  offset: intParam(0, 1_000_000).default(0),
  limit: intParam(1, 100).default(100),
});

export const appParam = z.object({ app: numericId, lang: z.enum(['ja', 'en', 'zh', 'user', 'default']).optional() });

const precision = z.object({
  digits: intParam(1, 30).transform(String).optional(),
  decimalPlaces: intParam(0, 10).transform(String).optional(),
  roundingMode: z.enum(['HALF_EVEN', 'UP', 'DOWN']).optional(),
});

export const updateSettingsInput = z.object({
  app: numericId,
  revision: revisionParam,
  code: appCode.optional(),
  name: z.string().trim().min(1).max(64).optional(),
  description: z.string().max(10_000).optional(),
  icon: z
    .union([
      z.object({ type: z.literal('PRESET'), key: z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'invalid') }),
      z.object({ type: z.literal('FILE'), file: z.object({ fileKey: z.string().min(1).max(128) }) }),
    ])
    .optional(),
  theme: z.enum(['WHITE', 'CLIPBOARD', 'BINDER', 'PENCIL', 'CLIPS', 'RED', 'BLUE', 'GREEN', 'YELLOW', 'BLACK']).optional(),
  titleField: z.object({ selectionMode: z.enum(['AUTO', 'MANUAL']), code: z.string().max(128).optional() }).optional(),
  enableThumbnails: boolParam.optional(),
  enableBulkDeletion: boolParam.optional(),
  enableComments: boolParam.optional(),
  enableDuplicateRecord: boolParam.optional(),
  enableInlineRecordEditing: boolParam.optional(),
  enableHistory: boolParam.optional(),
  numberPrecision: precision.optional(),
  firstMonthOfFiscalYear: intParam(1, 12).transform(String).optional(),
});
export type UpdateSettingsInput = z.output<typeof updateSettingsInput>;

export const fieldsInput = z.object({
  app: numericId,
  properties: z.record(z.string(), z.unknown()),
  revision: revisionParam,
});

export const deleteFieldsInput = z.object({
  app: numericId,
  fields: listParam(z.string().min(1).max(128), 100).min(1),
  revision: revisionParam,
});

export const layoutInput = z.object({ app: numericId, layout: z.array(z.unknown()).max(1000), revision: revisionParam });

export const viewsInput = z.object({ app: numericId, views: z.record(z.string(), z.unknown()), revision: revisionParam });

export const deployInput = z.object({
  apps: z
    .array(z.object({ app: numericId, revision: revisionParam }))
    .min(1)
    .max(MAX_APPS_PER_DEPLOY),
  revert: boolParam.optional(),
});

export const deployStatusInput = z.object({ apps: listParam(numericId, MAX_APPS_PER_DEPLOY).min(1) });

export interface AppJson {
  appId: string;
  code: string;
  name: string;
  description: string;
  spaceId: string | null;
  threadId: string | null;
  createdAt: string;
  creator: { code: string; name: string };
  modifiedAt: string;
  modifier: { code: string; name: string };
}
