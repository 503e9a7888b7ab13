// Whether an action's condition (`filterCond`, a query over the app's fields) holds for a
// record right now: asked of the database, compiled like any query. It is the app's own setting,
// so fields hidden from the caller still count.
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { compile } from '../records/compile.js';
import { parseAndCheck } from '../records/query.js';
import type { RecordSchema } from '../records/schema.js';

export async function actionConditionHolds(ctx: Ctx, schema: RecordSchema, filterCond: string, recordId: number): Promise<boolean> {
  if (filterCond.trim() === '') return true;
  let query;
  try {
    query = parseAndCheck(filterCond, schema, { unrestricted: true });
  } catch (e) {
    // A condition the fields no longer support (one was deleted since): the action cannot run,
    // which GAIA_IL03 ("the settings may have been changed") says.
    if (e instanceof AppError) return false;
    throw e;
  }
  const compiled = await compile(ctx, schema, query);
  const row = await ctx.db
    .selectFrom('records as r')
    .select('r.id')
    .where('r.domainId', '=', schema.app.domainId)
    .where('r.appId', '=', schema.app.id)
    .where('r.id', '=', recordId)
    .$if(compiled.where !== null, (q) => q.where(compiled.where!))
    .executeTakeFirst();
  return row !== undefined;
}
