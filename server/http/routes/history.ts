// Record history (ours, in kintone's style: kintone keeps it but has no API for it). Who may is
// decided in the use cases: the app's view right and the record inside the caller's record
// permissions to read; the edit right on the record to revert.
import { getHistoryInput, revertInput } from '../../../common/api/history.js';
import { listHistory } from '../../domain/history/list-history.js';
import { revertRecord } from '../../domain/history/revert-record.js';
import { defineRoute } from '../route.js';

export const historyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/k/v1/record/history.json',
    access: 'app.read',
    input: getHistoryInput,
    handler: async ({ input, read }) => listHistory(read(), input.app, input.id, { offset: input.offset, limit: input.limit }),
  }),
  defineRoute({
    method: 'POST',
    url: '/k/v1/record/history/revert.json',
    access: 'app.read',
    input: revertInput,
    handler: async ({ input, command }) => {
      const revision = await command((ctx) => revertRecord(ctx, input.app, input.id, input.revision, input.currentRevision));
      return { revision: String(revision) };
    },
  }),
];
