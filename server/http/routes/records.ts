// Records: one (`record.json`) and many (`records.json`). Object-level access is decided in the
// use cases (the app must be readable, the record inside its scope).
import {
  addRecordInput,
  createCursorInput,
  cursorIdInput,
  addRecordsInput,
  deleteRecordsInput,
  getRecordInput,
  getRecordsInput,
  updateRecordInput,
  updateRecordsInput,
} from '../../../common/api/records.js';
import { addRecords } from '../../domain/records/add-records.js';
import { createCursor, deleteCursor, readCursor } from '../../domain/records/cursors.js';
import { deleteRecords } from '../../domain/records/delete-records.js';
import { getRecord } from '../../domain/records/get-record.js';
import { listRecords } from '../../domain/records/list-records.js';
import { updateRecords } from '../../domain/records/update-records.js';
import { jsonArray, jsonObject } from '../json-text.js';
import { defineRoute } from '../route.js';

export const recordRoutes = [
  defineRoute({
    method: 'GET',
    url: '/k/v1/record.json',
    access: 'app.read',
    input: getRecordInput,
    handler: async ({ input, read }) => jsonObject({ record: await getRecord(read(), input.app, input.id) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/record.json',
    access: 'app.read',
    input: addRecordInput,
    handler: async ({ input, command }) => {
      const [r] = await command((ctx) => addRecords(ctx, input.app, [input.record ?? {}], () => 'record'));
      return { id: String(r!.id), revision: String(r!.revision) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/record.json',
    access: 'app.read',
    input: updateRecordInput,
    handler: async ({ input, command }) => {
      const { app, ...item } = input;
      const [r] = await command((ctx) => updateRecords(ctx, app, [item], { upsert: false, prefix: () => 'record' }));
      return { revision: String(r!.revision) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/k/v1/records.json',
    access: 'app.read',
    input: getRecordsInput,
    handler: async ({ input, read, reply }) => {
      const result = await listRecords(read(), input.app, { query: input.query ?? '', fields: input.fields, totalCount: input.totalCount ?? false });
      if (result.warning) reply.header('x-cybozu-warning', result.warning);
      return jsonObject({ records: jsonArray(result.records), totalCount: result.totalCount === null ? null : String(result.totalCount) });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/records.json',
    access: 'app.read',
    input: addRecordsInput,
    handler: async ({ input, command }) => {
      const results = await command((ctx) => addRecords(ctx, input.app, input.records, (i) => `records[${i}]`));
      return { ids: results.map((r) => String(r.id)), revisions: results.map((r) => String(r.revision)) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/records.json',
    access: 'app.read',
    input: updateRecordsInput,
    handler: async ({ input, command }) => {
      const upsert = input.upsert ?? false;
      const results = await command((ctx) => updateRecords(ctx, input.app, input.records, { upsert, prefix: (i) => `records[${i}]` }));
      return { records: results.map((r) => ({ id: String(r.id), revision: String(r.revision), ...(r.operation ? { operation: r.operation } : {}) })) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/k/v1/records.json',
    access: 'app.read',
    input: deleteRecordsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteRecords(ctx, input.app, input.ids, input.revisions));
      return {};
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/records/cursor.json',
    access: 'app.read',
    input: createCursorInput,
    handler: async ({ input, command }) => {
      const r = await command((ctx) => createCursor(ctx, input.app, { query: input.query ?? '', fields: input.fields, size: input.size ?? 100 }));
      return { id: r.id, totalCount: String(r.totalCount) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/k/v1/records/cursor.json',
    access: 'app.read',
    input: cursorIdInput,
    handler: async ({ input, command }) => {
      const page = await command((ctx) => readCursor(ctx, input.id));
      return jsonObject({ records: jsonArray(page.records), next: page.next });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/k/v1/records/cursor.json',
    access: 'app.read',
    input: cursorIdInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteCursor(ctx, input.id));
      return {};
    },
  }),
];
