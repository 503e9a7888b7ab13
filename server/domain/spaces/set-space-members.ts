import type { SpaceMemberInput } from '../../../common/api/spaces.js';
import { replaceSpaceMembers, updateSpace } from '../../storage/spaces.repo.js';
import { actorUserId } from '../apps/load-app.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { resolveMembers } from './resolve-members.js';
import { spaceFor } from './space-access.js';

/** PUT space/members.json: replaces the member rows, checked as at creation (resolve-members.ts). */
export async function setSpaceMembers(ctx: Ctx, spaceId: number, members: SpaceMemberInput[]): Promise<void> {
  const { space } = await spaceFor(ctx, spaceId, 'space.manage');
  const rows = await resolveMembers(ctx, members);
  await replaceSpaceMembers(ctx.db, ctx.actor.domainId, space.id, rows);
  // Members come in through groups and departments too: every stream watching the space checks.
  ctx.events.publish({ kind: 'space.membership', spaceId: space.id, userIds: null });
  await updateSpace(ctx.db, ctx.actor.domainId, space.id, {}, actorUserId(ctx), ctx.now);
  await recordAudit(ctx, {
    action: 'space.members.update',
    targetType: 'space',
    targetId: space.id,
    detail: { members: rows.map((r) => ({ type: r.entityType, id: r.entityId, isAdmin: r.isAdmin })) },
  });
}
