import { roleMay } from '../../../common/access.js';
import { type CreateSpaceInput, DEFAULT_SPACE_COVER } from '../../../common/api/spaces.js';
import { roleOf } from '../../policy/actor.js';
import { nextIds } from '../../storage/db.js';
import { SPACE_SEQUENCE, THREAD_SEQUENCE, insertMembers, insertSpace, insertThread } from '../../storage/spaces.repo.js';
import { actorUserId } from '../apps/load-app.js';
import { assertRoomFor } from '../licences/enforce.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { sanitizeRichText } from '../rich-text.js';
import { resolveMembers } from './resolve-members.js';

/**
 * Creates a space (kintone has no such call; ours follows its style) with its default thread and
 * members. `isGuest` exists only here: a guest space is one from birth, and always private.
 * Guest spaces are for domain administrators to create (kintone's default permission).
 */
export async function createSpace(ctx: Ctx, input: CreateSpaceInput): Promise<{ id: number; defaultThread: number }> {
  const role = roleOf(ctx.actor);
  const isGuest = input.isGuest ?? false;
  if (!role || !roleMay(role, isGuest ? 'space.createGuest' : 'space.create')) throw new AppError('CB_NO02');
  const members = await resolveMembers(ctx, input.members);

  const domainId = ctx.actor.domainId;
  await assertRoomFor(ctx, 'spaces');
  const [id] = await nextIds(ctx.db, domainId, SPACE_SEQUENCE);
  const [threadId] = await ctx.takeIds(THREAD_SEQUENCE, 1);
  const userId = actorUserId(ctx);
  const useMultiThread = input.useMultiThread ?? false;
  await insertSpace(ctx.db, {
    domainId,
    id: id!,
    name: input.name,
    isGuest,
    isPrivate: isGuest || (input.isPrivate ?? false),
    useMultiThread,
    fixedMember: input.fixedMember ?? false,
    showAnnouncement: true,
    showThreadList: true,
    showAppList: true,
    showMemberList: true,
    showRelatedLinkList: true,
    createApp: 'EVERYONE',
    body: input.body === undefined ? null : sanitizeRichText(input.body),
    coverType: 'PRESET',
    coverKey: DEFAULT_SPACE_COVER,
    defaultThreadId: threadId!,
    creatorId: userId,
    createdAt: ctx.now,
    modifierId: userId,
    modifiedAt: ctx.now,
  });
  // kintone's single-thread space shows its one thread as the space itself: it has no name.
  const threadName = useMultiThread ? input.name : '';
  await insertThread(ctx.db, { domainId, id: threadId!, spaceId: id!, name: threadName, creatorId: userId, at: ctx.now });
  await insertMembers(ctx.db, domainId, id!, members);
  await recordAudit(ctx, { action: 'space.create', targetType: 'space', targetId: id, detail: { name: input.name, isGuest } });
  return { id: id!, defaultThread: threadId! };
}
