import { deleteFiles } from '../../files/delete-files.js';
import { deleteSearchText } from '../../storage/record-search.repo.js';
import { deleteRecordsByIds } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { filesOf } from './persist.js';
import { findVisibleRecords } from './record-scope.js';
import { recordSchema } from './schema.js';
import { recordsChanged } from './record-events.js';
import { fromStored } from './shape.js';

/**
 * DELETE records: every id must be a record the actor sees (and match its revision when one is
 * given) and may delete, or none go.
 */
export async function deleteRecords(ctx: Ctx, appId: number, ids: number[], revisions?: Array<number | null | undefined>): Promise<void> {
  const schema = await recordSchema(ctx, appId, 'delete');
  const { domainId } = schema.app;
  const found = await findVisibleRecords(ctx, schema, ids, 'delete');
  // Every id must be found before any refusal: a refusal would say that a record exists.
  for (const id of ids) if (!found.has(id)) throw new AppError('GAIA_RE01', { params: { id } });
  for (const [i, id] of ids.entries()) {
    const r = found.get(id)!;
    if (!r.allowed) throw new AppError('CB_NO02');
    const expected = revisions?.[i];
    if (expected != null && expected !== -1 && expected !== r.revision) throw new AppError('GAIA_CO02');
  }
  const fileKeys = [...found.values()].flatMap((r) => filesOf(schema, fromStored(schema, r.data)).map((f) => f.fileKey));
  if (fileKeys.length) await deleteFiles(ctx, fileKeys);
  const unique = [...new Set(ids)];
  await deleteSearchText(ctx.db, domainId, appId, unique);
  await deleteRecordsByIds(ctx.db, domainId, appId, unique);
  recordsChanged(ctx, appId, unique.map((id) => ({ id, revision: null })));
}
