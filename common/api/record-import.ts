// /v1/records/import.json (ours): a file import too large for one bulkRequest (20 × 100 records),
// written in ONE transaction — every record or none, as kintone's own file import promises.
import { z } from 'zod';
import { numericId, recordIdParam } from './params.js';

export const RECORD_IMPORT_PATH = '/v1/records/import.json';

/** Records in one import; the request body limit (BODY_LIMIT_MB) bounds it as well. */
export const MAX_IMPORT_RECORDS = 10_000;

const recordObject = z.record(z.string(), z.unknown());

const updateItem = z.object({
  id: recordIdParam.optional(),
  updateKey: z.object({ field: z.string().min(1).max(128), value: z.union([z.string().max(65_535), z.number()]) }).optional(),
  record: recordObject.optional(),
});

/** `add`: new records (POST records.json's items); `upsert`: PUT records.json's items with `upsert`. */
export const recordImportInput = z.discriminatedUnion('mode', [
  z.object({ app: numericId, mode: z.literal('add'), records: z.array(recordObject).min(1).max(MAX_IMPORT_RECORDS) }),
  z.object({ app: numericId, mode: z.literal('upsert'), records: z.array(updateItem).min(1).max(MAX_IMPORT_RECORDS) }),
]);
export type RecordImportInput = z.output<typeof recordImportInput>;

export interface RecordImportResponse {
  /** How many records the import added and updated. */
  added: string;
  updated: string;
}
