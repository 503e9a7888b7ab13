// Sends an import as ONE bulkRequest (all or nothing: up to 20 writes of 100 records in one
// transaction) and turns a refusal into the file's lines and messages.
import { ApiError } from '../../../api/client';
import { BulkError, type BulkSubRequest, bulkRequest, importMany } from '../../../api/record-forms';
import type { Place } from '../../../api/place';
import { parseErrorKey } from '../model/field-errors';
import { type ImportPlan, type ImportRow, MAX_BULK_ROWS, PER_REQUEST, chunks, recordsOf } from './csv-records';

export interface RowFailure {
  line: number | null;
  message: string;
}

export class ImportRefused extends Error {
  constructor(
    readonly failures: RowFailure[],
    readonly apiError: ApiError,
  ) {
    super(apiError.message);
    this.name = 'ImportRefused';
  }
}

export function bulkRequestsOf(place: Place, appId: string, rows: ImportRow[], plan: ImportPlan): BulkSubRequest[] {
  const api = place.k('/k/v1/records.json');
  return chunks(recordsOf(rows, plan), PER_REQUEST).map((records) =>
    plan.mode === 'add' ? { method: 'POST', api, payload: { app: appId, records } } : { method: 'PUT', api, payload: { app: appId, upsert: true, records } },
  );
}

/**
 * The lines and messages of a refused write, by kintone's `records[k]…` keys; `offset`: the rows
 * before the write's first record (a bulkRequest's sub-request `i` starts at i × 100).
 */
export function failuresOf(offset: number, error: ApiError, rows: ImportRow[]): RowFailure[] {
  const out: RowFailure[] = [];
  for (const [key, messages] of Object.entries(error.fields)) {
    const path = parseErrorKey(key);
    const row = path?.record !== undefined ? rows[offset + path.record] : undefined;
    for (const message of messages) out.push({ line: row?.line ?? null, message });
  }
  if (out.length === 0) out.push({ line: null, message: error.message });
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Imports every row or none: up to 2,000 records as one bulkRequest, more through our import
 * endpoint (one transaction on the server), reporting the share sent so far.
 */
export async function runImport(place: Place, appId: string, rows: ImportRow[], plan: ImportPlan, onProgress: (fraction: number) => void): Promise<void> {
  try {
    if (rows.length <= MAX_BULK_ROWS) {
      await bulkRequest(place, bulkRequestsOf(place, appId, rows, plan));
      onProgress(1);
    } else await importMany(appId, plan.mode === 'add' ? 'add' : 'upsert', recordsOf(rows, plan), onProgress);
  } catch (err) {
    if (err instanceof BulkError) throw new ImportRefused(failuresOf(err.index * PER_REQUEST, err.error, rows), err.error);
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) throw new ImportRefused(failuresOf(0, err, rows), err);
    throw err;
  }
}
