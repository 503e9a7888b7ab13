import type { UpdateSpaceInput } from '../../../common/api/spaces.js';
import { type SpaceChange, findSpace, updateSpace as saveSpace } from '../../storage/spaces.repo.js';
import { actorUserId } from '../apps/load-app.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { spaceFor, spaceUnseen } from './space-access.js';

/**
 * PUT space.json: a space administrator's settings. Multiple threads, once on, stay on (kintone
 * ignores `false`); a guest space stays private whatever `isPrivate` says (features A2), so that
 * `false` is ignored too. The schema has no `isGuest`: a space never becomes a guest space.
 */
export async function updateSpace(ctx: Ctx, input: UpdateSpaceInput): Promise<void> {
  const { space: facts } = await spaceFor(ctx, input.id, 'space.manage');
  const space = await findSpace(ctx.db, ctx.actor.domainId, facts.id);
  if (!space) throw spaceUnseen(ctx, input.id);
  const change: SpaceChange = {
    name: input.name,
    isPrivate: space.isGuest ? undefined : input.isPrivate,
    useMultiThread: input.useMultiThread === true ? true : undefined,
    fixedMember: input.fixedMember,
    showAnnouncement: input.showAnnouncement,
    showThreadList: input.showThreadList,
    showAppList: input.showAppList,
    showMemberList: input.showMemberList,
    showRelatedLinkList: input.showRelatedLinkList,
    createApp: input.permissions?.createApp,
  };
  await saveSpace(ctx.db, ctx.actor.domainId, space.id, change, actorUserId(ctx), ctx.now);
  // A public space made private shuts its visitors out.
  if (change.isPrivate === true && !space.isPrivate) ctx.events.publish({ kind: 'space.membership', spaceId: space.id, userIds: null });
  const changed = Object.keys(change).filter((k) => change[k as keyof SpaceChange] !== undefined);
  await recordAudit(ctx, { action: 'space.update', targetType: 'space', targetId: space.id, detail: { changed } });
}
