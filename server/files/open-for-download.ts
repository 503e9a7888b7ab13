// GET file.json: the bytes of an attached file, for whoever may read it now. An unknown key, a
// temporary upload key, another domain's key and a file the caller may not read all fail the
// same way, on one path, so a key's existence cannot be probed (F1).
import type { Readable } from 'node:stream';
import { AppError } from '../domain/app-error.js';
import type { Ctx } from '../domain/context.js';
import { findFileByKeyHash, type StoredFile } from '../storage/files.repo.js';
import { openBlob } from './blob-store.js';
import { hashKey } from './keys.js';
import { servedAs } from './sniff.js';

export interface Download {
  stream: Readable;
  name: string;
  /** Safe to send as Content-Type: active or unknown types are application/octet-stream. */
  contentType: string;
  size: number;
  /** `inline` only for raster images whose signature was seen at upload. */
  disposition: 'inline' | 'attachment';
  sha256: string;
}

/** Decides whether the caller may read this file now (record and field permissions). */
export type MayRead = (file: StoredFile) => Promise<boolean>;

export async function openForDownload(ctx: Ctx, recordFileKey: string, mayRead: MayRead): Promise<Download> {
  const file = await findFileByKeyHash(ctx.db, ctx.actor.domainId, 'attached', hashKey(recordFileKey));
  if (!file || !(await mayRead(file))) throw new AppError('GAIA_BL01', { params: { id: recordFileKey } });
  // A row whose bytes are missing is our fault, not the caller's: it fails loudly (500).
  const stream = await openBlob(ctx.config.filesDir, file);
  const served = servedAs(file.contentType);
  return { stream, name: file.name, size: file.size, sha256: file.sha256, ...served };
}
