import { activeUsers, deleteUserMember, loadSpaceMembers } from '../../storage/spaces.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';

/**
 * POST space/leave.json: a user named as a member leaves (not with fixed membership). Only one's
 * own member row goes: who belongs through a group or department stays. The last administrator
 * cannot leave, so a space always has someone to manage it.
 */
export async function leaveSpace(ctx: Ctx, spaceId: number): Promise<void> {
  const { space } = await spaceFor(ctx, spaceId, 'space.leave');
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AppError('CB_NO02');
  const rows = (await loadSpaceMembers(ctx.db, actor.domainId, space.id)).filter((r) => r.code !== null);
  const mine = rows.find((r) => r.entityType === 'USER' && r.entityId === actor.userId);
  if (!mine) throw new AppError('CB_NO02');
  if (mine.isAdmin) {
    const others = rows.filter((r) => r.isAdmin && r !== mine);
    const activeAdmins = await activeUsers(ctx.db, actor.domainId, others.filter((r) => r.entityType === 'USER').map((r) => r.entityId));
    if (!others.some((r) => r.entityType !== 'USER' || activeAdmins.has(r.entityId))) throw AppError.invalid({ id: 'lastSpaceAdmin' });
  }
  await deleteUserMember(ctx.db, actor.domainId, space.id, actor.userId);
  ctx.events.publish({ kind: 'space.membership', spaceId: space.id, userIds: [actor.userId] });
  await recordAudit(ctx, { action: 'space.leave', targetType: 'space', targetId: space.id });
}
