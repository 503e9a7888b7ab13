// POST space/thread.json (kintone's `{space, name}`, with our `body` and `notifyAll`): a new
// thread in a space with multiple threads on. Members and guests may create threads, visitors
// of a public space may not (policy/spaces.ts). The creator follows it from the start.
import type { CreateThreadInput } from '../../../common/api/threads.js';
import { THREAD_SEQUENCE } from '../../storage/spaces.repo.js';
import { findThreadSpace, insertThread, setFollowing } from '../../storage/threads.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { sanitizeRichText } from '../rich-text.js';
import { spaceFor } from '../spaces/space-access.js';
import { actorId } from './thread-access.js';
import { threadCreated } from './thread-notify.js';

export async function createThread(ctx: Ctx, input: CreateThreadInput): Promise<number> {
  const place = await spaceFor(ctx, input.space, 'thread.create');
  const domainId = ctx.actor.domainId;
  const space = await findThreadSpace(ctx.db, domainId, input.space);
  // A single-thread space is its one thread (kintone): more need multiple threads turned on.
  if (!space?.useMultiThread) throw AppError.invalid({ space: 'singleThreadSpace' });
  const userId = actorId(ctx);
  const [id] = await ctx.takeIds(THREAD_SEQUENCE, 1);
  const thread = {
    id: id!,
    spaceId: input.space,
    name: input.name,
    body: input.body === undefined ? null : sanitizeRichText(input.body),
    creatorId: userId,
    createdAt: ctx.now,
    modifierId: userId,
    modifiedAt: ctx.now,
  };
  await insertThread(ctx.db, domainId, thread);
  await setFollowing(ctx.db, domainId, thread.id, userId, true);
  await recordAudit(ctx, { action: 'thread.create', targetType: 'thread', targetId: thread.id, detail: { space: input.space } });
  await threadCreated(ctx, { ...place, thread }, input.notifyAll ?? false);
  return thread.id;
}
