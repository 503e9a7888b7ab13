// The records engine's side of files. A FILE value names uploads to attach (upload keys) and
// attached files to keep (record file keys); both are checked here, inside the engine's
// transaction, so a record never points at bytes its writer could not use.
import { AppError } from '../domain/app-error.js';
import type { Ctx } from '../domain/context.js';
import { attachUpload, findAttachedByKeyHashes, type StoredFile } from '../storage/files.repo.js';
import { hashKey, newRecordFileKey } from './keys.js';

/** What a record's FILE value shows of one file (size as a number; kintone prints a string). */
export interface AttachedFile {
  fileKey: string;
  name: string;
  contentType: string;
  size: number;
}

function notFound(key: string): AppError {
  return new AppError('GAIA_BL01', { params: { id: key } });
}

function toAttached(fileKey: string, f: StoredFile): AttachedFile {
  return { fileKey, name: f.name, contentType: f.contentType, size: f.size };
}

/**
 * Attaches uploads and returns their new record file keys, in order. Each key must be a live
 * temporary upload made in this domain by this actor; a key that is unknown, expired, already
 * attached, or someone else's fails the same way (GAIA_BL01), so no key can be probed (F2).
 */
export async function attachUploads(ctx: Ctx, uploadKeys: string[]): Promise<AttachedFile[]> {
  const actor = ctx.actor;
  const attached: AttachedFile[] = [];
  for (const key of uploadKeys) {
    if (actor.kind !== 'user' && actor.kind !== 'guest') throw notFound(key);
    const fileKey = newRecordFileKey(ctx.now);
    const file = await attachUpload(
      ctx.db,
      { domainId: actor.domainId, uploaderId: actor.userId, keyHash: hashKey(key), now: ctx.now },
      hashKey(fileKey),
    );
    if (!file) throw notFound(key);
    attached.push(toAttached(fileKey, file));
  }
  return attached;
}

/**
 * Confirms that record file keys name attached files of this domain and returns them, in
 * order. Which record a kept key may come from is the records engine's check: it must have
 * been in the value being replaced (F7).
 */
export async function keepAttached(ctx: Ctx, recordFileKeys: string[]): Promise<AttachedFile[]> {
  const found = await findAttachedByKeyHashes(ctx.db, ctx.actor.domainId, [...new Set(recordFileKeys.map(hashKey))]);
  return recordFileKeys.map((key) => {
    const file = found.get(hashKey(key));
    if (!file) throw notFound(key);
    return toAttached(key, file);
  });
}
