import { updateSpace } from '../../storage/spaces.repo.js';
import { actorUserId } from '../apps/load-app.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { sanitizeRichText } from '../rich-text.js';
import { spaceFor } from './space-access.js';

/** PUT space/body.json: the announcement board, rich text cut down to the allowlist (probe X4). */
export async function updateSpaceBody(ctx: Ctx, spaceId: number, body: string): Promise<void> {
  const { space } = await spaceFor(ctx, spaceId, 'space.manage');
  await updateSpace(ctx.db, ctx.actor.domainId, space.id, { body: sanitizeRichText(body) }, actorUserId(ctx), ctx.now);
  await recordAudit(ctx, { action: 'space.body.update', targetType: 'space', targetId: space.id });
}
