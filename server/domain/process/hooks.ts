// What happens around a status change besides the record: people are to hear of it, through
// the notification inbox (notifications/status-changed.ts). These run inside the change's
// transaction, so whatever they record lands exactly when the change does, and vanishes with it.
import type { App } from '../../storage/apps.repo.js';
import type { Ctx } from '../context.js';
import { statusMoved, usersAssigned } from '../notifications/status-changed.js';

export interface StatusChange {
  app: App;
  recordId: number;
  action: string;
  from: string;
  to: string;
}

/** A record moved from one state to another (not called for an ALL assignee's own step). */
export async function statusChanged(ctx: Ctx, change: StatusChange): Promise<void> {
  await statusMoved(ctx, change);
}

/** Users (login names) became assignees of a record; `codes` lists only the newly assigned. */
export async function assigned(ctx: Ctx, who: { app: App; recordId: number; codes: string[] }): Promise<void> {
  await usersAssigned(ctx, who);
}
