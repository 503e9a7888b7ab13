// PUT space/thread/follow.json (ours): follow or stop following a thread, to hear of its new
// comments ("All"). Not while the space's membership is fixed (features A1: nobody follows or
// unfollows on their own then), which 'thread.follow' answers.
import { setFollowing } from '../../storage/threads.repo.js';
import type { Ctx } from '../context.js';
import { actorId, threadFor } from './thread-access.js';

export async function followThread(ctx: Ctx, threadId: number, follow: boolean): Promise<void> {
  await threadFor(ctx, threadId, 'thread.follow');
  await setFollowing(ctx.db, ctx.actor.domainId, threadId, actorId(ctx), follow);
}
