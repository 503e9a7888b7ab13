// Form fields, layout and views: GET on live and preview, writes on preview only.
import { appParam, deleteFieldsInput, fieldsInput, layoutInput, viewsInput } from '../../../common/api/apps.js';
import { addFields, deleteFields, updateFields } from '../../domain/apps/form-fields.js';
import { layoutOf, updateLayout, updateViews } from '../../domain/apps/layout-and-views.js';
import { readStage } from '../../domain/apps/load-app.js';
import type { Stage } from '../../storage/apps.repo.js';
import { defineRoute } from '../route.js';

const path = (stage: Stage, name: string) => (stage === 'live' ? `/k/v1/${name}.json` : `/k/v1/preview/${name}.json`);

const reads = (['live', 'preview'] as const).flatMap((stage) => [
  defineRoute({
    method: 'GET',
    url: path(stage, 'app/form/fields'),
    access: 'app.read',
    input: appParam,
    handler: async ({ input, read }) => {
      const { revision, definition } = await readStage(read(), input.app, stage);
      return { properties: definition.fields, revision: String(revision) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: path(stage, 'app/form/layout'),
    access: 'app.read',
    input: appParam,
    handler: async ({ input, read }) => {
      const { revision, definition } = await readStage(read(), input.app, stage);
      return { layout: layoutOf(definition), revision: String(revision) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: path(stage, 'app/views'),
    access: 'app.read',
    input: appParam,
    handler: async ({ input, read }) => {
      const { revision, definition } = await readStage(read(), input.app, stage);
      return { views: definition.views, revision: String(revision) };
    },
  }),
]);

export const appFormRoutes = [
  ...reads,
  defineRoute({
    method: 'POST',
    url: path('preview', 'app/form/fields'),
    access: 'app.manage',
    input: fieldsInput,
    handler: async ({ input, command }) => ({
      revision: String(await command((ctx) => addFields(ctx, input.app, input.properties, input.revision))),
    }),
  }),
  defineRoute({
    method: 'PUT',
    url: path('preview', 'app/form/fields'),
    access: 'app.manage',
    input: fieldsInput,
    handler: async ({ input, command }) => ({
      revision: String(await command((ctx) => updateFields(ctx, input.app, input.properties, input.revision))),
    }),
  }),
  defineRoute({
    method: 'DELETE',
    url: path('preview', 'app/form/fields'),
    access: 'app.manage',
    input: deleteFieldsInput,
    handler: async ({ input, command }) => ({
      revision: String(await command((ctx) => deleteFields(ctx, input.app, input.fields, input.revision))),
    }),
  }),
  defineRoute({
    method: 'PUT',
    url: path('preview', 'app/form/layout'),
    access: 'app.manage',
    input: layoutInput,
    handler: async ({ input, command }) => ({
      revision: String(await command((ctx) => updateLayout(ctx, input.app, input.layout, input.revision))),
    }),
  }),
  defineRoute({
    method: 'PUT',
    url: path('preview', 'app/views'),
    access: 'app.manage',
    input: viewsInput,
    handler: async ({ input, command }) => {
      const { revision, views } = await command((ctx) => updateViews(ctx, input.app, input.views, input.revision));
      return { views, revision: String(revision) };
    },
  }),
];
