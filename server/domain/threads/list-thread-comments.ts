// GET space/thread/comments.json (ours): a page of a thread's comments by id, in the shape of
// record comments (kintone's `older` and `newer` say whether more lie on either side), with
// files, replies and likes.
import { MAX_COMMENTS_PER_PAGE, type ThreadCommentJson, type ThreadCommentsPage } from '../../../common/api/threads.js';
import { type StoredThreadComment, countThreadComments, likedAmong, listThreadComments as listStored } from '../../storage/thread-comments.repo.js';
import type { Ctx } from '../context.js';
import { loadNames } from '../directory/cache.js';
import { mentionCodes, personOf, shownText } from './comment-text.js';
import { actorId, threadIn } from './thread-access.js';

export interface ThreadCommentsQuery {
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export async function listThreadComments(ctx: Ctx, spaceId: number, threadId: number, q: ThreadCommentsQuery = {}): Promise<ThreadCommentsPage> {
  const place = await threadIn(ctx, spaceId, threadId, 'space.read');
  const domainId = ctx.actor.domainId;
  const order = q.order ?? 'desc';
  const offset = q.offset ?? 0;
  const limit = q.limit ?? MAX_COMMENTS_PER_PAGE;
  const total = await countThreadComments(ctx.db, domainId, threadId);
  const stored = await listStored(ctx.db, domainId, threadId, order, offset, limit);
  const before = offset > 0 && total > 0;
  const after = offset + limit < total;
  const comments = await present(ctx, place.version, stored);
  return order === 'desc' ? { comments, older: after, newer: before } : { comments, older: before, newer: after };
}

async function present(ctx: Ctx, version: number, stored: StoredThreadComment[]): Promise<ThreadCommentJson[]> {
  if (stored.length === 0) return [];
  const names = await loadNames(ctx, version, mentionCodes(stored), new Set(stored.map((c) => c.creatorId)));
  const liked = await likedAmong(ctx.db, ctx.actor.domainId, actorId(ctx), stored.map((c) => c.id));
  return stored.map((c) => ({
    id: String(c.id),
    text: shownText(c, names),
    creator: personOf(c.creatorId, names),
    createdAt: c.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    mentions: c.mentions.map((m) => ({ code: m.code, type: m.type })),
    files: c.files.map((f) => ({
      fileKey: f.fileKey,
      name: f.name,
      contentType: f.contentType,
      size: String(f.size),
      ...(f.width !== undefined ? { width: String(f.width) } : {}),
    })),
    ...(c.parentId !== null ? { parent: String(c.parentId) } : {}),
    likeCount: String(c.likeCount),
    likedByMe: liked.has(c.id),
  }));
}
