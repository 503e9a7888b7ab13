import { type Download, openForDownload } from '../../files/open-for-download.js';
import { findSpace } from '../../storage/spaces.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';

/** GET space/cover.json: the uploaded cover of a space the reader may see; a preset has no bytes here. */
export async function openSpaceCover(ctx: Ctx, spaceId: number): Promise<Download> {
  await spaceFor(ctx, spaceId, 'space.read');
  const space = await findSpace(ctx.db, ctx.actor.domainId, spaceId);
  if (!space || space.coverType !== 'BLOB') throw new AppError('GAIA_BL01', { params: { id: spaceId } });
  // The key comes from the space row, never from the caller: reading the space is reading its cover.
  return openForDownload(ctx, space.coverKey, async (file) => file.kind === 'attached');
}
