// Record history (ours, in kintone's style — kintone has no API for it):
// `GET /k/v1/record/history.json` and `POST /k/v1/record/history/revert.json`. Request schemas
// and the shapes they answer, shared by the server, the web client and the tests.
import { z } from 'zod';
import { revisionParam } from './apps.js';
import { MAX_ID, intParam, numericId, recordIdParam } from './params.js';

/** Versions per GET, and the default. */
export const MAX_VERSIONS_PER_PAGE = 100;
export const DEFAULT_VERSIONS_PER_PAGE = 20;

export type VersionKindJson = 'ADD' | 'EDIT' | 'STATUS' | 'REVERT';

/** One field a version changed; values as kintone's record JSON writes them (`value`). */
export interface FieldChangeJson {
  code: string;
  type: string;
  before: unknown;
  after: unknown;
}

export interface VersionJson {
  revision: string;
  /** Who saved it; null when the caller may not see the modifier (creator, for ADD) field. */
  modifier: { code: string; name: string } | null;
  /** UTC to the second; null when the caller may not see the updated (created, for ADD) time field. */
  updatedAt: string | null;
  kind: VersionKindJson;
  changes: FieldChangeJson[];
}

export interface HistoryPage {
  /** Newest first. */
  versions: VersionJson[];
  /** Whether versions older than this page exist. */
  older: boolean;
}

export const getHistoryInput = z.object({
  app: numericId,
  id: recordIdParam,
  offset: intParam(0, MAX_ID).optional(),
  limit: intParam(1, MAX_VERSIONS_PER_PAGE).optional(),
});

export const revertInput = z.object({
  app: numericId,
  id: recordIdParam,
  /** The version to go back to. */
  revision: intParam(1, MAX_ID),
  /** The record's revision now, checked like a PUT's `revision` (absent or -1: no check). */
  currentRevision: revisionParam,
});
