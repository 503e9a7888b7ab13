// "Assigned to me" (ours; kintone's portal shows it): per app the caller can read, how many of
// the records they may view wait for them — they are a current assignee — and, for one app, the
// records themselves. Each count is the ordinary records query `<assignee field> in
// (LOGINUSER())` under the caller's app, record and field permissions, so it can never count a
// record a list would not show.
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { scope } from '../../policy/scope.js';
import { listApps } from '../../storage/apps.repo.js';
import { countRecords, listRecords } from '../records/list-records.js';
import { parseAndCheck } from '../records/query.js';
import { compileScoped } from '../records/record-scope.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { enabledProcess, processFields } from './model.js';

export interface AssignedApp {
  app: number;
  name: string;
  totalCount: number;
}

const CHUNK = 200;

function assignedQuery(schema: RecordSchema): string | null {
  const field = processFields(schema.fields).assignee;
  return enabledProcess(schema.def) && field ? `${field.code} in (LOGINUSER())` : null;
}

/** The count for one app the caller may view, or null when it has nothing to count. */
async function countFor(ctx: Ctx, appId: number): Promise<AssignedApp | null> {
  let schema: RecordSchema;
  try {
    schema = await recordSchema(ctx, appId, 'view');
  } catch (e) {
    if (e instanceof AppError) return null; // apps one may not read records of count nothing
    throw e;
  }
  const text = assignedQuery(schema);
  if (!text) return null;
  let query;
  try {
    query = parseAndCheck(text, schema);
  } catch (e) {
    if (e instanceof AppError) return null; // the assignee field is hidden from the caller
    throw e;
  }
  const totalCount = await countRecords(ctx, schema, await compileScoped(ctx, schema, query));
  return totalCount > 0 ? { app: appId, name: schema.app.name, totalCount } : null;
}

/** Every app with records waiting for the caller, in app id order. */
export async function assignedApps(ctx: Ctx): Promise<AssignedApp[]> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'guest') return [];
  const out: AssignedApp[] = [];
  for (let from = 0; ; from += CHUNK) {
    const apps = await listApps(ctx.db, scope(ctx.actor, 'apps'), { offset: from, limit: CHUNK });
    for (const app of apps) {
      const found = await countFor(ctx, app.id);
      if (found) out.push(found);
    }
    if (apps.length < CHUNK) return out;
  }
}

/** One app's records waiting for the caller, newest first, with their count. */
export async function assignedRecords(ctx: Ctx, appId: number, page: { offset: number; limit: number }): Promise<{ app: AssignedApp; records: Buffer[] }> {
  const schema = await recordSchema(ctx, appId, 'view');
  const text = assignedQuery(schema);
  if (!text) throw new AppError('GAIA_ST02');
  const result = await listRecords(ctx, appId, { query: `${text} order by $id desc limit ${page.limit} offset ${page.offset}`, totalCount: true });
  return { app: { app: appId, name: schema.app.name, totalCount: result.totalCount ?? 0 }, records: result.records };
}
