// GET /v1/space/thread/comment/likes.json (ours): who liked a thread comment ("いいね!" with
// names), for whoever may read the thread. Suspended and deleted accounts are left out.
import { type LikersJson, MAX_LIKERS } from '../../../common/api/space-people.js';
import { toDb, dialectOf } from '../../storage/dialect.js';
import { findThreadComment } from '../../storage/thread-comments.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { threadIn } from './thread-access.js';

export async function listCommentLikers(ctx: Ctx, spaceId: number, threadId: number, commentId: number): Promise<LikersJson> {
  const place = await threadIn(ctx, spaceId, threadId, 'space.read');
  const domainId = ctx.actor.domainId;
  const comment = await findThreadComment(ctx.db, domainId, place.thread.id, commentId);
  if (!comment) throw new AppError('GAIA_RE02');
  const rows = await ctx.db
    .selectFrom('threadCommentLikes as l')
    .innerJoin('users as u', (j) => j.onRef('u.domainId', '=', 'l.domainId').onRef('u.id', '=', 'l.userId'))
    .select(['u.code', 'u.name'])
    .where('l.domainId', '=', domainId)
    .where('l.commentId', '=', commentId)
    .where('u.valid', '=', toDb.bool(dialectOf(ctx.db), true))
    .orderBy('l.createdAt')
    .orderBy('u.id')
    .limit(MAX_LIKERS)
    .execute();
  return { users: rows.map((r) => ({ code: r.code, name: r.name })), likeCount: String(comment.likeCount) };
}
