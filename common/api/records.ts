// kintone's record APIs (`/k/v1/record.json`, `/k/v1/records.json`): request schemas.
import { z } from 'zod';
import { revisionParam } from './apps.js';
import { boolParam, listParam, numericId, recordIdParam } from './params.js';

export const MAX_RECORDS_PER_WRITE = 100;

const recordObject = z.record(z.string(), z.unknown());
const updateKey = z.object({ field: z.string().min(1).max(128), value: z.union([z.string().max(65_535), z.number()]) });

export const getRecordInput = z.object({ app: numericId, id: recordIdParam });

export const addRecordInput = z.object({ app: numericId, record: recordObject.optional() });

export const updateRecordInput = z.object({
  app: numericId,
  id: recordIdParam.optional(),
  updateKey: updateKey.optional(),
  record: recordObject.optional(),
  revision: revisionParam,
});

export const getRecordsInput = z.object({
  app: numericId,
  query: z.string().max(100_000).optional(),
  fields: listParam(z.string().max(128), 1000).optional(),
  totalCount: boolParam.optional(),
});

export const addRecordsInput = z.object({
  app: numericId,
  records: z.array(recordObject).max(MAX_RECORDS_PER_WRITE, 'maxRecordsAdd'),
});

export const updateRecordsInput = z.object({
  app: numericId,
  upsert: boolParam.optional(),
  records: z
    .array(z.object({ id: recordIdParam.optional(), updateKey: updateKey.optional(), record: recordObject.optional(), revision: revisionParam }))
    .max(MAX_RECORDS_PER_WRITE, 'maxRecordsUpdate'),
});

export const deleteRecordsInput = z.object({
  app: numericId,
  ids: listParam(recordIdParam, MAX_RECORDS_PER_WRITE).min(1, 'maxRecordsDelete').max(MAX_RECORDS_PER_WRITE, 'maxRecordsDelete'),
  // The client maps missing revisions to null (spec §3.3); null means "do not check".
  revisions: z.array(z.union([z.null(), z.number().int(), z.string().regex(/^-?\d{1,15}$/)]).transform((v) => (v === null ? null : Number(v)))).max(MAX_RECORDS_PER_WRITE).optional(),
});

export const createCursorInput = z.object({
  app: numericId,
  fields: listParam(z.string().max(128), 1000).optional(),
  query: z.string().max(100_000).optional(),
  size: z
    .union([z.number().int(), z.string().regex(/^\d{1,4}$/, 'invalid')])
    .transform(Number)
    .pipe(z.number().int().min(1).max(500))
    .optional(),
});

export const cursorIdInput = z.object({ id: z.string().min(1).max(200) });
