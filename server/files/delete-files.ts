// Removing attached files when their record or field value goes. Rows go in the caller's
// transaction; bytes go only after it commits, so a rolled-back delete loses nothing.
import type { Ctx } from '../domain/context.js';
import { deleteAttachedByKeyHashes } from '../storage/files.repo.js';
import { removeBlobs } from './blob-store.js';
import { hashKey } from './keys.js';

/** Deletes the attached files named by `recordFileKeys`; unknown keys are ignored. Returns how many went. */
export async function deleteFiles(ctx: Ctx, recordFileKeys: string[]): Promise<number> {
  const domainId = ctx.actor.domainId;
  const ids = await deleteAttachedByKeyHashes(ctx.db, domainId, [...new Set(recordFileKeys.map(hashKey))]);
  if (ids.length > 0) {
    const filesDir = ctx.config.filesDir;
    ctx.afterCommit(() => void removeBlobs(filesDir, ids.map((id) => ({ domainId, id }))));
  }
  return ids.length;
}
