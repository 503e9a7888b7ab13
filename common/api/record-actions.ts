// Ours, for the record details screen: the process actions the caller may take on one record
// now (`record/actions.json`), and the caller's own rights on an app (`app/rights.json`), so the
// browser shows only the buttons the server would accept and never re-decides a rule. Under
// kintone's prefix like our other app-scoped calls, so a guest space's apps answer under
// `/k/guest/{id}/v1/…` as every other call on them does.
import { z } from 'zod';
import type { AppRights } from './acl.js';
import type { AssigneeType } from './process.js';
import { numericId, recordIdParam } from './params.js';

export const RECORD_ACTIONS_PATH = '/k/v1/record/actions.json';
export const APP_RIGHTS_PATH = '/k/v1/app/rights.json';

export const recordActionsInput = z.object({ app: numericId, id: recordIdParam });
export const appRightsInput = z.object({ app: numericId });

/** One action `PUT record/status.json` would accept from the caller on the record as it is now. */
export interface RecordActionJson {
  name: string;
  /** The status the action leads to. */
  to: string;
  type: 'PRIMARY' | 'SECONDARY';
  /**
   * The next status's assignees: with `type` ONE and candidates, the caller must pick one of
   * them as `assignee`; otherwise the record takes every candidate (or nobody) by itself.
   */
  assignee: { type: AssigneeType; candidates: Array<{ code: string; name: string }> };
}

export interface RecordActionsJson {
  /** false while process management is off (then `actions` is empty). */
  enabled: boolean;
  actions: RecordActionJson[];
}

export interface AppRightsJson {
  rights: AppRights;
}
