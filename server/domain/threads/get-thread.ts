// GET space/thread.json (ours): one thread, for whoever may read its space.
import type { ThreadJson } from '../../../common/api/threads.js';
import type { Ctx } from '../context.js';
import { presentThreads } from './present-thread.js';
import { threadFor } from './thread-access.js';

export async function getThread(ctx: Ctx, threadId: number): Promise<ThreadJson> {
  const place = await threadFor(ctx, threadId, 'space.read');
  const [shown] = await presentThreads(ctx, place.version, place.thread.spaceId, [place.thread]);
  return shown!;
}
