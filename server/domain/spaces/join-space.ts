import { insertMembers } from '../../storage/spaces.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';

/** POST space/join.json: a user visiting a public space becomes a member (not with fixed membership). */
export async function joinSpace(ctx: Ctx, spaceId: number): Promise<void> {
  const { space } = await spaceFor(ctx, spaceId, 'space.join');
  if (ctx.actor.kind !== 'user') throw new AppError('CB_NO02');
  await insertMembers(ctx.db, ctx.actor.domainId, space.id, [{ entityType: 'USER', entityId: ctx.actor.userId, isAdmin: false, includeSubs: false }]);
  await recordAudit(ctx, { action: 'space.join', targetType: 'space', targetId: space.id });
}
