// POST space/thread/comment.json: a comment with text, files (up to 5) and mentions (up to 10),
// by anyone who may comment in the space — members, guests, and users visiting a public space —
// and, with our `parent`, a reply to another comment of the same thread. Files are the poster's
// own temporary uploads, attached to the comment here (like a record's FILE field) and readable
// afterwards only by those who may read the thread (file-access.ts).
import type { AddThreadCommentInput } from '../../../common/api/threads.js';
import { attachUploads } from '../../files/attach-uploads.js';
import { hashKey } from '../../files/keys.js';
import { setFileOwner } from '../../storage/files.repo.js';
import { type ThreadCommentFile, findThreadComment, insertThreadComment } from '../../storage/thread-comments.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { actorId, threadIn } from './thread-access.js';
import { allowedMentions } from './thread-mentions.js';
import { threadCommentPosted } from './thread-notify.js';

/** The sequence thread comment ids come from (one per domain, like thread ids). */
export const THREAD_COMMENT_SEQUENCE = 'threadComment';

export async function addThreadComment(ctx: Ctx, input: AddThreadCommentInput): Promise<number> {
  const place = await threadIn(ctx, input.space, input.thread, 'thread.comment');
  const domainId = ctx.actor.domainId;
  if (input.parent !== undefined && !(await findThreadComment(ctx.db, domainId, place.thread.id, input.parent))) {
    throw new AppError('GAIA_RE02');
  }
  const mentions = await allowedMentions(ctx, place, input.comment.mentions ?? []);
  const [id] = await ctx.takeIds(THREAD_COMMENT_SEQUENCE, 1);
  const wanted = input.comment.files ?? [];
  const attached = await attachUploads(
    ctx,
    wanted.map((f) => f.fileKey),
  );
  const files: ThreadCommentFile[] = attached.map((f, i) => {
    const width = wanted[i]!.width;
    // kintone: a width for anything but an image is ignored.
    return { ...f, ...(width !== undefined && f.contentType.startsWith('image/') ? { width } : {}) };
  });
  await setFileOwner(
    ctx.db,
    domainId,
    files.map((f) => hashKey(f.fileKey)),
    { spaceId: place.thread.spaceId, threadId: place.thread.id, threadCommentId: id! },
  );
  await insertThreadComment(ctx.db, domainId, {
    id: id!,
    spaceId: place.thread.spaceId,
    threadId: place.thread.id,
    parentId: input.parent ?? null,
    text: input.comment.text ?? '',
    mentions,
    files,
    likeCount: 0,
    creatorId: actorId(ctx),
    createdAt: ctx.now,
  });
  await threadCommentPosted(ctx, place, id!, mentions);
  ctx.events.publish({ kind: 'thread.comment', spaceId: place.thread.spaceId, threadId: place.thread.id, commentId: id!, action: 'added' });
  return id!;
}
