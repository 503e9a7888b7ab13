// The hook for what follows a new comment. Notifications (the inbox, mail to the record's
// creator, last editor, earlier commenters and the mentioned) come in a later step; they will
// be written here, in the transaction that stores the comment, so that a notification exists
// exactly when its comment does. Until then it does nothing.
import type { Mention } from '../../../common/api/comments.js';
import type { Ctx } from '../context.js';

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

export async function commentAdded(_ctx: Ctx, _event: CommentAdded): Promise<void> {}
