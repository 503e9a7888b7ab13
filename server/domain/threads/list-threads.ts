// GET space/threads.json (ours): a space's threads, newest first, a page at a time.
import { MAX_THREADS_PER_PAGE, type ThreadsPage } from '../../../common/api/threads.js';
import { countThreads, listThreads as listStoredThreads } from '../../storage/threads.repo.js';
import type { Ctx } from '../context.js';
import { spaceFor } from '../spaces/space-access.js';
import { presentThreads } from './present-thread.js';

export async function listThreads(ctx: Ctx, spaceId: number, page: { offset?: number; limit?: number }): Promise<ThreadsPage> {
  const place = await spaceFor(ctx, spaceId, 'space.read');
  const domainId = ctx.actor.domainId;
  const total = await countThreads(ctx.db, domainId, spaceId);
  const stored = await listStoredThreads(ctx.db, domainId, spaceId, page.offset ?? 0, page.limit ?? MAX_THREADS_PER_PAGE);
  return { threads: await presentThreads(ctx, place.version, spaceId, stored), totalCount: String(total) };
}
