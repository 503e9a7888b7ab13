// Calls of the public-view management screens (common/api/public-views.ts): the app's views,
// creating, changing, publishing, regenerating and deleting one. Not under /k/: a view belongs to
// its app wherever the app lives, so guest-space apps use the same paths.
import {
  PUBLIC_VIEWS_PATH,
  PUBLIC_VIEW_PUBLISH_PATH,
  PUBLIC_VIEW_REGENERATE_PATH,
  type PublicViewAppJson,
  type PublicViewJson,
  type PublicViewKind,
  type PublicViewWithUrl,
} from '../../../../common/api/public-views.js';
import { api } from '../../api/client';

export const listPublicViews = (app: string) => api<{ views: PublicViewJson[] }>('GET', PUBLIC_VIEWS_PATH, { query: { app } }).then((r) => r.views);

/** The views a dashboard of `app` may hold: of every app the manager manages, with the apps' names. */
export const listMemberCandidates = (app: string) =>
  api<{ views: PublicViewJson[]; apps: PublicViewAppJson[] }>('GET', PUBLIC_VIEWS_PATH, { query: { app, members: 'true' } });

export interface ViewDraft {
  title: string;
  description: string;
  /** Absent: unchanged (a kind the form does not edit). */
  settings?: Record<string, unknown>;
  /** Absent: unchanged (edit) or none (create); null: removed. */
  password?: string | null;
  ipAllow: string[];
  /** Https origins that may show the visitor page in a frame; empty: none. */
  frameAncestors: string[];
}

export const createPublicView = (app: string, kind: PublicViewKind, draft: ViewDraft) =>
  api<PublicViewWithUrl>('POST', PUBLIC_VIEWS_PATH, { body: { app, kind, ...draft } });

export const updatePublicView = (id: string, configVersion: number, draft: ViewDraft) =>
  api<{ view: PublicViewJson }>('PUT', PUBLIC_VIEWS_PATH, { body: { id, configVersion, ...draft } }).then((r) => r.view);

export const deletePublicView = (id: string) => api<object>('DELETE', PUBLIC_VIEWS_PATH, { body: { id } });

export const publishPublicView = (id: string, published: boolean) =>
  api<{ view: PublicViewJson }>('POST', PUBLIC_VIEW_PUBLISH_PATH, { body: { id, published } }).then((r) => r.view);

export const regeneratePublicViewUrl = (id: string) => api<PublicViewWithUrl>('POST', PUBLIC_VIEW_REGENERATE_PATH, { body: { id } });

/** The cache key of an app's public views. */
export const publicViewsKey = (app: string) => ['public-views', app] as const;
/** Under publicViewsKey, so whatever refreshes the app's views refreshes these too. */
export const memberCandidatesKey = (app: string) => [...publicViewsKey(app), 'members'] as const;
