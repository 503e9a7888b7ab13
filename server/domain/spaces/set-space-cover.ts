import type { UpdateSpaceCoverInput } from '../../../common/api/spaces.js';
import { attachUploads } from '../../files/attach-uploads.js';
import { removeBlobs } from '../../files/blob-store.js';
import { hashKey } from '../../files/keys.js';
import { servedAs } from '../../files/sniff.js';
import { findFileByKeyHash } from '../../storage/files.repo.js';
import { deleteFileRows, findSpace, markCoverFile, updateSpace } from '../../storage/spaces.repo.js';
import { actorUserId } from '../apps/load-app.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { spaceFor, spaceUnseen } from './space-access.js';

/**
 * PUT space/cover.json: a preset picture, or an upload of the administrator's (POST file.json)
 * attached for good. An uploaded cover must be a raster image whose signature was seen at upload;
 * the picture it replaces is deleted, its bytes once the transaction commits.
 */
export async function setSpaceCover(ctx: Ctx, input: UpdateSpaceCoverInput): Promise<void> {
  const { space: facts } = await spaceFor(ctx, input.id, 'space.manage');
  const domainId = ctx.actor.domainId;
  const space = await findSpace(ctx.db, domainId, facts.id);
  if (!space) throw spaceUnseen(ctx, input.id);

  let coverKey: string;
  if (input.coverType === 'PRESET') {
    if (input.coverKey === undefined) throw AppError.invalid({ coverKey: 'required' });
    coverKey = input.coverKey;
  } else {
    if (input.fileKey === undefined) throw AppError.invalid({ fileKey: 'required' });
    const [attached] = await attachUploads(ctx, [input.fileKey]);
    const file = await findFileByKeyHash(ctx.db, domainId, 'attached', hashKey(attached!.fileKey));
    if (!file) throw new Error('an attached upload vanished within its transaction');
    if (servedAs(file.contentType).disposition !== 'inline') throw AppError.invalid({ fileKey: 'imageRequired' });
    await markCoverFile(ctx.db, domainId, file.id, space.id);
    coverKey = attached!.fileKey;
  }

  if (space.coverType === 'BLOB') {
    const old = await findFileByKeyHash(ctx.db, domainId, 'attached', hashKey(space.coverKey));
    const gone = old ? await deleteFileRows(ctx.db, domainId, [old.id]) : [];
    if (gone.length) {
      const filesDir = ctx.config.filesDir;
      ctx.afterCommit(() => void removeBlobs(filesDir, gone.map((id) => ({ domainId, id }))));
    }
  }
  await updateSpace(ctx.db, domainId, space.id, { coverType: input.coverType, coverKey }, actorUserId(ctx), ctx.now);
  await recordAudit(ctx, { action: 'space.cover.update', targetType: 'space', targetId: space.id, detail: { coverType: input.coverType } });
}
