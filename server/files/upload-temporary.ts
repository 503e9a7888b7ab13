// POST file.json: bytes into temporary storage under a fresh upload key, bound to the uploader
// and the domain. The key is handed out once and kept only as its hash.
import type { Readable } from 'node:stream';
import { AppError } from '../domain/app-error.js';
import type { Ctx } from '../domain/context.js';
import { insertTemporaryFile } from '../storage/files.repo.js';
import { type StagedBlob, stageBlob } from './blob-store.js';
import { hashKey, newUploadKey } from './keys.js';
import { sanitiseFileName } from './names.js';
import { detectContentType } from './sniff.js';

/** kintone keeps an unattached upload for three days. */
export const UPLOAD_TTL_MS = 3 * 24 * 3_600_000;

export interface UploadMeta {
  /** As the client sent it; sanitised here. */
  name: string;
  /** The part's Content-Type; believed only where the bytes do not say otherwise. */
  declaredType?: string;
}

/** The uploader a key is bound to: a signed-in person, never a token or a job. */
function uploaderOf(ctx: Ctx): number {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'guest') throw new AppError('CB_NO02');
  // A guest works under its guest space's path only, uploads included (docs/api.md "Guest spaces").
  if (ctx.actor.kind === 'guest' && ctx.kintonePath && ctx.guestSpaceId === undefined) throw new AppError('CB_NO02');
  return ctx.actor.userId;
}

/** Streams `stream` to disk and records it; nothing is left behind if any step fails. */
export async function uploadTemporary(ctx: Ctx, stream: Readable, meta: UploadMeta): Promise<{ fileKey: string }> {
  uploaderOf(ctx);
  const staged = await stageUpload(ctx, stream);
  try {
    return await commitUpload(ctx, staged, meta);
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

/** The first half of an upload, outside any transaction: the bytes, hashed and sized. */
export function stageUpload(ctx: Pick<Ctx, 'actor' | 'config'>, stream: Readable): Promise<StagedBlob> {
  return stageBlob(stream, {
    filesDir: ctx.config.filesDir,
    domainId: ctx.actor.domainId,
    maxBytes: ctx.config.fileMaxBytes,
  });
}

/**
 * The second half, in the caller's transaction: the row, then the rename. If the transaction
 * fails after this returns, the caller discards `staged` (the rename has already happened, and
 * discard() knows where the bytes are).
 */
export async function commitUpload(ctx: Ctx, staged: StagedBlob, meta: UploadMeta): Promise<{ fileKey: string }> {
  const uploaderId = uploaderOf(ctx);
  if (staged.domainId !== ctx.actor.domainId) throw new Error('staged upload belongs to another domain');
  const fileKey = newUploadKey();
  await insertTemporaryFile(ctx.db, {
    domainId: ctx.actor.domainId,
    id: staged.id,
    keyHash: hashKey(fileKey),
    uploaderId,
    name: sanitiseFileName(meta.name),
    contentType: detectContentType(staged.head, meta.declaredType),
    size: staged.size,
    sha256: staged.sha256,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + UPLOAD_TTL_MS),
  });
  await staged.place();
  return { fileKey };
}
