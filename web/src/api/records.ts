// Records of an app and what hangs off one: lists, cursors for export, deletion, comments,
// history, process actions, permissions and graph data. Paths and answer types come from
// common/api; every call goes through the page's place.
import { EVALUATE_ACL_PATH, type RecordRightsJson } from '../../../common/api/acl.js';
import type { CommentsPage, Mention } from '../../../common/api/comments.js';
import { ENTITY_PICKER_PATH, type EntityPickerKind, type EntityPickerResponse } from '../../../common/api/entity-picker.js';
import { FILE_PATH } from '../../../common/api/files.js';
import type { HistoryPage } from '../../../common/api/history.js';
import { RECORD_ACTIONS_PATH, type RecordActionsJson } from '../../../common/api/record-actions.js';
import { REPORT_DATA_PATH, type ReportDataJson } from '../../../common/api/reports.js';
import { api, queryString } from './client';
import type { Place } from './place';

/** A field of a record as kintone answers it. */
export interface ApiField {
  type: string;
  value: unknown;
}
export type ApiRecord = Record<string, ApiField>;

export interface RecordsPage {
  records: ApiRecord[];
  totalCount: string | null;
}

export function getRecords(place: Place, app: string, query: string, options: { fields?: string[]; totalCount?: boolean; signal?: AbortSignal } = {}) {
  return api<RecordsPage>('GET', place.k('/k/v1/records.json'), {
    query: { app, query, fields: options.fields, totalCount: options.totalCount ? 'true' : undefined },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export const getRecord = (place: Place, app: string, id: string) => api<{ record: ApiRecord }>('GET', place.k('/k/v1/record.json'), { query: { app, id } }).then((r) => r.record);

export const deleteRecords = (place: Place, app: string, ids: string[]) => api<object>('DELETE', place.k('/k/v1/records.json'), { query: { app, ids } });

export const createCursor = (place: Place, app: string, fields: string[], query: string, size: number) =>
  api<{ id: string; totalCount: string }>('POST', place.k('/k/v1/records/cursor.json'), { body: { app, fields, query, size } });

export const readCursor = (place: Place, id: string, signal?: AbortSignal) =>
  api<{ records: ApiRecord[]; next: boolean }>('GET', place.k('/k/v1/records/cursor.json'), { query: { id }, ...(signal ? { signal } : {}) });

export const deleteCursor = (place: Place, id: string) => api<object>('DELETE', place.k('/k/v1/records/cursor.json'), { query: { id } });

export const evaluateAcl = (place: Place, app: string, ids: string[]) =>
  api<{ rights: RecordRightsJson[] }>('GET', place.k(EVALUATE_ACL_PATH), { query: { app, ids } }).then((r) => r.rights);

/** Where the browser downloads (or shows) an attached file. */
export const fileUrl = (place: Place, fileKey: string) => place.k(FILE_PATH) + queryString({ fileKey });

export const listComments = (place: Place, app: string, record: string, offset: number, limit: number) =>
  api<CommentsPage>('GET', place.k('/k/v1/record/comments.json'), { query: { app, record, order: 'desc', offset, limit } });

export const addComment = (place: Place, app: string, record: string, text: string, mentions: Mention[]) =>
  api<{ id: string }>('POST', place.k('/k/v1/record/comment.json'), { body: { app, record, comment: { text, mentions } } });

export const deleteComment = (place: Place, app: string, record: string, comment: string) =>
  api<object>('DELETE', place.k('/k/v1/record/comment.json'), { query: { app, record, comment } });

export const getHistory = (place: Place, app: string, id: string, offset: number, limit: number) =>
  api<HistoryPage>('GET', place.k('/k/v1/record/history.json'), { query: { app, id, offset, limit } });

export const getRecordActions = (place: Place, app: string, id: string) => api<RecordActionsJson>('GET', place.k(RECORD_ACTIONS_PATH), { query: { app, id } });

export const runAction = (place: Place, app: string, id: string, action: string, assignee: string | undefined, revision: string) =>
  api<{ revision: string }>('PUT', place.k('/k/v1/record/status.json'), { body: { app, id, action, assignee, revision } });

export const getReportData = (place: Place, app: string, report: string, filter: string) =>
  api<ReportDataJson>('GET', place.k(REPORT_DATA_PATH), { query: { app, report, filter: filter || undefined } });

/** People an app's pickers may choose (ours: no guest prefix, the app decides the place). */
export const pickEntities = (app: string, kind: EntityPickerKind, keyword: string) =>
  api<EntityPickerResponse>('GET', ENTITY_PICKER_PATH, { query: { app, kind, keyword, limit: 10 } }).then((r) => r.entities);
