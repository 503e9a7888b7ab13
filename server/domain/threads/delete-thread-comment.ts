// DELETE space/thread/comment.json (ours): its author takes a comment back, or a space
// administrator removes it; its files and likes go with it. Replies stay, still naming it.
import { deleteFiles } from '../../files/delete-files.js';
import { spaceMay } from '../../policy/spaces.js';
import { deleteThreadComment as deleteStoredComment, findThreadComment } from '../../storage/thread-comments.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { actorId, threadIn } from './thread-access.js';

export async function deleteThreadComment(ctx: Ctx, spaceId: number, threadId: number, commentId: number): Promise<void> {
  const place = await threadIn(ctx, spaceId, threadId, 'space.read');
  const domainId = ctx.actor.domainId;
  const comment = await findThreadComment(ctx.db, domainId, threadId, commentId);
  if (!comment) throw new AppError('GAIA_RE02');
  // Whoever reads the thread reads its comments: refusing here reveals nothing.
  if (comment.creatorId !== actorId(ctx) && !spaceMay(place.role, 'thread.editAny', place.space)) throw new AppError('CB_NO02');
  if (comment.files.length) await deleteFiles(ctx, comment.files.map((f) => f.fileKey));
  await deleteStoredComment(ctx.db, domainId, threadId, commentId);
  await recordAudit(ctx, { action: 'thread.comment.delete', targetType: 'thread', targetId: threadId, detail: { comment: commentId } });
  ctx.events.publish({ kind: 'thread.comment', spaceId: place.thread.spaceId, threadId, commentId, action: 'deleted' });
}
