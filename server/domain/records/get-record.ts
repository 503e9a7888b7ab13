import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { renderRecords } from './present.js';
import { findVisibleRecords } from './record-scope.js';
import { cachedTexts, keepTexts } from './render-cache.js';
import { recordSchema } from './schema.js';

/** GET record: one record by id as JSON, or GAIA_RE01 exactly as for an id that never existed. */
export async function getRecord(ctx: Ctx, appId: number, id: number): Promise<Buffer> {
  const schema = await recordSchema(ctx, appId, 'view');
  const found = await findVisibleRecords(ctx, schema, [id]);
  const record = found.get(id);
  if (!record) throw new AppError('GAIA_RE01', { params: { id } });
  const [cached] = cachedTexts(ctx, schema, [record]);
  if (cached) return cached;
  const [json] = await renderRecords(ctx, schema, [record]);
  keepTexts(ctx, schema, [record], [json!]);
  return json!;
}
