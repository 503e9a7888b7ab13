// Managing public views (ours): the people who manage an app (app.manage, decided per app by
// domain/apps/load-app.ts) list, make, change, publish and delete its views and regenerate their
// URLs, and preview a draft as its visitors would see it. API tokens never do: a view reads as
// the person who made it.
import {
  PUBLIC_VIEWS_PATH,
  PUBLIC_VIEW_PUBLISH_PATH,
  PUBLIC_VIEW_REGENERATE_PATH,
  createViewInput,
  listViewsInput,
  publishViewInput,
  updateViewInput,
  viewIdInput,
} from '../../../common/api/public-views.js';
import { PUBLIC_VIEW_PREVIEW_FILE_PATH, PUBLIC_VIEW_PREVIEW_PATH, previewViewInput } from '../../../common/api/public-view-preview.js';
import { createPublicView } from '../../domain/public-views/create-view.js';
import { deletePublicView } from '../../domain/public-views/delete-view.js';
import { listMemberCandidates, listPublicViews } from '../../domain/public-views/list-views.js';
import { previewFile, previewFileInput } from '../../domain/public-views/preview-files.js';
import { previewPublicView } from '../../domain/public-views/preview-view.js';
import { publishPublicView } from '../../domain/public-views/publish-view.js';
import { regeneratePublicViewUrl } from '../../domain/public-views/regenerate-url.js';
import { updatePublicView } from '../../domain/public-views/update-view.js';
import { sendDownload } from '../present/download.js';
import { defineRoute } from '../route.js';

export const publicViewRoutes = [
  defineRoute({
    method: 'GET',
    url: PUBLIC_VIEWS_PATH,
    access: 'publicView.manage',
    input: listViewsInput,
    handler: async ({ input, read }) => (input.members ? listMemberCandidates(read(), input.app) : { views: await listPublicViews(read(), input.app) }),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEWS_PATH,
    access: 'publicView.manage',
    input: createViewInput,
    handler: async ({ input, command }) => command((ctx) => createPublicView(ctx, input)),
  }),
  defineRoute({
    method: 'PUT',
    url: PUBLIC_VIEWS_PATH,
    access: 'publicView.manage',
    input: updateViewInput,
    handler: async ({ input, command }) => ({ view: await command((ctx) => updatePublicView(ctx, input)) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: PUBLIC_VIEWS_PATH,
    access: 'publicView.manage',
    input: viewIdInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deletePublicView(ctx, input.id));
      return {};
    },
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEW_PUBLISH_PATH,
    access: 'publicView.manage',
    input: publishViewInput,
    handler: async ({ input, command }) => ({ view: await command((ctx) => publishPublicView(ctx, input.id, input.published)) }),
  }),
  // The view as a visitor would see it, from a draft (published or not): managers only, nothing
  // written, nothing reachable under /public/ (domain/public-views/preview-view.ts).
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEW_PREVIEW_PATH,
    access: 'publicView.manage',
    input: previewViewInput,
    handler: async ({ input, read }) => previewPublicView(read(), input),
  }),
  // A preview's attachment, for the manager's session that previewed it (preview-files.ts).
  defineRoute({
    method: 'GET',
    url: PUBLIC_VIEW_PREVIEW_FILE_PATH,
    access: 'publicView.manage',
    input: previewFileInput,
    handler: async ({ input, read, reply }) => sendDownload(reply, await previewFile(read(), input), 'private, no-store'),
  }),
  defineRoute({
    method: 'POST',
    url: PUBLIC_VIEW_REGENERATE_PATH,
    access: 'publicView.manage',
    input: viewIdInput,
    handler: async ({ input, command }) => command((ctx) => regeneratePublicViewUrl(ctx, input.id)),
  }),
];
