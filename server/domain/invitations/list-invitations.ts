import type { InvitationJson } from '../../../common/api/invitations.js';
import { listInvitations as listRows } from '../../storage/invitations.repo.js';
import { userNames } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { invitingAdmin } from './invitation-access.js';
import { presentInvitation } from './invitation-values.js';

/** A guest space's invitations, oldest first, with their status now; its administrators only. */
export async function listInvitations(ctx: Ctx, input: { id: number; offset: number; limit: number }): Promise<InvitationJson[]> {
  const { spaceId } = await invitingAdmin(ctx, input.id);
  const rows = await listRows(ctx.db, ctx.actor.domainId, spaceId, input);
  const inviters = await userNames(ctx.db, ctx.actor.domainId, rows.map((r) => r.inviterId));
  return rows.map((r) => presentInvitation(r, ctx.now, inviters.get(r.inviterId)));
}
