// DELETE space/thread.json (ours): a thread with its comments, likes, follows and files. The
// same people as for editing (update-thread.ts); a space's first thread stays, as the space
// itself shows it. Notifications about the thread are left to fade: with the thread gone, no
// reader sees them any more (notifications/threads.ts).
import { deleteFiles } from '../../files/delete-files.js';
import { threadFileKeys } from '../../storage/thread-comments.repo.js';
import { deleteThread as deleteStoredThread, findThreadSpace } from '../../storage/threads.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { checkEditable, threadFor } from './thread-access.js';

export async function deleteThread(ctx: Ctx, threadId: number): Promise<void> {
  const place = await threadFor(ctx, threadId, 'space.read');
  checkEditable(ctx, place);
  const domainId = ctx.actor.domainId;
  const space = await findThreadSpace(ctx.db, domainId, place.thread.spaceId);
  if (space?.defaultThreadId === threadId) throw AppError.invalid({ id: 'defaultThread' });
  const files = await threadFileKeys(ctx.db, domainId, threadId);
  if (files.length) await deleteFiles(ctx, files);
  await deleteStoredThread(ctx.db, domainId, threadId);
  await recordAudit(ctx, { action: 'thread.delete', targetType: 'thread', targetId: threadId, detail: { space: place.thread.spaceId } });
}
