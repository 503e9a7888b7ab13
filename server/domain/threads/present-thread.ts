// Threads as the API shows them, with today's names of their creators and modifiers.
import type { ThreadJson } from '../../../common/api/threads.js';
import { countCommentsOf } from '../../storage/thread-comments.repo.js';
import { type StoredThread, findThreadSpace, followedAmong } from '../../storage/threads.repo.js';
import type { Ctx } from '../context.js';
import { loadNames } from '../directory/cache.js';
import { personOf } from './comment-text.js';
import { actorId } from './thread-access.js';

function utc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Threads of one space, in the order given. */
export async function presentThreads(ctx: Ctx, version: number, spaceId: number, threads: StoredThread[]): Promise<ThreadJson[]> {
  if (threads.length === 0) return [];
  const domainId = ctx.actor.domainId;
  const ids = threads.map((t) => t.id);
  const [space, followed, counts, names] = await Promise.all([
    findThreadSpace(ctx.db, domainId, spaceId),
    followedAmong(ctx.db, domainId, actorId(ctx), ids),
    countCommentsOf(ctx.db, domainId, ids),
    loadNames(ctx, version, { user: new Set(), group: new Set(), organization: new Set() }, new Set(threads.flatMap((t) => [t.creatorId, t.modifierId]))),
  ]);
  return threads.map((t) => ({
    id: String(t.id),
    space: String(t.spaceId),
    name: t.name,
    body: t.body,
    isDefault: space?.defaultThreadId === t.id,
    creator: personOf(t.creatorId, names),
    createdAt: utc(t.createdAt),
    modifier: personOf(t.modifierId, names),
    modifiedAt: utc(t.modifiedAt),
    following: followed.has(t.id),
    commentCount: String(counts.get(t.id) ?? 0),
  }));
}
