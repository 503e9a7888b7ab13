import { deleteFiles } from '../../files/delete-files.js';
import { deleteRecordsByIds, deleteSearchText, findRecordsByIds } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { filesOf } from './persist.js';
import { recordSchema } from './schema.js';
import { fromStored } from './shape.js';

/** DELETE records: every id must exist (and match its revision when one is given), or none go. */
export async function deleteRecords(ctx: Ctx, appId: number, ids: number[], revisions?: Array<number | null | undefined>): Promise<void> {
  const schema = await recordSchema(ctx, appId, 'delete');
  const { domainId } = schema.app;
  const found = await findRecordsByIds(ctx.db, domainId, appId, ids);
  for (const [i, id] of ids.entries()) {
    const r = found.get(id);
    if (!r) throw new AppError('GAIA_RE01', { params: { id } });
    const expected = revisions?.[i];
    if (expected != null && expected !== -1 && expected !== r.revision) throw new AppError('GAIA_CO02');
  }
  const fileKeys = [...found.values()].flatMap((r) => filesOf(schema, fromStored(schema, r.data)).map((f) => f.fileKey));
  if (fileKeys.length) await deleteFiles(ctx, fileKeys);
  const unique = [...new Set(ids)];
  await deleteSearchText(ctx.db, domainId, appId, unique);
  await deleteRecordsByIds(ctx.db, domainId, appId, unique);
}
