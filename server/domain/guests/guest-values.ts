// What adding a guest and editing a profile share: the locale a guest gets, and the profile
// picture (an upload attached for good, whose bytes go when nothing uses them any more).
import type { z } from 'zod';
import type { Locale } from '../../../common/access.js';
import type { guestLocale } from '../../../common/api/guests.js';
import { attachUploads } from '../../files/attach-uploads.js';
import { removeBlobs } from '../../files/blob-store.js';
import { hashKey } from '../../files/keys.js';
import { servedAs } from '../../files/sniff.js';
import { findFileByKeyHash } from '../../storage/files.repo.js';
import { deleteFilesById } from '../../storage/guests.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';

/** kintone's `auto` (follow the browser) and `zh` have no counterpart here: the domain's default. */
export function localeFor(ctx: Ctx, locale: z.output<typeof guestLocale> | undefined): Locale {
  return locale === 'ja' || locale === 'en' ? locale : ctx.config.defaultLocale;
}

/**
 * Attaches the actor's upload as a profile picture and returns the stored file's id. The key
 * must be a live upload of the actor's (else 404 GAIA_BL01, like any file key), and its bytes a
 * raster image whose signature was seen at upload (else CB_VA01 on `field`).
 */
export async function attachImage(ctx: Ctx, uploadKey: string, field: string): Promise<string> {
  const [attached] = await attachUploads(ctx, [uploadKey]);
  const file = await findFileByKeyHash(ctx.db, ctx.actor.domainId, 'attached', hashKey(attached!.fileKey));
  if (!file) throw new Error('an attached upload vanished within its transaction');
  if (servedAs(file.contentType).disposition !== 'inline') throw AppError.invalid({ [field]: 'imageRequired' });
  return file.id;
}

/** Deletes pictures no profile uses any more; the bytes go once the transaction commits. */
export async function releaseImages(ctx: Ctx, fileIds: Array<string | null>): Promise<void> {
  const domainId = ctx.actor.domainId;
  const gone = await deleteFilesById(ctx.db, domainId, fileIds.filter((id): id is string => id !== null));
  if (gone.length === 0) return;
  const filesDir = ctx.config.filesDir;
  ctx.afterCommit(() => void removeBlobs(filesDir, gone.map((id) => ({ domainId, id }))));
}
