// The hook for what follows a new comment: notifications (notifications/comment-posted.ts),
// written in the transaction that stores the comment, so that a notification exists exactly
// when its comment does.
import type { Mention } from '../../../common/api/comments.js';
import type { Ctx } from '../context.js';
import { commentPosted } from '../notifications/comment-posted.js';

export interface CommentAdded {
  appId: number;
  recordId: number;
  commentId: number;
  /** The author's user id; 0 for an API token. */
  authorId: number;
  /** As posted, without the mentioned names. */
  text: string;
  /** Codes as the directory spells them; every one existed when the comment was stored. */
  mentions: Mention[];
}

export async function commentAdded(ctx: Ctx, event: CommentAdded): Promise<void> {
  await commentPosted(ctx, event);
}
