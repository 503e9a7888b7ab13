// DELETE public-views.json: the view, its visitor sessions with it; its URL answers "not found"
// from the next request on, on every instance (the view is looked up on each request: P8).
import { deleteView } from '../../storage/public-views.repo.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { editorOf, managedView } from './managed-view.js';

export async function deletePublicView(ctx: Ctx, id: string): Promise<void> {
  editorOf(ctx);
  const { view } = await managedView(ctx, id);
  await deleteView(ctx.db, view.domainId, view.id);
  await recordAudit(ctx, { action: 'publicView.delete', targetType: 'publicView', targetId: view.id, detail: { app: view.appId, title: view.title } });
}
