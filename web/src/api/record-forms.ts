// Calls of the record forms (add, edit, duplicate, CSV import): the app's live form, one record
// and its rights, record writes, uploads with progress, the people picker, lookup searches and
// bulkRequest. Every kintone path goes through the page's place (guest spaces: `/k/guest/<id>/v1`).
// common/api/records.ts has the request schemas but no path constants; kintone's paths are fixed.
import type { RecordRightsJson } from '../../../common/api/acl.js';
import type { AppJson } from '../../../common/api/apps.js';
import { BULK_PATH } from '../../../common/api/bulk.js';
import { ENTITY_PICKER_PATH, type EntityPickerKind, type EntityPickerResponse, type PickableEntityJson } from '../../../common/api/entity-picker.js';
import { FILE_PART, FILE_PATH, type UploadFileResponse } from '../../../common/api/files.js';
import { RECORD_IMPORT_PATH, type RecordImportResponse } from '../../../common/api/record-import.js';
import type { ErrorBody } from '../../../common/errors.js';
import type { ApiField, LayoutRow, Property } from '../../../common/fields/index.js';
import { ApiError, NETWORK_ERROR, UNEXPECTED_ANSWER, api, requestHeaders } from './client';
import type { Place } from './place';

export type ApiRecord = Record<string, ApiField>;

export interface FormDefinition {
  app: AppJson;
  properties: Record<string, Property>;
  layout: LayoutRow[];
}

export async function getFormDefinition(place: Place, appId: string): Promise<FormDefinition> {
  const [app, fields, layout] = await Promise.all([
    api<AppJson>('GET', place.k('/k/v1/app.json'), { query: { id: appId } }),
    api<{ properties: Record<string, Property> }>('GET', place.k('/k/v1/app/form/fields.json'), { query: { app: appId } }),
    api<{ layout: LayoutRow[] }>('GET', place.k('/k/v1/app/form/layout.json'), { query: { app: appId } }),
  ]);
  return { app, properties: fields.properties, layout: layout.layout };
}

export async function getFields(place: Place, appId: string): Promise<Record<string, Property>> {
  return (await api<{ properties: Record<string, Property> }>('GET', place.k('/k/v1/app/form/fields.json'), { query: { app: appId } })).properties;
}

export async function getRecord(place: Place, appId: string, id: string): Promise<ApiRecord> {
  return (await api<{ record: ApiRecord }>('GET', place.k('/k/v1/record.json'), { query: { app: appId, id } })).record;
}

/** What the reader may do with one record; a field absent from `fields` is hidden from them. */
export async function evaluateRights(place: Place, appId: string, id: string): Promise<RecordRightsJson> {
  const { rights } = await api<{ rights: RecordRightsJson[] }>('GET', place.k('/k/v1/records/acl/evaluate.json'), { query: { app: appId, ids: [id] } });
  if (!rights[0]) throw new ApiError(404, { code: UNEXPECTED_ANSWER, id: '', message: '' });
  return rights[0];
}

export type RecordPayload = Record<string, { value: unknown }>;

export function addRecord(place: Place, appId: string, record: RecordPayload): Promise<{ id: string; revision: string }> {
  return api('POST', place.k('/k/v1/record.json'), { body: { app: appId, record } });
}

export function updateRecord(place: Place, appId: string, id: string, record: RecordPayload, revision: string): Promise<{ revision: string }> {
  return api('PUT', place.k('/k/v1/record.json'), { body: { app: appId, id, record, revision } });
}

/** Records of an app, e.g. a lookup's source; `fields` narrows the answer. */
export async function findRecords(place: Place, appId: string, query: string, fields?: string[]): Promise<ApiRecord[]> {
  return (await api<{ records: ApiRecord[] }>('GET', place.k('/k/v1/records.json'), { query: { app: appId, query, ...(fields ? { fields } : {}) } })).records;
}

export async function pickEntities(appId: string, kind: EntityPickerKind, keyword: string, signal?: AbortSignal): Promise<PickableEntityJson[]> {
  const res = await api<EntityPickerResponse>('GET', ENTITY_PICKER_PATH, { query: { app: appId, kind, keyword: keyword || undefined, limit: 20 }, ...(signal ? { signal } : {}) });
  return res.entities;
}

/**
 * A POST whose upload progress is shown (fetch cannot report it): the same headers as `api()`,
 * and failures become the same ApiError.
 */
function postWithProgress<T>(url: string, body: FormData | string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value);
    if (typeof body === 'string') xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && json && typeof json === 'object') {
        onProgress(1);
        resolve(json as T);
        return;
      }
      const error = json as Partial<ErrorBody> | undefined;
      const valid = error && typeof error.code === 'string' && typeof error.message === 'string';
      reject(new ApiError(xhr.status, valid ? (error as ErrorBody) : { code: UNEXPECTED_ANSWER, id: '', message: '' }, json));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: NETWORK_ERROR, id: '', message: '' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** POST file.json (multipart) with its progress; answers the upload key. */
export async function uploadFile(place: Place, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<string> {
  const form = new FormData();
  form.append(FILE_PART, file, file.name);
  const res = await postWithProgress<UploadFileResponse>(place.k(FILE_PATH), form, onProgress, signal);
  if (typeof res.fileKey !== 'string') throw new ApiError(200, { code: UNEXPECTED_ANSWER, id: '', message: '' });
  return res.fileKey;
}

/**
 * An import larger than one bulkRequest, in one transaction on the server (POST
 * /v1/records/import.json, ours): every record or none. `onProgress`: the share sent so far.
 */
export function importMany(
  appId: string,
  mode: 'add' | 'upsert',
  records: Array<Record<string, unknown>>,
  onProgress: (fraction: number) => void,
): Promise<RecordImportResponse> {
  return postWithProgress<RecordImportResponse>(RECORD_IMPORT_PATH, JSON.stringify({ app: appId, mode, records }), onProgress);
}

export interface BulkSubRequest {
  method: 'POST' | 'PUT';
  api: string;
  payload: Record<string, unknown>;
}

/** A bulkRequest that failed: nothing was kept; `index` is the sub-request that failed. */
export class BulkError extends Error {
  constructor(
    readonly index: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'BulkError';
  }
}

/** Runs up to 20 record writes in one transaction: all are kept, or none. */
export async function bulkRequest(place: Place, requests: BulkSubRequest[]): Promise<unknown[]> {
  try {
    return (await api<{ results: unknown[] }>('POST', place.k(BULK_PATH), { body: { requests } })).results;
  } catch (err) {
    const results = err instanceof ApiError && err.body && typeof err.body === 'object' ? (err.body as { results?: unknown }).results : undefined;
    if (err instanceof ApiError && Array.isArray(results)) {
      const index = results.findIndex((r) => r && typeof r === 'object' && typeof (r as ErrorBody).code === 'string');
      if (index >= 0) throw new BulkError(index, new ApiError(err.status, results[index] as ErrorBody));
    }
    throw err;
  }
}

/** `/k/v1/records.json` as a bulkRequest sub-request must name it in this place. */
export function bulkApiPath(place: Place, path: '/k/v1/records.json' | '/k/v1/record.json'): string {
  return place.k(path);
}
