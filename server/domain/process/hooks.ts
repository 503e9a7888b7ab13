// What happens around a status change besides the record: people are to hear of it. The
// notification inbox ("To me": you were assigned; "All": the status of a record you follow
// changed) arrives later and will fill these in. They run inside the change's transaction, so
// whatever they record lands exactly when the change does, and vanishes with it.
import type { App } from '../../storage/apps.repo.js';
import type { Ctx } from '../context.js';

export interface StatusChange {
  app: App;
  recordId: number;
  action: string;
  from: string;
  to: string;
}

/** A record moved from one state to another (not called for an ALL assignee's own step). */
export async function statusChanged(_ctx: Ctx, _change: StatusChange): Promise<void> {
  // Nothing yet: the notification inbox will tell the record's followers.
}

/** Users (login names) became assignees of a record; `codes` lists only the newly assigned. */
export async function assigned(_ctx: Ctx, _who: { app: App; recordId: number; codes: string[] }): Promise<void> {
  // Nothing yet: the notification inbox will give each a "To me" notification.
}
