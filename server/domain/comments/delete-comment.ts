// DELETE record/comment.json: only its author takes a comment back (through an API token,
// only comments posted through a token, kintone's "Administrator"). Nobody edits one.
import { deleteComment as deleteStoredComment, findComment } from '../../storage/comments.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { authorId, commentedRecord } from './commented-record.js';

export async function deleteComment(ctx: Ctx, appId: number, recordId: number, commentId: number): Promise<void> {
  const { key } = await commentedRecord(ctx, appId, recordId);
  const comment = await findComment(ctx.db, key, commentId);
  if (!comment) throw new AppError('GAIA_RE02');
  // Whoever sees the record sees its comments, so refusing here reveals nothing.
  if (comment.creatorId !== authorId(ctx)) throw new AppError('CB_NO02');
  await deleteStoredComment(ctx.db, key, commentId);
  ctx.events.publish({ kind: 'record.comment', appId, recordId, commentId, action: 'deleted' });
}
