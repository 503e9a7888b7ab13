import { removeBlobs } from '../../files/blob-store.js';
import { appIdsOfSpace, deleteSpaceAndContents } from '../../storage/spaces.repo.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';

/**
 * DELETE space.json: the space and everything in it — threads with their comments and files,
 * members, guests' places, favourites, the cover, and its apps with their records — in the
 * caller's transaction. The bytes of files go once it commits. Guest accounts stay.
 */
export async function deleteSpace(ctx: Ctx, spaceId: number): Promise<void> {
  const { space } = await spaceFor(ctx, spaceId, 'space.manage');
  const domainId = ctx.actor.domainId;
  const apps = await appIdsOfSpace(ctx.db, domainId, space.id);
  const files = await deleteSpaceAndContents(ctx.db, domainId, space.id, apps);
  ctx.events.publish({ kind: 'space.membership', spaceId: space.id, userIds: null });
  if (files.length) {
    const filesDir = ctx.config.filesDir;
    ctx.afterCommit(() => void removeBlobs(filesDir, files.map((id) => ({ domainId, id }))));
  }
  await recordAudit(ctx, { action: 'space.delete', targetType: 'space', targetId: space.id, detail: { isGuest: space.isGuest, apps } });
}
