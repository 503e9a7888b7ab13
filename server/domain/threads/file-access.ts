// May this actor download a file attached to a thread comment now? Only if it may read the
// thread, through the request's path (probe G2): a file of space B asked for under A's guest
// prefix, or a guest space's file on the plain path, is refused like an unknown key (GAIA_BL01,
// decided by the caller) — no code says that the key exists.
import type { ThreadFileOwner } from '../../storage/files.repo.js';
import { findThreadComment } from '../../storage/thread-comments.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { threadIn } from './thread-access.js';

export async function mayReadThreadFile(ctx: Ctx, owner: ThreadFileOwner): Promise<boolean> {
  try {
    await threadIn(ctx, owner.spaceId, owner.threadId, 'space.read');
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
  // A file outlives nothing: its comment must still be there.
  return (await findThreadComment(ctx.db, ctx.actor.domainId, owner.threadId, owner.threadCommentId)) !== null;
}
