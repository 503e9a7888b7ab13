import { nextIds } from '../../storage/db.js';
import { insertRecords } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import { claimUniqueValues, indexText, ownFiles } from './persist.js';
import { prepareWrites } from './prepare.js';
import { recordSchema } from './schema.js';
import { toStored } from './shape.js';
import { writerOf } from './writer.js';

/** POST record(s): all records or none. Returns ids and revisions in input order. */
export async function addRecords(ctx: Ctx, appId: number, records: unknown[], prefix: (i: number) => string): Promise<Array<{ id: number; revision: number }>> {
  const schema = await recordSchema(ctx, appId);
  const writer = await writerOf(ctx);
  const values = await prepareWrites(ctx, schema, records.map((input, i) => ({ input, prefix: prefix(i) })), writer);
  const ids = await nextIds(ctx.db, schema.app.domainId, `record:${appId}`, values.length);
  await insertRecords(
    ctx.db,
    schema.app.domainId,
    appId,
    values.map((v, i) => ({
      id: ids[i]!,
      revision: 1,
      data: toStored(schema, v),
      creatorId: writer.userId,
      createdAt: ctx.now,
      modifierId: writer.userId,
      updatedAt: ctx.now,
    })),
  );
  for (const [i, v] of values.entries()) {
    await claimUniqueValues(ctx, schema, ids[i]!, v);
    await ownFiles(ctx, schema, ids[i]!, v);
  }
  await indexText(ctx, schema, values.map((v, i) => ({ id: ids[i]!, values: v })));
  return ids.map((id) => ({ id, revision: 1 }));
}
