// Process management: the settings (app/status.json), the status actions and assignee changes
// on records (also allowed inside bulkRequest), and our "assigned to me" list. Object-level
// access is decided in server/domain/process.
import {
  ASSIGNED_PATH,
  assignedInput,
  getProcessInput,
  putProcessInput,
  updateAssigneesInput,
  updateStatusInput,
  updateStatusesInput,
} from '../../../common/api/process.js';
import { assignedApps, assignedRecords } from '../../domain/process/assigned-to-me.js';
import { changeStatuses } from '../../domain/process/change-status.js';
import { readProcess, saveProcess } from '../../domain/process/settings.js';
import { updateAssignees } from '../../domain/process/update-assignees.js';
import { jsonArray, jsonObject } from '../json-text.js';
import { defineRoute } from '../route.js';

const settingRoutes = [
  defineRoute({
    method: 'GET',
    url: '/k/v1/app/status.json',
    access: 'app.read',
    input: getProcessInput,
    handler: async ({ input, read }) => readProcess(read(), input.app, 'live'),
  }),
  defineRoute({
    method: 'GET',
    url: '/k/v1/preview/app/status.json',
    access: 'app.manage',
    input: getProcessInput,
    handler: async ({ input, read }) => readProcess(read(), input.app, 'preview'),
  }),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/preview/app/status.json',
    access: 'app.manage',
    input: putProcessInput,
    handler: async ({ input, command }) => ({ revision: String(await command((ctx) => saveProcess(ctx, input))) }),
  }),
];

/** The record writes of process management: bulkRequest accepts these too. */
export const statusRoutes = [
  defineRoute({
    method: 'PUT',
    url: '/k/v1/record/status.json',
    access: 'app.read',
    input: updateStatusInput,
    handler: async ({ input, command }) => {
      const { app, ...item } = input;
      const [r] = await command((ctx) => changeStatuses(ctx, app, [item], () => ''));
      return { revision: String(r!.revision) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/records/status.json',
    access: 'app.read',
    input: updateStatusesInput,
    handler: async ({ input, command }) => {
      const results = await command((ctx) => changeStatuses(ctx, input.app, input.records, (i) => `records[${i}].`));
      return { records: results.map((r) => ({ id: String(r.id), revision: String(r.revision) })) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/k/v1/record/assignees.json',
    access: 'app.read',
    input: updateAssigneesInput,
    handler: async ({ input, command }) => ({
      revision: String(await command((ctx) => updateAssignees(ctx, input.app, input.id, input.assignees, input.revision))),
    }),
  }),
];

const assignedRoutes = [
  defineRoute({
    method: 'GET',
    url: ASSIGNED_PATH,
    access: 'signedIn',
    input: assignedInput,
    handler: async ({ input, read }) => {
      const present = (a: { app: number; name: string; totalCount: number }) => ({ app: String(a.app), name: a.name, totalCount: String(a.totalCount) });
      if (input.app === undefined) return { apps: (await assignedApps(read())).map(present) };
      const found = await assignedRecords(read(), input.app, { offset: input.offset ?? 0, limit: input.limit ?? 100 });
      return jsonObject({ apps: [present(found.app)], records: jsonArray(found.records) });
    },
  }),
];

export const processRoutes = [...settingRoutes, ...statusRoutes, ...assignedRoutes];
