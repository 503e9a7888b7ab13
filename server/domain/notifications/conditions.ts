// Record conditions of notification settings (`filterCond`), asked of the database through the
// query compiler like any query. They are the app's own settings, so every field counts, hidden
// from the writer or not. A condition the fields no longer support (one was deleted since)
// matches nothing.
import { QueryError } from '../../../common/query/index.js';
import { compileQuery, type CompiledQuery } from '../../records/query-sql.js';
import { earlierRecordsMatching, recordsMatching } from '../../storage/record-conditions.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { compileContext } from '../records/compile.js';
import { parseAndCheck } from '../records/query.js';
import type { RecordSchema } from '../records/schema.js';

/** The condition compiled; null when it cannot hold for any record. */
async function compiled(ctx: Ctx, schema: RecordSchema, filterCond: string, textIndex: boolean): Promise<CompiledQuery | null> {
  let query;
  try {
    query = parseAndCheck(filterCond, schema, { unrestricted: true });
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
  const context = await compileContext(ctx, schema, query);
  if (!textIndex) delete context.textIndex;
  try {
    return await compileQuery(query, context);
  } catch (e) {
    // A value the field no longer takes (an option since removed, say).
    if (e instanceof QueryError) return null;
    throw e;
  }
}

/** Which of these stored records the condition holds for now. */
export async function matchingNow(ctx: Ctx, schema: RecordSchema, filterCond: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  if (filterCond.trim() === '') return new Set(ids);
  const c = await compiled(ctx, schema, filterCond, true);
  return c ? recordsMatching(ctx.db, schema.app.domainId, schema.app.id, ids, c.where) : new Set();
}

/** Which of these records, as they were before a write, the condition held for. */
export async function matchedBefore(ctx: Ctx, schema: RecordSchema, filterCond: string, before: StoredRecord[]): Promise<Set<number>> {
  if (before.length === 0) return new Set();
  if (filterCond.trim() === '') return new Set(before.map((r) => r.id));
  const c = await compiled(ctx, schema, filterCond, false);
  return c ? earlierRecordsMatching(ctx.db, schema.app.domainId, schema.app.id, before, c.where) : new Set();
}

/** The condition compiled for a search over the app's records (reminders); null: none match. */
export async function conditionSql(ctx: Ctx, schema: RecordSchema, filterCond: string): Promise<CompiledQuery | null> {
  return compiled(ctx, schema, filterCond, true);
}
