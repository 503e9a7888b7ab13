// PUT space/thread/comment/like.json (ours): like or unlike a comment; liking twice counts once.
// A new like tells the comment's author ("All"); one's own like tells nobody (deliver.ts).
import { findThreadComment, setLike } from '../../storage/thread-comments.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { actorId, threadIn } from './thread-access.js';
import { threadCommentLiked } from './thread-notify.js';

export async function likeThreadComment(ctx: Ctx, spaceId: number, threadId: number, commentId: number, like: boolean): Promise<number> {
  const place = await threadIn(ctx, spaceId, threadId, 'thread.comment');
  const domainId = ctx.actor.domainId;
  const comment = await findThreadComment(ctx.db, domainId, threadId, commentId);
  if (!comment) throw new AppError('GAIA_RE02');
  const { changed, likeCount } = await setLike(ctx.db, domainId, commentId, actorId(ctx), like, ctx.now);
  if (changed && like) await threadCommentLiked(ctx, place, commentId, comment.creatorId);
  // Its like count is part of the comment: readers refetch it.
  if (changed) ctx.events.publish({ kind: 'thread.comment', spaceId: place.thread.spaceId, threadId, commentId, action: 'edited' });
  return likeCount;
}
